package org.poseanalytics.multiview.triangulation;

/**
 * How points are triangulated.
 *
 * @param minConfidence          a view's 2D keypoint with less confidence (visibility) takes no part
 * @param maxReprojectionErrorPx every view used for a point must reproject within this; otherwise the point is
 *                               triangulated from the largest subset of views that does (per point and frame);
 *                               15 px is Pose2Sim's default for 1080p video
 * @param minViews               fewer views than this leave the point unknown (a gap)
 */
public record TriangulationConfig(double minConfidence, double maxReprojectionErrorPx, int minViews) {
    public TriangulationConfig {
        if (minConfidence < 0 || minConfidence > 1) throw new IllegalArgumentException("min confidence must be in [0, 1], got " + minConfidence);
        if (!(maxReprojectionErrorPx > 0)) throw new IllegalArgumentException("the reprojection error threshold must be > 0 px, got " + maxReprojectionErrorPx);
        if (minViews < 2) throw new IllegalArgumentException("triangulation needs at least 2 views, got " + minViews);
    }

    public static TriangulationConfig defaults() { return new TriangulationConfig(0.3, 15, 2); }
}
