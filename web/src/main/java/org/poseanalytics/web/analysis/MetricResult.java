package org.poseanalytics.web.analysis;

/**
 * One figure: e.g. ("knee_flexion_3d_peak", 97.4, "deg", LEFT, 2) is the peak 3D knee flexion of the left knee in
 * repetition 2. {@code repetition} is null for session-wide values. NaN when it could not be measured.
 */
public record MetricResult(String name, double value, String unit, BodySide side, Integer repetition) {

    /** Side prefix + name, as in summary.json: e.g. left_knee_flexion_3d_peak. */
    public String key() { return side.prefix() + name; }
}
