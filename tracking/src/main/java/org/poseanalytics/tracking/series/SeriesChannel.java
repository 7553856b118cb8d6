package org.poseanalytics.tracking.series;

/**
 * One channel of a {@link KeypointSeries} (x, y, z, visibility or a world coordinate): float32 values indexed by
 * landmark and sample. Short series keep it on the heap ({@link HeapChannel}); an hour-long video's series goes to a
 * temporary file ({@link SpilledChannel}) so the heap stays flat whatever the video's length (docs/BENCHMARKS.md,
 * "Long videos, flat memory"). Both give the same floats, bit for bit, so no result depends on where they live.
 *
 * <p>Readers go through {@link #get} one value at a time, or {@link #row} for a filter that wants a whole landmark's
 * samples in double; a double written back ({@link #setRow}) is rounded to float32.
 */
public sealed interface SeriesChannel permits HeapChannel, SpilledChannel {

    int landmarks();

    int length();

    float get(int landmark, int sample);

    void set(int landmark, int sample, float value);

    /** Adds {@code delta} to one value, rounded to float32 as {@code +=} on a float would. */
    default void add(int landmark, int sample, double delta) {
        set(landmark, sample, (float) (get(landmark, sample) + delta));
    }

    /** Landmark {@code landmark}'s samples widened to double: a copy the caller may change. */
    default double[] row(int landmark) {
        return row(landmark, new double[length()]);
    }

    /**
     * Landmark {@code landmark}'s samples widened to double into {@code into} (exactly {@link #length} long), which is
     * returned: for a filter that walks every landmark in turn with the same buffer instead of a new row each time.
     */
    default double[] row(int landmark, double[] into) {
        if (into.length != length()) throw new IllegalArgumentException("row lengths differ");
        for (int i = 0; i < into.length; i++) into[i] = get(landmark, i);
        return into;
    }

    /** Writes a double row back into the landmark's samples, rounded to float32. */
    default void setRow(int landmark, double[] values) {
        if (values.length != length()) throw new IllegalArgumentException("row lengths differ");
        for (int i = 0; i < values.length; i++) set(landmark, i, (float) values[i]);
    }

    /** Landmark {@code landmark}'s samples as float32: a copy the caller may change. */
    default float[] floatRow(int landmark) {
        float[] f = new float[length()];
        for (int i = 0; i < f.length; i++) f[i] = get(landmark, i);
        return f;
    }

    /**
     * Copies {@code count} samples of one landmark, from sample {@code from}, into {@code into}: a chunk at a time for a
     * writer that walks the samples in turn (the store, the exports), without a whole row on the heap.
     */
    default void read(int landmark, int from, float[] into, int count) {
        for (int i = 0; i < count; i++) into[i] = get(landmark, from + i);
    }

    /** Every value as {@code float[landmark][sample]}: a copy, for comparisons and small series. */
    default float[][] toArray() {
        float[][] a = new float[landmarks()][];
        for (int l = 0; l < a.length; l++) a[l] = floatRow(l);
        return a;
    }

    /** Exchanges two landmarks' samples (a left/right swap). */
    default void swapRows(int a, int b) {
        for (int i = 0; i < length(); i++) {
            float t = get(a, i);
            set(a, i, get(b, i));
            set(b, i, t);
        }
    }

    /** An independent copy kept where {@code storage} says. */
    default SeriesChannel copy(SeriesStorage storage) {
        SeriesChannel c = storage.channel(landmarks(), length(), 0f);
        for (int l = 0; l < landmarks(); l++)
            for (int i = 0; i < length(); i++) c.set(l, i, get(l, i));
        return c;
    }

    /** An independent copy kept where this one is. */
    SeriesChannel copy();
}
