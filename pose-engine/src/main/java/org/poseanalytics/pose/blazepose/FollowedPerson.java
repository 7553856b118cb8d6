package org.poseanalytics.pose.blazepose;

/**
 * One person BlazePose's video mode is following: their ROI for the next frame, their own smoothing filters (so
 * one person's motion never leaks into another's One Euro state) and the last smoothed landmarks.
 */
final class FollowedPerson {
    /**
     * A detection whose hip centre lies closer than this × the followed person's alignment radius (hip centre to
     * full-body scale point, about half the body's height) to the followed hip centre is that person again. People
     * standing shoulder to shoulder are ~0.5 radius apart, so they are still looked at; {@link #isSamePose} decides.
     */
    static final double NEAR_DETECTION = 0.4;
    /**
     * Two poses are the same person when their 33 landmarks are on average closer than this × the larger
     * alignment radius: two ROIs on one body give nearly the same landmarks (≤ 0.014 on the squat fixture with the
     * ROI moved by a tenth of its size, SamePersonRulesOnRealFramesTest), neighbours differ by their separation
     * (≥ ~0.5 shoulder to shoulder; 1.76 in the side-by-side test video).
     */
    static final double SAME_POSE = 0.15;

    private final LandmarkSmoothing smoothing = new LandmarkSmoothing();
    private Landmarks landmarks;
    private Roi roi;

    /** Starts following from the first landmarks found for a new detection. */
    static FollowedPerson startFrom(Landmarks raw, double timeS) {
        FollowedPerson p = new FollowedPerson();
        p.update(raw, timeS);
        return p;
    }

    /** Smooths this frame's landmarks; their filtered auxiliary points give the next frame's ROI (MediaPipe). */
    void update(Landmarks raw, double timeS) {
        landmarks = smoothing.apply(raw, timeS);
        roi = Roi.fromAlignmentPoints(landmarks.x()[Landmarks.AUX_CENTRE], landmarks.y()[Landmarks.AUX_CENTRE],
                landmarks.x()[Landmarks.AUX_SCALE], landmarks.y()[Landmarks.AUX_SCALE]);
    }

    Roi roi() { return roi; }

    /** The last smoothed landmarks. */
    Landmarks landmarks() { return landmarks; }

    /** The landmark model's pose presence on the last frame, to pick which of two converged follows to keep. */
    double score() { return landmarks.score(); }

    /** Whether a detection is (most likely) this person found again, judged from the hip centres alone. */
    boolean isNear(Detection d) {
        double radius = alignmentRadius(landmarks);
        double dx = d.keypointX(0) - landmarks.x()[Landmarks.AUX_CENTRE];
        double dy = d.keypointY(0) - landmarks.y()[Landmarks.AUX_CENTRE];
        return Math.hypot(dx, dy) < NEAR_DETECTION * radius;
    }

    /** Whether {@code other} (landmarks in frame pixels) shows the same body as this person's last landmarks. */
    boolean isSamePose(Landmarks other) { return poseDistance(other) < SAME_POSE; }

    /** Mean distance of the 33 body landmarks to {@code other}'s, in units of the larger alignment radius. */
    double poseDistance(Landmarks other) {
        double radius = Math.max(alignmentRadius(landmarks), alignmentRadius(other));
        if (!(radius > 0)) return Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < Landmarks.BODY; i++) {
            sum += Math.hypot(other.x()[i] - landmarks.x()[i], other.y()[i] - landmarks.y()[i]);
        }
        return sum / Landmarks.BODY / radius;
    }

    private static double alignmentRadius(Landmarks l) {
        return Math.hypot(l.x()[Landmarks.AUX_SCALE] - l.x()[Landmarks.AUX_CENTRE],
                l.y()[Landmarks.AUX_SCALE] - l.y()[Landmarks.AUX_CENTRE]);
    }
}
