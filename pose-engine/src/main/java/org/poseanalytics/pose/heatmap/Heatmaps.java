package org.poseanalytics.pose.heatmap;

/**
 * One heatmap per keypoint, channel-major as the models write them ({@code values[(k · height + y) · width + x]}).
 * Cell (x, y) is a position on the model's output grid, one cell per {@code stride} input pixels.
 */
public record Heatmaps(int channels, int height, int width, float[] values) {

    public Heatmaps {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("heatmap shape must be positive: " + channels + "x" + height + "x" + width);
        }
        if (values.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels * height * width + " heatmap values, got " + values.length);
        }
    }

    public static Heatmaps zeros(int channels, int height, int width) {
        return new Heatmaps(channels, height, width, new float[channels * height * width]);
    }

    public float at(int k, int y, int x) { return values[(k * height + y) * width + x]; }

    void set(int k, int y, int x, float v) { values[(k * height + y) * width + x] = v; }

    /**
     * The heatmaps of a horizontally flipped input brought back to this orientation: mirrored, left and right
     * channels swapped ({@code mirror[k]} is k's counterpart), and shifted one cell right. The shift is
     * MMPose's {@code shift_heatmap}: output cell x stands for input pixel stride·x, so a flip about the crop
     * centre maps cell x to width − x, not width − 1 − x.
     */
    public Heatmaps flippedBack(int[] mirror) {
        if (mirror.length != channels) throw new IllegalArgumentException("mirror has " + mirror.length + " entries for " + channels + " channels");
        Heatmaps out = zeros(channels, height, width);
        for (int k = 0; k < channels; k++) {
            int from = mirror[k];
            for (int y = 0; y < height; y++) {
                out.set(k, y, 0, at(from, y, width - 1));
                for (int x = 1; x < width; x++) out.set(k, y, x, at(from, y, width - x));
            }
        }
        return out;
    }

    /** The cell-wise mean of two heatmap sets of the same shape (flip test). */
    public Heatmaps averagedWith(Heatmaps other) {
        if (other.channels != channels || other.height != height || other.width != width) {
            throw new IllegalArgumentException("heatmap shapes differ");
        }
        float[] mean = new float[values.length];
        for (int i = 0; i < mean.length; i++) mean[i] = (values[i] + other.values[i]) / 2;
        return new Heatmaps(channels, height, width, mean);
    }
}
