package org.poseanalytics.tracking.series;

import java.util.Arrays;

/** A channel held on the heap as {@code float[landmark][sample]}: every series short enough to be cheap there. */
public record HeapChannel(float[][] values) implements SeriesChannel {

    public HeapChannel {
        for (float[] row : values) if (row.length != values[0].length) throw new IllegalArgumentException("landmark rows differ in length");
    }

    /** A channel of {@code landmarks} × {@code length} samples, each {@code fill}. */
    public static HeapChannel filled(int landmarks, int length, float fill) {
        float[][] v = new float[landmarks][length];
        if (fill != 0f) for (float[] row : v) Arrays.fill(row, fill);
        return new HeapChannel(v);
    }

    /** The channel of these arrays, or null for null (a series without world landmarks). */
    public static HeapChannel of(float[][] values) {
        return values == null ? null : new HeapChannel(values);
    }

    @Override public int landmarks() { return values.length; }

    @Override public int length() { return values.length == 0 ? 0 : values[0].length; }

    @Override public float get(int landmark, int sample) { return values[landmark][sample]; }

    @Override public void set(int landmark, int sample, float value) { values[landmark][sample] = value; }

    @Override
    public double[] row(int landmark, double[] into) {
        float[] r = values[landmark];
        if (into.length != r.length) throw new IllegalArgumentException("row lengths differ");
        for (int i = 0; i < into.length; i++) into[i] = r[i];
        return into;
    }

    @Override public float[] floatRow(int landmark) { return values[landmark].clone(); }

    @Override
    public void read(int landmark, int from, float[] into, int count) {
        System.arraycopy(values[landmark], from, into, 0, count);
    }

    @Override
    public void swapRows(int a, int b) {
        float[] t = values[a];
        values[a] = values[b];
        values[b] = t;
    }

    @Override
    public HeapChannel copy() {
        float[][] c = new float[values.length][];
        for (int i = 0; i < c.length; i++) c[i] = values[i].clone();
        return new HeapChannel(c);
    }
}
