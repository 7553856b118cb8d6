package org.poseanalytics.pose.heatmap;

import java.util.ArrayList;
import java.util.List;

/**
 * Keypoints ↔ Gaussian heatmaps on a model's output grid, as MMPose's MSRAHeatmap codec: encoding puts an
 * unnormalised Gaussian (peak 1) at each sub-cell position; decoding takes each channel's argmax and refines
 * it. Coordinates are in heatmap cells; mapping to the image is the model's business (the crop it made).
 */
public final class HeatmapCodec {
    private final double sigma;
    private final Refinement refinement;
    private final int blurKernel;

    /**
     * @param sigma      the Gaussian's σ in cells the model was trained with (2 for 64×48 outputs)
     * @param refinement the sub-cell step after the argmax
     */
    public HeatmapCodec(double sigma, Refinement refinement) {
        this.sigma = sigma;
        this.refinement = refinement;
        // DARK's blur kernel spans about ±3σ: 11 cells for σ = 2, as in MMPose's HRNet+DARK configs.
        int k = (int) Math.round(6 * sigma - 1);
        this.blurKernel = k % 2 == 0 ? k + 1 : k;
    }

    /** The codec HRNet's COCO checkpoints were trained with: σ = 2 on a 64×48 (or 96×72) grid, DARK decoding. */
    public static HeatmapCodec hrnetDefault() { return new HeatmapCodec(2.0, Refinement.DARK); }

    public Refinement refinement() { return refinement; }

    /** Gaussians centred at (xs[k], ys[k]); channels whose {@code visible[k]} is false stay zero. */
    public Heatmaps encode(double[] xs, double[] ys, boolean[] visible, int height, int width) {
        Heatmaps h = Heatmaps.zeros(xs.length, height, width);
        for (int k = 0; k < xs.length; k++) {
            if (!visible[k]) continue;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double d2 = (x - xs[k]) * (x - xs[k]) + (y - ys[k]) * (y - ys[k]);
                    h.set(k, y, x, (float) Math.exp(-d2 / (2 * sigma * sigma)));
                }
            }
        }
        return h;
    }

    public List<HeatmapPeak> decode(Heatmaps h) {
        List<HeatmapPeak> peaks = new ArrayList<>(h.channels());
        double[][] logBlurred = refinement == Refinement.DARK ? new double[h.channels()][] : null;
        for (int k = 0; k < h.channels(); k++) {
            int best = argmax(h, k);
            int bx = best % h.width(), by = best / h.width();
            double score = h.at(k, by, bx);
            double x = bx, y = by;
            if (refinement == Refinement.QUARTER_OFFSET) {
                if (bx > 0 && bx < h.width() - 1) x += 0.25 * Math.signum(h.at(k, by, bx + 1) - h.at(k, by, bx - 1));
                if (by > 0 && by < h.height() - 1) y += 0.25 * Math.signum(h.at(k, by + 1, bx) - h.at(k, by - 1, bx));
            } else if (refinement == Refinement.DARK) {
                logBlurred[k] = logOfBlurred(h, k);
                double[] offset = newtonStep(logBlurred[k], h.width(), h.height(), bx, by);
                x += offset[0];
                y += offset[1];
            }
            peaks.add(new HeatmapPeak(x, y, score));
        }
        return peaks;
    }

    private static int argmax(Heatmaps h, int k) {
        int base = k * h.height() * h.width(), best = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < h.height() * h.width(); i++) {
            if (h.values()[base + i] > max) { max = h.values()[base + i]; best = i; }
        }
        return best;
    }

    /**
     * Gaussian blur with zero padding, rescaled to the original maximum, clamped at 1e-10 and logged
     * (MMPose's gaussian_blur + log); σ of the kernel follows OpenCV's rule for σ = 0.
     */
    private double[] logOfBlurred(Heatmaps h, int k) {
        int w = h.width(), ht = h.height(), r = (blurKernel - 1) / 2;
        double s = 0.3 * ((blurKernel - 1) * 0.5 - 1) + 0.8;
        double[] kernel = new double[blurKernel];
        double norm = 0;
        for (int i = 0; i < blurKernel; i++) { kernel[i] = Math.exp(-(i - r) * (i - r) / (2 * s * s)); norm += kernel[i]; }
        for (int i = 0; i < blurKernel; i++) kernel[i] /= norm;
        double[] rows = new double[w * ht], out = new double[w * ht];
        double originalMax = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < ht; y++) {
            for (int x = 0; x < w; x++) {
                originalMax = Math.max(originalMax, h.at(k, y, x));
                double acc = 0;
                for (int i = -r; i <= r; i++) if (x + i >= 0 && x + i < w) acc += kernel[i + r] * h.at(k, y, x + i);
                rows[y * w + x] = acc;
            }
        }
        double blurredMax = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < ht; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int i = -r; i <= r; i++) if (y + i >= 0 && y + i < ht) acc += kernel[i + r] * rows[(y + i) * w + x];
                out[y * w + x] = acc;
                blurredMax = Math.max(blurredMax, acc);
            }
        }
        double scale = blurredMax > 0 ? originalMax / blurredMax : 1;
        for (int i = 0; i < out.length; i++) out[i] = Math.log(Math.max(out[i] * scale, 1e-10));
        return out;
    }

    /** One Newton step on the log-heatmap: offset = −H⁻¹·∇, zero near the border or for a flat Hessian. */
    private static double[] newtonStep(double[] l, int w, int h, int x, int y) {
        if (!(x > 1 && x < w - 2 && y > 1 && y < h - 2)) return new double[]{0, 0};
        double dx = 0.5 * (l[y * w + x + 1] - l[y * w + x - 1]);
        double dy = 0.5 * (l[(y + 1) * w + x] - l[(y - 1) * w + x]);
        double dxx = 0.25 * (l[y * w + x + 2] - 2 * l[y * w + x] + l[y * w + x - 2]);
        double dxy = 0.25 * (l[(y + 1) * w + x + 1] - l[(y - 1) * w + x + 1] - l[(y + 1) * w + x - 1] + l[(y - 1) * w + x - 1]);
        double dyy = 0.25 * (l[(y + 2) * w + x] - 2 * l[y * w + x] + l[(y - 2) * w + x]);
        double det = dxx * dyy - dxy * dxy;
        if (det == 0) return new double[]{0, 0};
        // −[[dxx, dxy], [dxy, dyy]]⁻¹ · [dx, dy]
        return new double[]{-(dyy * dx - dxy * dy) / det, -(-dxy * dx + dxx * dy) / det};
    }
}
