package org.poseanalytics.tracking.identity;

/**
 * Settings of the identity tracker (ByteTrack-style two-pass association).
 *
 * @param highScore      detections at or above this score are matched first and may start tracks
 * @param lowScore       detections between this and {@code highScore} only continue existing tracks (an
 *                       occluded person is often still seen, weakly); below it they are ignored
 * @param minSimilarity  a detection joins a track only when 0.5·IoU + 0.5·OKS reaches this
 * @param minHits        matches in a row before a new track counts as a person (not a false detection);
 *                       tracks present in the very first frame count at once
 * @param maxLostS       a track unseen for longer than this ends; within it, a reappearing person gets
 *                       their old id back (re-association after a short occlusion)
 * @param minKeypointVisibility keypoints below this visibility are ignored by OKS and box fitting
 */
public record TrackerConfig(double highScore, double lowScore, double minSimilarity, int minHits, double maxLostS,
                            double minKeypointVisibility) {
    public TrackerConfig {
        if (!(lowScore >= 0 && lowScore <= highScore && highScore <= 1)) {
            throw new IllegalArgumentException("need 0 <= lowScore <= highScore <= 1, got " + lowScore + " and " + highScore);
        }
        if (!(minSimilarity > 0 && minSimilarity < 1)) throw new IllegalArgumentException("min similarity must be in (0, 1), got " + minSimilarity);
        if (minHits < 1) throw new IllegalArgumentException("min hits must be >= 1, got " + minHits);
        if (!(maxLostS >= 0)) throw new IllegalArgumentException("max lost time must be >= 0 s, got " + maxLostS);
    }

    public static TrackerConfig defaults() {
        return new TrackerConfig(0.5, 0.1, 0.2, 3, 1.0, 0.3);
    }

    public TrackerConfig withMaxLostS(double s) {
        return new TrackerConfig(highScore, lowScore, minSimilarity, minHits, s, minKeypointVisibility);
    }
}
