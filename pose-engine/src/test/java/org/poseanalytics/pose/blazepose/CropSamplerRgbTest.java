package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.image.RgbImage;

/**
 * The fixed-point RGB crop (issue 17: a cheaper crop on the inference thread) must give the crop of the plain
 * double-precision bilinear sampler it replaced within the rounding of its 11-bit weights: at most 0.15 of an 8-bit
 * level (2 × 255 / 4096, one rounding per axis), scaled to the model's range. The reference below is that sampler as
 * it was, one code path for every pixel.
 */
class CropSamplerRgbTest {
    /** Levels of 255: each axis's weight is rounded to 1/2048, moving a blend of 0..255 by at most 255/4096. */
    static final double TOLERANCE_LEVELS = 0.15;

    @Test
    void equalsThePlainBilinearSamplerWithinTheWeightsRounding() {
        double worst = 0;
        Random random = new Random(17);
        for (int[] size : new int[][]{{320, 240}, {97, 131}, {1920, 1080}}) {
            int w = size[0], h = size[1];
            byte[] rgb = new byte[w * h * 3];
            random.nextBytes(rgb);
            RgbImage image = new RgbImage(w, h, rgb);
            List<Roi> rois = List.of(new Roi(w / 2.0, h / 2.0, Math.min(w, h) * 0.8, 0),
                    new Roi(w * 0.4, h * 0.6, Math.min(w, h) * 0.5, 0.7),
                    new Roi(w * 0.55, h * 0.45, 21.3, -2.1),
                    new Roi(w * 0.05, h * 0.5, Math.min(w, h) * 0.6, Math.PI / 2),
                    new Roi(w - 3.0, h - 5.0, 40, 3.0),
                    new Roi(w / 2.0, h / 2.0, Math.max(w, h) * 1.3, 0.2),
                    new Roi(w / 3.0 + 0.37, h / 2.0 - 0.11, Math.max(w, h), 0)); // the detector's letterbox
            for (int crop : new int[]{256, 224, 33}) {
                CropSampler sampler = new CropSampler(crop);
                FloatBuffer target = FloatBuffer.allocate(crop * crop * 3);
                for (Roi roi : rois) {
                    for (CropSampler.Border border : CropSampler.Border.values()) {
                        for (float[] range : new float[][]{{1f / 255f, 0f}, {2f / 255f, -1f}}) {
                            sampler.sample(image, roi, border, range[0], range[1], target);
                            float[] expected = reference(image, roi, border, range[0], range[1], crop);
                            float[] actual = new float[expected.length];
                            target.get(0, actual);
                            double levels = maxDifference(expected, actual) / range[0];
                            worst = Math.max(worst, levels);
                            assertThat(levels).as("%dx%d, crop %d, %s, %s", w, h, crop, roi, border)
                                    .isLessThanOrEqualTo(TOLERANCE_LEVELS);
                            // Two row ranges (as two threads fill them) make the same crop, bit for bit.
                            FloatBuffer halves = FloatBuffer.allocate(crop * crop * 3);
                            sampler.sampleRows(image, roi, border, range[0], range[1], halves, crop / 2, crop);
                            sampler.sampleRows(image, roi, border, range[0], range[1], halves, 0, crop / 2);
                            assertThat(halves.array()).as("in halves").isEqualTo(actual);
                        }
                    }
                }
            }
        }
        System.out.printf("RGB crop vs the double-precision sampler: max %.3f levels%n", worst);
    }

    static double maxDifference(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        return worst;
    }

    /** CropSampler's RGB path before issue 17's straight path, verbatim. */
    static float[] reference(RgbImage image, Roi roi, CropSampler.Border border, float scale, float offset, int size) {
        float[] pixels = new float[size * size * 3];
        byte[] rgb = image.rgb();
        int w = image.width(), h = image.height();
        double c = Math.cos(roi.rotation()), s = Math.sin(roi.rotation());
        double step = roi.size() / size;
        double ux = c * step, uy = s * step, vx = -s * step, vy = c * step;
        double half = (size - 1) / 2.0;
        double x0 = roi.centerX() - half * ux - half * vx - 0.5;
        double y0 = roi.centerY() - half * uy - half * vy - 0.5;
        float zero = offset;
        int o = 0;
        for (int v = 0; v < size; v++) {
            double rx = x0 + v * vx, ry = y0 + v * vy;
            for (int u = 0; u < size; u++, rx += ux, ry += uy) {
                int xi = (int) Math.floor(rx), yi = (int) Math.floor(ry);
                float fx = (float) (rx - xi), fy = (float) (ry - yi);
                if (border == CropSampler.Border.ZERO && (xi < -1 || yi < -1 || xi >= w || yi >= h)) {
                    pixels[o++] = zero; pixels[o++] = zero; pixels[o++] = zero;
                    continue;
                }
                boolean inside = xi >= 0 && yi >= 0 && xi + 1 < w && yi + 1 < h;
                int xa, xb, ya, yb;
                if (inside) {
                    xa = xi; xb = xi + 1; ya = yi; yb = yi + 1;
                } else {
                    xa = clamp(xi, w); xb = clamp(xi + 1, w); ya = clamp(yi, h); yb = clamp(yi + 1, h);
                }
                int p00 = (ya * w + xa) * 3, p01 = (ya * w + xb) * 3, p10 = (yb * w + xa) * 3, p11 = (yb * w + xb) * 3;
                boolean zeroOutside = border == CropSampler.Border.ZERO && !inside;
                for (int ch = 0; ch < 3; ch++) {
                    float a = sampleAt(rgb, p00 + ch, zeroOutside && (xi < 0 || yi < 0));
                    float b = sampleAt(rgb, p01 + ch, zeroOutside && (xi + 1 >= w || yi < 0));
                    float cc = sampleAt(rgb, p10 + ch, zeroOutside && (xi < 0 || yi + 1 >= h));
                    float d = sampleAt(rgb, p11 + ch, zeroOutside && (xi + 1 >= w || yi + 1 >= h));
                    float top = a + (b - a) * fx, bottom = cc + (d - cc) * fx;
                    pixels[o++] = (top + (bottom - top) * fy) * scale + offset;
                }
            }
        }
        return pixels;
    }

    private static float sampleAt(byte[] rgb, int index, boolean outside) { return outside ? 0f : rgb[index] & 0xFF; }

    private static int clamp(int v, int n) { return v < 0 ? 0 : v >= n ? n - 1 : v; }
}
