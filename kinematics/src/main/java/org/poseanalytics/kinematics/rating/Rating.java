package org.poseanalytics.kinematics.rating;

import org.poseanalytics.kinematics.quality.Quality;

/**
 * A figure's quality with the one line a clinician reads when it is not valid ("" when valid), e.g.
 * (INVALID, "frontal-plane angle from a side view").
 */
public record Rating(Quality quality, String reason) {
    public static final Rating VALID = new Rating(Quality.VALID, "");

    public Rating {
        if (quality == null) throw new IllegalArgumentException("a rating needs a quality");
        if (reason == null) reason = "";
        if (quality != Quality.VALID && reason.isBlank()) throw new IllegalArgumentException(quality.id() + " rating without a reason");
        if (quality == Quality.VALID) reason = "";
    }

    public static Rating low(String reason) { return new Rating(Quality.LOW, reason); }

    public static Rating invalid(String reason) { return new Rating(Quality.INVALID, reason); }

    public boolean usable() { return quality.usable(); }

    /** The worse of the two (the first one's reason on a tie): a figure built from two is as good as the weaker. */
    public Rating worst(Rating other) {
        return other.quality.ordinal() > quality.ordinal() ? other : this;
    }
}
