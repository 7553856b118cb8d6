package org.poseanalytics.web.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;

/**
 * The bytea layout of stored series: little-endian float32, no header (the shape is in the row). Keypoints are
 * [sample][landmark][x, y, z, visibility] (x and y in pixels of the displayed frame, NaN in a gap), world landmarks
 * [sample][landmark][x, y, z] in metres. Written by {@link BinaryCopy} (float32), read back here as the
 * {@link KeypointSeries} they came from.
 */
final class FloatArrays {
    /** Floats per landmark and sample in the keypoints layout. */
    static final int STRIDE = 4;

    private FloatArrays() {}

    static double[] fromBytes(byte[] bytes) {
        if (bytes == null) return null;
        FloatBuffer f = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        double[] values = new double[f.remaining()];
        for (int i = 0; i < values.length; i++) values[i] = f.get(i);
        return values;
    }

    /** A stored series back as the tracking module's record. */
    static KeypointSeries series(Skeleton skeleton, long[] frames, double[] timesS, byte[] keypoints, byte[] world, String filter) {
        int n = frames.length, l = skeleton.size();
        FloatBuffer f = ByteBuffer.wrap(keypoints).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        if (f.remaining() != n * l * STRIDE)
            throw new IllegalStateException("stored keypoints hold " + f.remaining() + " values, not " + n + " × " + l + " × " + STRIDE);
        FloatBuffer w = world == null ? null : ByteBuffer.wrap(world).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        if (w != null && w.remaining() != n * l * 3) throw new IllegalStateException("stored world landmarks do not match the keypoints' shape");
        // Kept where its length calls for, as a job keeps it: a long series (an hour's page reads ~200 MB of them) goes to
        // files as it is decoded, so the view that shows it holds next to nothing of it on the heap (docs/BENCHMARKS.md,
        // "the hour's page").
        KeypointSeries s = KeypointSeries.empty(skeleton, frames, timesS, w != null, filter);
        fill(f, n, l, s.x(), s.y(), s.z(), s.visibility());
        if (w != null) fill(w, n, l, s.worldX(), s.worldY(), s.worldZ());
        return s;
    }

    /** Values stored [sample][landmark][channel] into the channels, sample by sample (the order their block caches suit). */
    private static void fill(FloatBuffer values, int n, int l, SeriesChannel... channels) {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++)
                for (SeriesChannel c : channels) c.set(j, i, values.get());
    }
}
