package org.poseanalytics.pose.blazepose;

import java.util.ArrayList;
import java.util.List;

/**
 * The pose detector's SSD anchor centres, as MediaPipe's SsdAnchorsCalculator makes them for
 * pose_detection.tflite: 5 layers, strides 8, 16, 32, 32, 32, aspect ratio 1 plus one interpolated scale, fixed
 * anchor size (w = h = 1). Layers of equal stride share a grid, so the anchors are 28²·2 + 14²·2 + 7²·6 = 2254.
 */
public final class SsdAnchors {
    static final int INPUT_SIZE = 224;
    private static final int[] STRIDES = {8, 16, 32, 32, 32};

    private SsdAnchors() {}

    /** Anchor centres as {x0, y0, x1, y1, ...}, normalised to the detector input. */
    public static float[] centres() {
        List<float[]> out = new ArrayList<>();
        int layer = 0;
        while (layer < STRIDES.length) {
            int stride = STRIDES[layer];
            int perCell = 0;
            // Consecutive layers with the same stride are merged into one grid; each contributes 2 anchors per cell
            // (aspect ratio 1.0 and the interpolated scale between this layer's and the next one's).
            while (layer < STRIDES.length && STRIDES[layer] == stride) {
                perCell += 2;
                layer++;
            }
            int fm = (int) Math.ceil((double) INPUT_SIZE / stride);
            for (int y = 0; y < fm; y++) {
                for (int x = 0; x < fm; x++) {
                    for (int a = 0; a < perCell; a++) out.add(new float[]{(x + 0.5f) / fm, (y + 0.5f) / fm});
                }
            }
        }
        float[] flat = new float[out.size() * 2];
        for (int i = 0; i < out.size(); i++) {
            flat[2 * i] = out.get(i)[0];
            flat[2 * i + 1] = out.get(i)[1];
        }
        return flat;
    }
}
