package org.poseanalytics.pose.blazepose;

import java.nio.FloatBuffer;

/**
 * Moves each landmark to the confidence-weighted centre of the landmark model's heatmap around it (7×7 cells of
 * 64×64), as MediaPipe's RefineLandmarksFromHeatmapCalculator does; the regressed coordinates alone are ~1 px
 * worse. Skipped for a point whose window never reaches confidence 0.5.
 */
public final class HeatmapRefinement {
    static final int KERNEL = 7;
    static final double MIN_CONFIDENCE = 0.5;

    private HeatmapRefinement() {}

    /**
     * @param heatmap {@code [size][size][channels]} logits, row-major
     * @param x,y     crop-normalised coordinates (0..1) of each channel's landmark, refined in place
     */
    public static void refine(FloatBuffer heatmap, int size, int channels, double[] x, double[] y) {
        int offset = (KERNEL - 1) / 2;
        for (int i = 0; i < channels; i++) {
            int col = (int) (x[i] * size), row = (int) (y[i] * size);
            if (col < 0 || row < 0 || col >= size || row >= size) continue;
            int c0 = Math.max(0, col - offset), c1 = Math.min(size, col + offset + 1);
            int r0 = Math.max(0, row - offset), r1 = Math.min(size, row + offset + 1);
            double sum = 0, wc = 0, wr = 0, max = 0;
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    double conf = 1 / (1 + Math.exp(-heatmap.get((r * size + c) * channels + i)));
                    sum += conf;
                    max = Math.max(max, conf);
                    wc += c * conf;
                    wr += r * conf;
                }
            }
            if (max >= MIN_CONFIDENCE && sum > 0) {
                x[i] = wc / size / sum;
                y[i] = wr / size / sum;
            }
        }
    }
}
