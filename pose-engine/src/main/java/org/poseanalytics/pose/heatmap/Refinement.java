package org.poseanalytics.pose.heatmap;

/** How the integer argmax of a heatmap is moved to a sub-cell position. */
public enum Refinement {
    /** The argmax cell itself: up to half a cell (two input pixels at stride 4) of quantisation error. */
    NONE,
    /** A quarter cell towards the higher neighbour (Simple Baselines / HRNet's original decoder). */
    QUARTER_OFFSET,
    /**
     * DARK (Zhang et al., CVPR 2020): blur, take the log and do one Newton step with the local gradient and
     * Hessian, which is exact for a Gaussian peak. The default, as in MMPose's MSRAHeatmap(unbiased=True).
     */
    DARK
}
