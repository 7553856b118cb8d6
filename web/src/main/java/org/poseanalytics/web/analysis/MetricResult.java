package org.poseanalytics.web.analysis;

import org.poseanalytics.kinematics.quality.Quality;

/**
 * One figure: e.g. ("knee_flexion_3d_peak", 97.4, "deg", LEFT, 2, VALID, "") is the peak 3D knee flexion of the left
 * knee in repetition 2. {@code repetition} is null for session-wide values. NaN when it could not be measured.
 *
 * @param quality how far it can be trusted; null for figures stored before quality checks existed ("not rated")
 * @param reason  one line a clinician understands when the quality is not valid, "" otherwise
 */
public record MetricResult(String name, double value, String unit, BodySide side, Integer repetition, Quality quality,
                           String reason) {

    /** What a figure stored before quality checks says instead of a quality. */
    public static final String NOT_RATED = "not rated — analysed before quality checks; re-analyse to rate";

    public MetricResult {
        if (reason == null) reason = "";
    }

    /** A figure without a quality: stored before quality checks existed (or made so in a test). */
    public MetricResult(String name, double value, String unit, BodySide side, Integer repetition) {
        this(name, value, unit, side, repetition, null, "");
    }

    /** Side prefix + name, as in summary.json: e.g. left_knee_flexion_3d_peak. */
    public String key() { return side.prefix() + name; }

    public boolean rated() { return quality != null; }

    /** Whether the value may be shown as a number: measured, and not rated invalid (an invalid value is no result). */
    public boolean shownAsNumber() { return Double.isFinite(value) && quality != Quality.INVALID; }

    /** Why it is not fully trusted: the reason, {@link #NOT_RATED}, "not measurable", or "" when valid. */
    public String note() {
        if (quality == null) return NOT_RATED;
        if (!reason.isBlank()) return reason;
        return Double.isFinite(value) ? "" : "not measurable";
    }
}
