package org.poseanalytics.web.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The bytea layout of stored series: little-endian float32, no header (the shape is in the row). Keypoints are
 * [sample][landmark][x, y, z, visibility] (x and y in pixels of the displayed frame, NaN in a gap), world landmarks
 * [sample][landmark][x, y, z] in metres. Stored as float32, read back as the {@link KeypointSeries} they came from.
 */
final class FloatArrays {
    /** Floats per landmark and sample in the keypoints layout. */
    static final int STRIDE = 4;

    private FloatArrays() {}

    static byte[] toBytes(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer f = buffer.asFloatBuffer();
        for (double v : values) f.put((float) v);
        return buffer.array();
    }

    /** The first {@code n} values, as they are (already float32). */
    static byte[] toBytes(float[] values, int n) {
        ByteBuffer buffer = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values, 0, n);
        return buffer.array();
    }

    static double[] fromBytes(byte[] bytes) {
        if (bytes == null) return null;
        FloatBuffer f = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        double[] values = new double[f.remaining()];
        for (int i = 0; i < values.length; i++) values[i] = f.get(i);
        return values;
    }

    /** The series' image keypoints in the stored layout. */
    static byte[] keypoints(KeypointSeries s) {
        int n = s.length(), l = s.skeleton().size();
        ByteBuffer buffer = ByteBuffer.allocate(n * l * STRIDE * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer f = buffer.asFloatBuffer();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++)
                f.put((float) s.x()[j][i]).put((float) s.y()[j][i]).put((float) s.z()[j][i]).put((float) s.visibility()[j][i]);
        return buffer.array();
    }

    /** The series' world landmarks in the stored layout, null when it has none. */
    static byte[] world(KeypointSeries s) {
        if (!s.hasWorld()) return null;
        int n = s.length(), l = s.skeleton().size();
        ByteBuffer buffer = ByteBuffer.allocate(n * l * 3 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer f = buffer.asFloatBuffer();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++) f.put((float) s.worldX()[j][i]).put((float) s.worldY()[j][i]).put((float) s.worldZ()[j][i]);
        return buffer.array();
    }

    /** A stored series back as the tracking module's record. */
    static KeypointSeries series(Skeleton skeleton, long[] frames, double[] timesS, byte[] keypoints, byte[] world, String filter) {
        int n = frames.length, l = skeleton.size();
        FloatBuffer f = ByteBuffer.wrap(keypoints).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        if (f.remaining() != n * l * STRIDE)
            throw new IllegalStateException("stored keypoints hold " + f.remaining() + " values, not " + n + " × " + l + " × " + STRIDE);
        double[][] x = new double[l][n], y = new double[l][n], z = new double[l][n], v = new double[l][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++) {
                x[j][i] = f.get();
                y[j][i] = f.get();
                z[j][i] = f.get();
                v[j][i] = f.get();
            }
        double[][] wx = null, wy = null, wz = null;
        if (world != null) {
            FloatBuffer w = ByteBuffer.wrap(world).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            if (w.remaining() != n * l * 3) throw new IllegalStateException("stored world landmarks do not match the keypoints' shape");
            wx = new double[l][n];
            wy = new double[l][n];
            wz = new double[l][n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < l; j++) {
                    wx[j][i] = w.get();
                    wy[j][i] = w.get();
                    wz[j][i] = w.get();
                }
        }
        return new KeypointSeries(skeleton, frames, timesS, x, y, z, v, wx, wy, wz, filter);
    }
}
