package org.poseanalytics.web.analysis;

import org.poseanalytics.kinematics.quality.SampleIssue;

/**
 * One angle of the subject over the samples of its {@link Angles}: degrees (NaN = not measurable in that sample),
 * continuous (unwrapped), and the angular velocity in degrees per second on the real timestamps.
 *
 * @param column e.g. left_knee_flexion_3d_deg (the angles.csv header)
 * @param joint  e.g. knee_flexion (clinical neutral-zero convention, see DESIGN.md)
 * @param unit   "deg"
 * @param issues per sample, why it is not fully trusted ({@link SampleIssue#NONE} when it is); null for angles stored
 *               before samples were rated
 */
public record AngleColumn(String column, String joint, BodySide side, AngleDimension dimension, String unit,
                          float[] valuesDeg, float[] velocityDegPerS, SampleIssue[] issues) {

    public AngleColumn {
        if (valuesDeg.length != velocityDegPerS.length) throw new IllegalArgumentException(column + ": values and velocities differ in length");
        if (issues != null && issues.length != valuesDeg.length) throw new IllegalArgumentException(column + ": values and issues differ in length");
    }

    /** An angle whose samples are not rated (stored before quality checks, or made so in a test). */
    public AngleColumn(String column, String joint, BodySide side, AngleDimension dimension, String unit,
                       float[] valuesDeg, float[] velocityDegPerS) {
        this(column, joint, side, dimension, unit, valuesDeg, velocityDegPerS, null);
    }

    public boolean rated() { return issues != null; }
}
