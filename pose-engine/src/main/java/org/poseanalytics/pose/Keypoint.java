package org.poseanalytics.pose;

/**
 * One landmark in pixels of the displayed frame (rotation applied, origin top-left). {@code z} is depth
 * relative to the hips on the same scale as x (BlazePose) or 0 for 2D models; visibility and presence are
 * probabilities in [0, 1].
 */
public record Keypoint(double x, double y, double z, double visibility, double presence) {
    public static final Keypoint MISSING = new Keypoint(Double.NaN, Double.NaN, Double.NaN, 0, 0);

    public boolean isMissing() { return Double.isNaN(x) || Double.isNaN(y); }
}
