package org.poseanalytics.pose.blazepose;

/**
 * The landmark model's answer for one ROI, mapped to frame pixels: 39 points (33 body landmarks, then the
 * auxiliary points; 33 and 34 seed the next frame's ROI), z on the x scale in pixels, visibility and presence as
 * probabilities, world points in metres (39 × x, y, z), and the pose presence score. Arrays are owned by the
 * receiver.
 */
public record Landmarks(double score, double[] x, double[] y, double[] z, double[] visibility, double[] presence,
                        double[] world, Roi roi) {
    public static final int BODY = 33;
    public static final int ALL = 39;
    /** Auxiliary points: hip centre and full-body scale point, like the detector's first two keypoints. */
    public static final int AUX_CENTRE = 33;
    public static final int AUX_SCALE = 34;
}
