package org.poseanalytics.kinematics.metric;

/**
 * A value with its unit and quality, as summary.json's metrics map holds them; {@code reason} is null when valid
 * (so the JSON leaves it out).
 */
public record Measure(double value, String unit, String quality, String reason) {

    public static Measure of(MetricRecord m) {
        return new Measure(m.value(), m.unit(), m.quality().id(), m.reason().isBlank() ? null : m.reason());
    }
}
