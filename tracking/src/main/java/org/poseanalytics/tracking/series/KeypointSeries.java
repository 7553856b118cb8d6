package org.poseanalytics.tracking.series;

import java.util.Arrays;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * One person's landmarks over time, column-wise: arrays are indexed [landmark][sample]. A gap (landmark
 * not seen, or seen with too little visibility) is NaN in x and y. {@code worldX/Y/Z} are metres (BlazePose
 * world landmarks) or null when the model gives no 3D. {@code filter} says which filters the series went
 * through ("raw", "one-euro", "hampel+butterworth-4-6hz", ...) so every output can state it.
 *
 * <p>Values are float32: the pose models give float32 and the database stores float32, so nothing measured is lost,
 * and an hour-long video's series takes half the heap (~100 MB instead of 200 at 108,000 frames). Filters work on a
 * double copy of one row at a time ({@link #row}, {@link #setRow}); a double written into a sample is rounded to float.
 */
public record KeypointSeries(Skeleton skeleton, long[] frames, double[] timesS,
                             float[][] x, float[][] y, float[][] z, float[][] visibility,
                             float[][] worldX, float[][] worldY, float[][] worldZ,
                             String filter) {

    public KeypointSeries {
        int n = frames.length;
        if (timesS.length != n) throw new IllegalArgumentException("frames and times differ in length");
        for (float[][] a : new float[][][]{x, y, z, visibility}) {
            if (a.length != skeleton.size()) throw new IllegalArgumentException("expected " + skeleton.size() + " landmarks");
            for (float[] row : a) if (row.length != n) throw new IllegalArgumentException("landmark row length differs from frames");
        }
    }

    public int length() { return frames.length; }

    public boolean hasWorld() { return worldX != null; }

    public boolean isGap(int landmark, int sample) {
        return Float.isNaN(x[landmark][sample]) || Float.isNaN(y[landmark][sample]);
    }

    /** One row of a channel widened to double, for a filter or a method that works in double. */
    public static double[] row(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) d[i] = values[i];
        return d;
    }

    /** Writes a double row back into a channel's row, rounded to float32. */
    public static void setRow(float[] target, double[] values) {
        if (target.length != values.length) throw new IllegalArgumentException("row lengths differ");
        for (int i = 0; i < values.length; i++) target[i] = (float) values[i];
    }

    /** A float32 copy of a double row. */
    public static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return f;
    }

    /** A float32 copy of [landmark][sample] doubles, or null for null: for series made from computed doubles. */
    public static float[][] toFloat(double[][] values) {
        if (values == null) return null;
        float[][] f = new float[values.length][];
        for (int i = 0; i < f.length; i++) f[i] = toFloat(values[i]);
        return f;
    }

    /** An empty series of n samples, every landmark a gap, ready to be filled. */
    public static KeypointSeries empty(Skeleton skeleton, long[] frames, double[] timesS, boolean withWorld, String filter) {
        int k = skeleton.size();
        return new KeypointSeries(skeleton, frames, timesS,
                nan(k, frames.length), nan(k, frames.length), nan(k, frames.length), new float[k][frames.length],
                withWorld ? nan(k, frames.length) : null, withWorld ? nan(k, frames.length) : null,
                withWorld ? nan(k, frames.length) : null, filter);
    }

    /** A deep copy carrying a new filter label, for stages that change values without touching the input. */
    public KeypointSeries copy(String newFilter) {
        return new KeypointSeries(skeleton, frames.clone(), timesS.clone(), deep(x), deep(y), deep(z), deep(visibility),
                deep(worldX), deep(worldY), deep(worldZ), newFilter);
    }

    /** The same arrays under another filter label (no copy): for a stage that takes the series over. */
    public KeypointSeries withFilter(String newFilter) {
        return new KeypointSeries(skeleton, frames, timesS, x, y, z, visibility, worldX, worldY, worldZ, newFilter);
    }

    /** The sample index of a frame number, or -1. */
    public int indexOfFrame(long frame) {
        for (int i = 0; i < frames.length; i++) if (frames[i] == frame) return i;
        return -1;
    }

    private static float[][] deep(float[][] a) {
        if (a == null) return null;
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    private static float[][] nan(int rows, int cols) {
        float[][] a = new float[rows][cols];
        for (float[] row : a) Arrays.fill(row, Float.NaN);
        return a;
    }
}
