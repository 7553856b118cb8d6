package org.poseanalytics.web.analysis;

/**
 * One angle of the subject over the samples of its {@link Angles}: degrees (NaN = not measurable in that sample),
 * continuous (unwrapped), and the angular velocity in degrees per second on the real timestamps.
 *
 * @param column e.g. left_knee_flexion_3d_deg (the angles.csv header)
 * @param joint  e.g. knee_flexion (clinical neutral-zero convention, see DESIGN.md)
 * @param unit   "deg"
 */
public record AngleColumn(String column, String joint, BodySide side, AngleDimension dimension, String unit,
                          float[] valuesDeg, float[] velocityDegPerS) {

    public AngleColumn {
        if (valuesDeg.length != velocityDegPerS.length) throw new IllegalArgumentException(column + ": values and velocities differ in length");
    }
}
