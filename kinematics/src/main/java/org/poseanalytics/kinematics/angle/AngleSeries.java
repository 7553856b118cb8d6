package org.poseanalytics.kinematics.angle;

import java.util.Arrays;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;

/**
 * One angle over time in degrees, within the angle's interval ({@link JointAngle#range()}), with its angular velocity in
 * degrees per second on the real timestamps and, per sample, why it is not fully trusted ({@link SampleIssue#NONE}
 * when it is) and, where a keypoint is the reason, which one ({@code keypoints}, e.g. "left_ankle"; null where none is,
 * or when not known). A sample whose issue makes it invalid is NaN in {@code valuesDeg}: it is not a measurement.
 * {@code rated} is false only for a series stored before samples were rated (see the unrated constructor).
 */
public record AngleSeries(JointAngle angle, Side side, Dimension dimension, double[] valuesDeg, double[] velocityDegPerS,
                          SampleIssue[] issues, String[] keypoints, boolean rated) {

    public AngleSeries {
        if (valuesDeg.length != velocityDegPerS.length) throw new IllegalArgumentException("values and velocities differ in length");
        if (issues.length != valuesDeg.length) throw new IllegalArgumentException("values and issues differ in length");
        if (keypoints == null) keypoints = new String[valuesDeg.length];
        if (keypoints.length != valuesDeg.length) throw new IllegalArgumentException("values and keypoints differ in length");
    }

    /** A rated series. */
    public AngleSeries(JointAngle angle, Side side, Dimension dimension, double[] valuesDeg, double[] velocityDegPerS,
                       SampleIssue[] issues, String[] keypoints) {
        this(angle, side, dimension, valuesDeg, velocityDegPerS, issues, keypoints, true);
    }

    /** A series whose issues are known but not the keypoints behind them (read back from storage, tests). */
    public AngleSeries(JointAngle angle, Side side, Dimension dimension, double[] valuesDeg, double[] velocityDegPerS, SampleIssue[] issues) {
        this(angle, side, dimension, valuesDeg, velocityDegPerS, issues, null);
    }

    /**
     * A series stored before samples were rated (the web app reads such analyses back for export): NaN = not tracked,
     * the rest carry no issue because none was recorded, and {@link #rated()} says so. Never used for a new analysis.
     */
    public AngleSeries(JointAngle angle, Side side, Dimension dimension, double[] valuesDeg, double[] velocityDegPerS) {
        this(angle, side, dimension, valuesDeg, velocityDegPerS, unrated(valuesDeg), null, false);
    }

    private static SampleIssue[] unrated(double[] v) {
        SampleIssue[] out = new SampleIssue[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Double.isFinite(v[i]) ? SampleIssue.NONE : SampleIssue.NOT_TRACKED;
        return out;
    }

    public Quality quality(int sample) { return issues[sample].quality(); }

    /** Column name, e.g. left_knee_flexion_3d_deg. */
    public String column() { return angle.column(side, dimension); }

    /** Velocity column name, e.g. left_knee_flexion_3d_deg_per_s. */
    public String velocityColumn() { return column() + "_per_s"; }

    public int validCount() { return (int) Arrays.stream(valuesDeg).filter(Double::isFinite).count(); }

    public double validFraction() { return valuesDeg.length == 0 ? 0 : validCount() / (double) valuesDeg.length; }
}
