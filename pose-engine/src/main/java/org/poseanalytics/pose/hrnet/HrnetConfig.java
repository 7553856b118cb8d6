package org.poseanalytics.pose.hrnet;

import org.poseanalytics.pose.heatmap.HeatmapCodec;

/**
 * How an HRNet checkpoint was trained: its input size (w×h), the box padding, the heatmap codec, and
 * whether to average with the horizontally flipped crop (flip test: ~+1 AP for 2× the inference).
 */
public record HrnetConfig(int inputWidth, int inputHeight, double padding, HeatmapCodec codec, boolean flipTest, int maxBatch) {

    public HrnetConfig {
        if (inputWidth <= 0 || inputHeight <= 0) throw new IllegalArgumentException("input size must be positive");
        if (maxBatch <= 0) throw new IllegalArgumentException("maxBatch must be positive");
    }

    /** COCO w32/w48 256×192 checkpoints (MMPose td-hm_hrnet-w32_8xb64-210e_coco-256x192 and the authors' own). */
    public static HrnetConfig coco256x192() {
        return new HrnetConfig(192, 256, 1.25, HeatmapCodec.hrnetDefault(), false, 16);
    }

    public HrnetConfig withFlipTest(boolean flip) {
        return new HrnetConfig(inputWidth, inputHeight, padding, codec, flip, maxBatch);
    }

    public HrnetConfig withMaxBatch(int batch) {
        return new HrnetConfig(inputWidth, inputHeight, padding, codec, flipTest, batch);
    }
}
