package org.poseanalytics.tracking.series;

import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * One person's landmarks over time, column-wise: each channel is indexed by landmark and sample. A gap (landmark
 * not seen, or seen with too little visibility) is NaN in x and y. {@code worldX/Y/Z} are metres (BlazePose
 * world landmarks) or null when the model gives no 3D. {@code filter} says which filters the series went
 * through ("raw", "one-euro", "hampel+butterworth-4-6hz", ...) so every output can state it.
 *
 * <p>Values are float32: the pose models give float32 and the database stores float32, so nothing measured is lost.
 * A long video's channels live in temporary files ({@link SeriesStorage}), so an hour (108,000 frames, 100 MB of
 * floats) does not stay on the heap; readers see the same floats either way. Filters work on a double copy of one
 * landmark's row at a time ({@link SeriesChannel#row}, {@link SeriesChannel#setRow}).
 */
public record KeypointSeries(Skeleton skeleton, long[] frames, double[] timesS,
                             SeriesChannel x, SeriesChannel y, SeriesChannel z, SeriesChannel visibility,
                             SeriesChannel worldX, SeriesChannel worldY, SeriesChannel worldZ,
                             String filter) {

    public KeypointSeries {
        int n = frames.length;
        if (timesS.length != n) throw new IllegalArgumentException("frames and times differ in length");
        for (SeriesChannel c : new SeriesChannel[]{x, y, z, visibility, worldX, worldY, worldZ}) {
            if (c == null) continue;
            if (c.landmarks() != skeleton.size()) throw new IllegalArgumentException("expected " + skeleton.size() + " landmarks");
            if (c.length() != n) throw new IllegalArgumentException("landmark row length differs from frames");
        }
        if ((worldX == null) != (worldY == null) || (worldX == null) != (worldZ == null))
            throw new IllegalArgumentException("world x, y and z come together or not at all");
    }

    /** A series of heap arrays indexed [landmark][sample] (world arrays null when there is no 3D). */
    public static KeypointSeries of(Skeleton skeleton, long[] frames, double[] timesS,
                                    float[][] x, float[][] y, float[][] z, float[][] visibility,
                                    float[][] worldX, float[][] worldY, float[][] worldZ, String filter) {
        return new KeypointSeries(skeleton, frames, timesS, HeapChannel.of(x), HeapChannel.of(y), HeapChannel.of(z),
                HeapChannel.of(visibility), HeapChannel.of(worldX), HeapChannel.of(worldY), HeapChannel.of(worldZ), filter);
    }

    public int length() { return frames.length; }

    public boolean hasWorld() { return worldX != null; }

    public boolean isGap(int landmark, int sample) {
        return Float.isNaN(x.get(landmark, sample)) || Float.isNaN(y.get(landmark, sample));
    }

    /** Where this series' channels are kept: in temporary files when it is long ({@link SeriesStorage#forSize}). */
    public SeriesStorage storage() {
        return x instanceof SpilledChannel ? SeriesStorage.SPILLED : SeriesStorage.HEAP;
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

    /** An empty series of n samples, every landmark a gap, ready to be filled; kept where its length calls for. */
    public static KeypointSeries empty(Skeleton skeleton, long[] frames, double[] timesS, boolean withWorld, String filter) {
        return empty(skeleton, frames, timesS, withWorld, filter,
                SeriesStorage.forSize(frames.length, skeleton.size(), withWorld ? 7 : 4));
    }

    /** An empty series of n samples, every landmark a gap, kept in {@code storage}. */
    public static KeypointSeries empty(Skeleton skeleton, long[] frames, double[] timesS, boolean withWorld, String filter,
                                       SeriesStorage storage) {
        int k = skeleton.size(), n = frames.length;
        return new KeypointSeries(skeleton, frames, timesS,
                storage.channel(k, n, Float.NaN), storage.channel(k, n, Float.NaN), storage.channel(k, n, Float.NaN),
                storage.channel(k, n, 0f),
                withWorld ? storage.channel(k, n, Float.NaN) : null, withWorld ? storage.channel(k, n, Float.NaN) : null,
                withWorld ? storage.channel(k, n, Float.NaN) : null, filter);
    }

    /** A deep copy carrying a new filter label, for stages that change values without touching the input. */
    public KeypointSeries copy(String newFilter) {
        return new KeypointSeries(skeleton, frames.clone(), timesS.clone(), x.copy(), y.copy(), z.copy(), visibility.copy(),
                copyOrNull(worldX), copyOrNull(worldY), copyOrNull(worldZ), newFilter);
    }

    /** A deep copy kept in {@code storage}: to move a series to disk or back, with the same floats. */
    public KeypointSeries copy(String newFilter, SeriesStorage storage) {
        return new KeypointSeries(skeleton, frames.clone(), timesS.clone(), x.copy(storage), y.copy(storage), z.copy(storage),
                visibility.copy(storage), worldX == null ? null : worldX.copy(storage), worldY == null ? null : worldY.copy(storage),
                worldZ == null ? null : worldZ.copy(storage), newFilter);
    }

    /** The same channels under another filter label (no copy): for a stage that takes the series over. */
    public KeypointSeries withFilter(String newFilter) {
        return new KeypointSeries(skeleton, frames, timesS, x, y, z, visibility, worldX, worldY, worldZ, newFilter);
    }

    /** The sample index of a frame number, or -1. */
    public int indexOfFrame(long frame) {
        for (int i = 0; i < frames.length; i++) if (frames[i] == frame) return i;
        return -1;
    }

    private static SeriesChannel copyOrNull(SeriesChannel c) {
        return c == null ? null : c.copy();
    }
}
