package org.poseanalytics.web.analysis;

import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.triangulation.Triangulated;

/**
 * A multi-camera analysis's skeleton in 3D as stored: the triangulated keypoints (filtered, as the angles were
 * measured; metres in the calibration's world frame, on the first camera's clock) and the calibration the
 * triangulation used, which is all that reprojecting them into each camera needs.
 */
public record MultiViewSkeleton(Calibration calibration, Triangulated points) {}
