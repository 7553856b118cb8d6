package org.poseanalytics.kinematics.metric;

import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;

/**
 * One number for a database row: e.g. ("knee_flexion_3d_peak", 97.4, "deg", LEFT, 2, VALID, "") is the peak 3D
 * knee flexion of the left knee in repetition 2. {@code repetition} is null for session-wide values.
 * {@code reason} is one line a clinician understands, "" when the quality is valid. An invalid figure is not a
 * measurement: its value is NaN whatever was passed, so no reader can show it as one.
 *
 * <p>{@code quality} is null only for a figure stored before quality checks existed, read back by the web app
 * ({@link #unrated}); this module never makes one, and such a figure says {@link #NOT_RATED} instead of a reason.
 */
public record MetricRecord(String name, double value, String unit, Side side, Integer repetition, Quality quality, String reason) {

    /** What a figure stored before quality checks says instead of a quality. */
    public static final String NOT_RATED = "not rated — analysed before quality checks; re-analyse to rate";

    public MetricRecord {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a metric needs a name");
        if (unit == null) throw new IllegalArgumentException("metric " + name + " needs a unit (\"\" for a count is not allowed; use \"count\")");
        if (side == null) side = Side.NONE;
        if (reason == null) reason = "";
        if (quality == null && !reason.isEmpty()) throw new IllegalArgumentException("metric " + name + " has a reason but no quality");
        if (quality != null && quality != Quality.VALID && reason.isBlank()) throw new IllegalArgumentException("metric " + name + " is " + quality.id() + " without a reason");
        if (quality == Quality.INVALID) value = Double.NaN;
    }

    /** A figure stored before quality checks existed: no quality, no reason; its {@link #note()} says so. */
    public static MetricRecord unrated(String name, double value, String unit, Side side, Integer repetition) {
        return new MetricRecord(name, value, unit, side, repetition, null, "");
    }

    public static MetricRecord of(String name, double value, String unit, Side side, Integer repetition, Rating rating) {
        return new MetricRecord(name, value, unit, side, repetition, rating.quality(), rating.reason());
    }

    public static MetricRecord session(String name, double value, String unit, Side side, Rating rating) {
        return of(name, value, unit, side, null, rating);
    }

    public static MetricRecord session(String name, double value, String unit, Side side, Quality quality, String reason) {
        return new MetricRecord(name, value, unit, side, null, quality, reason);
    }

    public MetricRecord withQuality(Quality q, String why) { return new MetricRecord(name, value, unit, side, repetition, q, why); }

    /** The same figure under another unit (a placeholder's guess corrected). */
    MetricRecord withUnit(String u) { return new MetricRecord(name, value, u, side, repetition, quality, reason); }

    /** The same figure under another name and unit. */
    MetricRecord renamed(String n, String u) { return new MetricRecord(n, value, u, side, repetition, quality, reason); }

    public Rating rating() { return new Rating(quality, reason); }

    /** False for a figure stored before quality checks ({@link #unrated}). */
    public boolean rated() { return quality != null; }

    /** Whether the value may be shown as a number: measured, and not rated invalid (an invalid value is no result). */
    public boolean shownAsNumber() { return Double.isFinite(value) && quality != Quality.INVALID; }

    /** Why it is not fully trusted: the reason, {@link #NOT_RATED}, "not measurable", or "" when valid. */
    public String note() {
        if (quality == null) return NOT_RATED;
        if (!reason.isBlank()) return reason;
        return Double.isFinite(value) ? "" : "not measurable";
    }

    /** The summary.json key: side prefix + name, e.g. left_knee_flexion_3d_peak. */
    public String key() { return side.prefix() + name; }
}
