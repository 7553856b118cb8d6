package org.poseanalytics.web.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

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
        float[][] x = new float[l][n], y = new float[l][n], z = new float[l][n], v = new float[l][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++) {
                x[j][i] = f.get();
                y[j][i] = f.get();
                z[j][i] = f.get();
                v[j][i] = f.get();
            }
        float[][] wx = null, wy = null, wz = null;
        if (world != null) {
            FloatBuffer w = ByteBuffer.wrap(world).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            if (w.remaining() != n * l * 3) throw new IllegalStateException("stored world landmarks do not match the keypoints' shape");
            wx = new float[l][n];
            wy = new float[l][n];
            wz = new float[l][n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < l; j++) {
                    wx[j][i] = w.get();
                    wy[j][i] = w.get();
                    wz[j][i] = w.get();
                }
        }
        return KeypointSeries.of(skeleton, frames, timesS, x, y, z, v, wx, wy, wz, filter);
    }
}
