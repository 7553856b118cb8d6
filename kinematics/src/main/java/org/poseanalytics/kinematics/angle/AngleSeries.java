package org.poseanalytics.kinematics.angle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;

/**
 * One angle over time in degrees, within the angle's interval ({@link JointAngle#range()}), with its angular velocity in
 * degrees per second on the real timestamps and, per sample, why it is not fully trusted ({@link SampleIssue#NONE}
 * when it is) and, where a keypoint is the reason, which one ({@link #keypoint(int)}, e.g. "left_ankle"; null where
 * none is, or when not known). A sample whose issue makes it invalid is NaN: it is not a measurement.
 * {@code rated} is false only for a series stored before samples were rated (see the unrated constructor).
 *
 * <p>Held compactly, since an hour of video is 108,000 samples in each of ~40 columns: values and velocities as
 * float32 (what the database stores too; a value read back differs from the double computed by float rounding only,
 * under 1e-5° for angles within ±360°), the issue as its stable code in a byte, the keypoint as a byte index into the
 * few distinct names the series has. Read a sample with {@link #valueDeg(int)}, {@link #issue(int)} and so on; the
 * whole-array accessors ({@link #valuesDeg()}, {@link #issues()}, ...) return a new array on every call.
 */
public final class AngleSeries {
    private static final SampleIssue[] BY_CODE = byCode();

    private final JointAngle angle;
    private final Side side;
    private final Dimension dimension;
    private final float[] values;
    private final float[] velocities;
    private final byte[] issueCodes;
    /** Index into {@link #names} per sample, -1 where no keypoint is named; null when none is named anywhere. */
    private final byte[] keypointIndex;
    private final String[] names;
    private final boolean rated;

    public AngleSeries(JointAngle angle, Side side, Dimension dimension, double[] valuesDeg, double[] velocityDegPerS,
                       SampleIssue[] issues, String[] keypoints, boolean rated) {
        if (valuesDeg.length != velocityDegPerS.length) throw new IllegalArgumentException("values and velocities differ in length");
        if (issues.length != valuesDeg.length) throw new IllegalArgumentException("values and issues differ in length");
        if (keypoints != null && keypoints.length != valuesDeg.length) throw new IllegalArgumentException("values and keypoints differ in length");
        this.angle = angle;
        this.side = side;
        this.dimension = dimension;
        this.values = toFloat(valuesDeg);
        this.velocities = toFloat(velocityDegPerS);
        this.issueCodes = new byte[issues.length];
        for (int i = 0; i < issues.length; i++) issueCodes[i] = (byte) issues[i].code();
        List<String> distinct = new ArrayList<>();
        byte[] index = null;
        if (keypoints != null)
            for (int i = 0; i < keypoints.length; i++) {
                if (keypoints[i] == null) continue;
                if (index == null) { index = new byte[keypoints.length]; Arrays.fill(index, (byte) -1); }
                int k = distinct.indexOf(keypoints[i]);
                if (k < 0) {
                    if (distinct.size() == Byte.MAX_VALUE) throw new IllegalArgumentException("more than 127 distinct keypoints in one angle series");
                    distinct.add(keypoints[i]);
                    k = distinct.size() - 1;
                }
                index[i] = (byte) k;
            }
        this.keypointIndex = index;
        this.names = distinct.toArray(String[]::new);
        this.rated = rated;
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

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    private static SampleIssue[] byCode() {
        int max = 0;
        for (SampleIssue i : SampleIssue.values()) max = Math.max(max, i.code());
        SampleIssue[] out = new SampleIssue[max + 1];
        for (SampleIssue i : SampleIssue.values()) out[i.code()] = i;
        return out;
    }

    public JointAngle angle() { return angle; }

    public Side side() { return side; }

    public Dimension dimension() { return dimension; }

    public boolean rated() { return rated; }

    /** Number of samples. */
    public int length() { return values.length; }

    /** The angle at one sample in degrees (float32 precision), NaN where it is not a measurement. */
    public double valueDeg(int sample) { return values[sample]; }

    /** The angular velocity at one sample in degrees per second (float32 precision). */
    public double velocityDegPerS(int sample) { return velocities[sample]; }

    public SampleIssue issue(int sample) { return BY_CODE[issueCodes[sample]]; }

    /** The keypoint that is the reason for this sample's issue, or null. */
    public String keypoint(int sample) {
        if (keypointIndex == null) return null;
        int k = keypointIndex[sample];
        return k < 0 ? null : names[k];
    }

    /** Every value, in a new array. */
    public double[] valuesDeg() {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[i];
        return out;
    }

    /** Every velocity, in a new array. */
    public double[] velocityDegPerS() {
        double[] out = new double[velocities.length];
        for (int i = 0; i < out.length; i++) out[i] = velocities[i];
        return out;
    }

    /** Every sample's issue, in a new array. */
    public SampleIssue[] issues() {
        SampleIssue[] out = new SampleIssue[issueCodes.length];
        for (int i = 0; i < out.length; i++) out[i] = BY_CODE[issueCodes[i]];
        return out;
    }

    /** Every sample's keypoint (null where none), in a new array. */
    public String[] keypoints() {
        String[] out = new String[values.length];
        for (int i = 0; i < out.length; i++) out[i] = keypoint(i);
        return out;
    }

    public Quality quality(int sample) { return issue(sample).quality(); }

    /** Column name, e.g. left_knee_flexion_3d_deg. */
    public String column() { return angle.column(side, dimension); }

    /** Velocity column name, e.g. left_knee_flexion_3d_deg_per_s. */
    public String velocityColumn() { return column() + "_per_s"; }

    public int validCount() {
        int n = 0;
        for (float v : values) if (Float.isFinite(v)) n++;
        return n;
    }

    public double validFraction() { return values.length == 0 ? 0 : validCount() / (double) values.length; }

    @Override
    public String toString() {
        return "AngleSeries[" + column() + ", " + values.length + " samples" + (rated ? "" : ", unrated") + "]";
    }
}
