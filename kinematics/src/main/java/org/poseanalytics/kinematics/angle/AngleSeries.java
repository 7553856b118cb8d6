package org.poseanalytics.kinematics.angle;

import java.util.Arrays;

/**
 * One angle over time in degrees (NaN = not measurable in that sample), continuous (unwrapped), with its
 * angular velocity in degrees per second on the real timestamps.
 */
public record AngleSeries(JointAngle angle, Side side, Dimension dimension, double[] valuesDeg, double[] velocityDegPerS) {

    public AngleSeries {
        if (valuesDeg.length != velocityDegPerS.length) throw new IllegalArgumentException("values and velocities differ in length");
    }

    /** Column name, e.g. left_knee_flexion_3d_deg. */
    public String column() { return angle.column(side, dimension); }

    /** Velocity column name, e.g. left_knee_flexion_3d_deg_per_s. */
    public String velocityColumn() { return column() + "_per_s"; }

    public int validCount() { return (int) Arrays.stream(valuesDeg).filter(Double::isFinite).count(); }

    public double validFraction() { return valuesDeg.length == 0 ? 0 : validCount() / (double) valuesDeg.length; }
}
