package org.poseanalytics.tracking.identity;

/**
 * When tracks are pieces of one person rather than people, applied once the whole video is tracked
 * ({@link Tracks}): the tracker breaks a person into several ids when it loses them (crossing behind someone,
 * leaving the frame and coming back), and a pose model sometimes reports one body twice.
 *
 * @param minPersonS         a track (after joining) spanning less time than this is a fragment and is dropped;
 *                           never more than half the video, so a short clip keeps its people
 * @param maxReentryGapS     a track that starts at most this long after another ended may continue it
 * @param maxReentryHeights  ... when its first box centre lies within this many body (box) heights of the other's
 *                           last one, with a body height within a factor 2
 * @param sameBodyOks        two detections in one frame are the same body when their keypoints agree this well
 *                           (object keypoint similarity over the keypoints both saw)
 * @param sameBodyShare      a track is a duplicate of another when it is the same body in at least this share of
 *                           their common frames (two people crossing overlap only briefly)
 */
public record FragmentRules(double minPersonS, double maxReentryGapS, double maxReentryHeights, double sameBodyOks,
                            double sameBodyShare) {
    public FragmentRules {
        if (!(minPersonS >= 0)) throw new IllegalArgumentException("min person time must be >= 0 s, got " + minPersonS);
        if (!(maxReentryGapS >= 0)) throw new IllegalArgumentException("max re-entry gap must be >= 0 s, got " + maxReentryGapS);
        if (!(maxReentryHeights >= 0)) throw new IllegalArgumentException("max re-entry distance must be >= 0 heights, got " + maxReentryHeights);
        if (!(sameBodyOks > 0 && sameBodyOks <= 1)) throw new IllegalArgumentException("same-body OKS must be in (0, 1], got " + sameBodyOks);
        if (!(sameBodyShare > 0 && sameBodyShare <= 1)) throw new IllegalArgumentException("same-body share must be in (0, 1], got " + sameBodyShare);
    }

    public static FragmentRules defaults() {
        return new FragmentRules(0.5, 2.0, 1.0, 0.5, 0.6);
    }

    /**
     * Every confirmed track counts as a person, the tracker's own ids (to test the tracker itself): nothing is
     * shorter than 0 s, no gap is 0 s long, and only keypoints identical to the last digit are the same body.
     */
    public static FragmentRules off() {
        return new FragmentRules(0, 0, 0, 1, 1);
    }
}
