package org.poseanalytics.kinematics.metric;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A value with its unit and quality, as summary.json's metrics map holds them. {@code value} is null for an invalid
 * figure (not a measurement); {@code reason} is null when valid. Nulls are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measure(Double value, String unit, String quality, String reason) {

    public static Measure of(MetricRecord m) {
        return new Measure(Double.isFinite(m.value()) ? m.value() : null, m.unit(), m.quality().id(), m.reason().isBlank() ? null : m.reason());
    }
}
