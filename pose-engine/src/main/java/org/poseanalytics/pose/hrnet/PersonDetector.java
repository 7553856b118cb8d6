package org.poseanalytics.pose.hrnet;

import java.util.List;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.image.RgbImage;

/**
 * Finds people in a picture for a top-down pose model such as HRNet, which only looks inside boxes. The
 * BlazePose detector is meant to implement this (integrator: adapt it here, or move this interface to
 * org.poseanalytics.pose when the pose engineer's detector lands).
 */
@FunctionalInterface
public interface PersonDetector {
    /** Boxes around every person found, in image pixels, best first. */
    List<BoundingBox> detect(RgbImage image);
}
