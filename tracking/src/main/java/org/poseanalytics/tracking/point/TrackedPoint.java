package org.poseanalytics.tracking.point;

/**
 * The point in one frame. When {@code occluded}, x and y are NaN: the point could not be followed reliably
 * (lost to occlusion, leaving the frame, or failing the forward–backward check) and no position is made up.
 * Confidence is in [0, 1], from the forward–backward error and appearance match.
 */
public record TrackedPoint(long frame, double timeS, double xPx, double yPx, double confidence, boolean occluded) {}
