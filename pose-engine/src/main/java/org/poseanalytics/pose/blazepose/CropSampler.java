package org.poseanalytics.pose.blazepose;

import java.nio.FloatBuffer;
import org.poseanalytics.pose.image.RgbImage;

/**
 * Warps a rotated square of the frame into a model's S×S×3 float input with bilinear interpolation, scaling 8-bit
 * RGB to the model's range. Runs over a reused float array; one pass, no intermediate images.
 */
final class CropSampler {
    enum Border { ZERO, REPLICATE }

    private final int size;
    private final float[] pixels;

    CropSampler(int size) {
        this.size = size;
        this.pixels = new float[size * size * 3];
    }

    /**
     * Fills {@code target} with the crop. Outside the frame, ZERO gives the value of a black pixel (the detector's
     * letterbox), REPLICATE the nearest edge pixel (the landmark model's convention).
     */
    void sample(RgbImage image, Roi roi, Border border, float scale, float offset, FloatBuffer target) {
        byte[] rgb = image.rgb();
        int w = image.width(), h = image.height();
        double c = Math.cos(roi.rotation()), s = Math.sin(roi.rotation());
        double step = roi.size() / size;
        // Frame coordinates of crop pixel (u, v)'s centre, minus 0.5 to index pixel centres.
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
                if (border == Border.ZERO && (xi < -1 || yi < -1 || xi >= w || yi >= h)) {
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
                boolean zeroOutside = border == Border.ZERO && !inside;
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
        target.clear();
        target.put(pixels);
    }

    private static float sampleAt(byte[] rgb, int index, boolean outside) {
        return outside ? 0f : rgb[index] & 0xFF;
    }

    private static int clamp(int v, int n) { return v < 0 ? 0 : v >= n ? n - 1 : v; }
}
