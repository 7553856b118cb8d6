package org.poseanalytics.kinematics.metric;

import org.poseanalytics.kinematics.angle.Side;

/**
 * One number for a database row: e.g. ("knee_flexion_3d_peak", 97.4, "deg", LEFT, 2) is the peak 3D knee
 * flexion of the left knee in repetition 2. {@code repetition} is null for session-wide values.
 */
public record MetricRecord(String name, double value, String unit, Side side, Integer repetition) {

    public MetricRecord {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a metric needs a name");
        if (unit == null) throw new IllegalArgumentException("metric " + name + " needs a unit (\"\" for a count is not allowed; use \"count\")");
        if (side == null) side = Side.NONE;
    }

    public static MetricRecord session(String name, double value, String unit, Side side) {
        return new MetricRecord(name, value, unit, side, null);
    }

    /** The summary.json key: side prefix + name, e.g. left_knee_flexion_3d_peak. */
    public String key() { return side.prefix() + name; }
}
