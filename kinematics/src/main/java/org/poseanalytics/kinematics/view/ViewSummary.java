package org.poseanalytics.kinematics.view;

import java.util.Map;

/**
 * The camera's view of the subject over a recording, for summary.json's {@code view} and the analysis page.
 *
 * @param dominant                 the view of most frames (UNKNOWN when none could be told)
 * @param share                    fraction of the frames with a known view that had the dominant one
 * @param shares                   fraction per view (frames with a known view)
 * @param sagittalPlaneToImageDeg  median angle between the body's sagittal plane and the image plane (0 = side view)
 * @param frontalPlaneToImageDeg   median angle between the body's frontal plane and the image plane (0 = front/back view)
 */
public record ViewSummary(CameraView dominant, double share, Map<CameraView, Double> shares,
                          double sagittalPlaneToImageDeg, double frontalPlaneToImageDeg) {

    public ViewSummary { shares = Map.copyOf(shares); }

    public static ViewSummary unknown() { return new ViewSummary(CameraView.UNKNOWN, 0, Map.of(), Double.NaN, Double.NaN); }
}
