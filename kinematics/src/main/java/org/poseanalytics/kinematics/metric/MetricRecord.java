package org.poseanalytics.kinematics.metric;

import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.quality.Quality;

/**
 * One number for a database row: e.g. ("knee_flexion_3d_peak", 97.4, "deg", LEFT, 2, VALID, "") is the peak 3D
 * knee flexion of the left knee in repetition 2. {@code repetition} is null for session-wide values.
 * {@code reason} is one line a clinician understands, "" when the quality is valid.
 */
public record MetricRecord(String name, double value, String unit, Side side, Integer repetition, Quality quality, String reason) {

    public MetricRecord {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a metric needs a name");
        if (unit == null) throw new IllegalArgumentException("metric " + name + " needs a unit (\"\" for a count is not allowed; use \"count\")");
        if (side == null) side = Side.NONE;
        if (quality == null) throw new IllegalArgumentException("metric " + name + " needs a quality");
        if (reason == null) reason = "";
        if (quality != Quality.VALID && reason.isBlank()) throw new IllegalArgumentException("metric " + name + " is " + quality.id() + " without a reason");
    }

    /** TODO(quality): every producer rates its metrics; this unrated form is a scaffold and goes. */
    @Deprecated
    public MetricRecord(String name, double value, String unit, Side side, Integer repetition) {
        this(name, value, unit, side, repetition, Quality.VALID, "");
    }

    /** TODO(quality): scaffold, see above. */
    @Deprecated
    public static MetricRecord session(String name, double value, String unit, Side side) {
        return new MetricRecord(name, value, unit, side, null);
    }

    public static MetricRecord session(String name, double value, String unit, Side side, Quality quality, String reason) {
        return new MetricRecord(name, value, unit, side, null, quality, reason);
    }

    public MetricRecord withQuality(Quality q, String why) { return new MetricRecord(name, value, unit, side, repetition, q, why); }

    /** The summary.json key: side prefix + name, e.g. left_knee_flexion_3d_peak. */
    public String key() { return side.prefix() + name; }
}
