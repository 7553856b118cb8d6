package org.poseanalytics.web.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The bytea layout of stored keypoints: little-endian float32, no header (the shape is in the row). */
final class FloatArrays {
    private FloatArrays() {}

    static byte[] toBytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    static float[] fromBytes(byte[] bytes) {
        if (bytes == null) return null;
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
