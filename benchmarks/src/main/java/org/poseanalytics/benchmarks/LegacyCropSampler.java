package org.poseanalytics.benchmarks;

import java.nio.FloatBuffer;
import org.poseanalytics.pose.blazepose.CropSampler.Border;
import org.poseanalytics.pose.blazepose.Roi;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.image.YuvImage;

/**
 * BlazePose's crop sampler as it was before issue 17's fixed-point rewrite (double walk, {@code Math.floor} per pixel,
 * each YUV neighbour converted on its own), kept here only so {@link CropSamplerBenchmark} measures old and new side
 * by side in one run. Verbatim but for the package and its name.
 */
final class LegacyCropSampler {
    private final int size;
    private final float[] pixels;

    /** A sampler for crops of {@code size}×{@code size} pixels (public for the JMH benchmarks). */
    LegacyCropSampler(int size) {
        this.size = size;
        this.pixels = new float[size * size * 3];
    }

    /**
     * Fills {@code target} with the crop. Outside the frame, ZERO gives the value of a black pixel (the detector's
     * letterbox), REPLICATE the nearest edge pixel (the landmark model's convention).
     */
    public void sample(Picture picture, Roi roi, Border border, float scale, float offset, FloatBuffer target) {
        sampleRows(picture, roi, border, scale, offset, target, 0, size);
    }

    /**
     * As {@link #sample}, for crop rows {@code from} (inclusive) to {@code to} only: each row is computed on its own,
     * so two threads that fill disjoint row ranges of one crop give the crop {@link #sample} gives, bit for bit.
     */
    public void sampleRows(Picture picture, Roi roi, Border border, float scale, float offset, FloatBuffer target,
                           int from, int to) {
        if (from < 0 || to > size || from > to) throw new IllegalArgumentException("rows " + from + ".." + to + " of " + size);
        switch (picture) {
            case RgbImage rgb -> sampleRgb(rgb, roi, border, scale, offset, from, to);
            case YuvImage yuv -> sampleYuv(yuv, roi, border, scale, offset, from, to);
        }
        int start = from * size * 3;
        target.put(start, pixels, start, (to - from) * size * 3);
    }

    public int size() { return size; }

    /**
     * Bilinear over interleaved RGB. Pixels whose four neighbours all lie inside the frame (nearly all of a landmark
     * crop) take a straight path: no clamping, no border tests, the three channels unrolled. Its float arithmetic is
     * the edge path's, term for term, so the crop is the same bit for bit ({@code CropSamplerRgbTest}); only the
     * branches per channel are gone, which made the crop about as costly as a tenth of the landmark call.
     */
    private void sampleRgb(RgbImage image, Roi roi, Border border, float scale, float offset, int from, int to) {
        byte[] rgb = image.rgb();
        int w = image.width(), h = image.height();
        int stride = w * 3;
        double c = Math.cos(roi.rotation()), s = Math.sin(roi.rotation());
        double step = roi.size() / size;
        // Frame coordinates of crop pixel (u, v)'s centre, minus 0.5 to index pixel centres.
        double ux = c * step, uy = s * step, vx = -s * step, vy = c * step;
        double half = (size - 1) / 2.0;
        double x0 = roi.centerX() - half * ux - half * vx - 0.5;
        double y0 = roi.centerY() - half * uy - half * vy - 0.5;
        float[] out = pixels;
        int o = from * size * 3;
        for (int v = from; v < to; v++) {
            double rx = x0 + v * vx, ry = y0 + v * vy;
            for (int u = 0; u < size; u++, rx += ux, ry += uy, o += 3) {
                int xi = (int) Math.floor(rx), yi = (int) Math.floor(ry);
                float fx = (float) (rx - xi), fy = (float) (ry - yi);
                if (xi >= 0 && yi >= 0 && xi + 1 < w && yi + 1 < h) {
                    int p00 = yi * stride + xi * 3, p10 = p00 + stride;
                    out[o] = blend(rgb[p00] & 0xFF, rgb[p00 + 3] & 0xFF, rgb[p10] & 0xFF, rgb[p10 + 3] & 0xFF, fx, fy) * scale + offset;
                    out[o + 1] = blend(rgb[p00 + 1] & 0xFF, rgb[p00 + 4] & 0xFF, rgb[p10 + 1] & 0xFF, rgb[p10 + 4] & 0xFF, fx, fy) * scale + offset;
                    out[o + 2] = blend(rgb[p00 + 2] & 0xFF, rgb[p00 + 5] & 0xFF, rgb[p10 + 2] & 0xFF, rgb[p10 + 5] & 0xFF, fx, fy) * scale + offset;
                } else {
                    sampleRgbEdge(rgb, w, h, xi, yi, fx, fy, border, scale, offset, o);
                }
            }
        }
    }

    /** Bilinear of the four neighbours: along x on both rows, then along y (the order every path keeps). */
    private static float blend(float a, float b, float cc, float d, float fx, float fy) {
        float top = a + (b - a) * fx, bottom = cc + (d - cc) * fx;
        return top + (bottom - top) * fy;
    }

    /** One crop pixel whose neighbours reach past the frame: clamped (REPLICATE) or black outside (ZERO). */
    private void sampleRgbEdge(byte[] rgb, int w, int h, int xi, int yi, float fx, float fy, Border border, float scale,
                               float offset, int o) {
        if (border == Border.ZERO && (xi < -1 || yi < -1 || xi >= w || yi >= h)) {
            pixels[o] = offset; pixels[o + 1] = offset; pixels[o + 2] = offset;
            return;
        }
        int xa = clamp(xi, w), xb = clamp(xi + 1, w), ya = clamp(yi, h), yb = clamp(yi + 1, h);
        int p00 = (ya * w + xa) * 3, p01 = (ya * w + xb) * 3, p10 = (yb * w + xa) * 3, p11 = (yb * w + xb) * 3;
        boolean zeroOutside = border == Border.ZERO;
        for (int ch = 0; ch < 3; ch++) {
            float a = sampleAt(rgb, p00 + ch, zeroOutside && (xi < 0 || yi < 0));
            float b = sampleAt(rgb, p01 + ch, zeroOutside && (xi + 1 >= w || yi < 0));
            float cc = sampleAt(rgb, p10 + ch, zeroOutside && (xi < 0 || yi + 1 >= h));
            float d = sampleAt(rgb, p11 + ch, zeroOutside && (xi + 1 >= w || yi + 1 >= h));
            pixels[o + ch] = blend(a, b, cc, d, fx, fy) * scale + offset;
        }
    }

    /**
     * As {@link #sampleRgb} on the frame {@code image.toRgb()} would give: the walk runs over the stored planes (the
     * displayed frame's affine walk turned by the rotation), the same clamping and zero rules apply there, and each
     * neighbour is converted to rounded 8-bit RGB before the bilinear blend, as the RGB path blends converted bytes.
     */
    private void sampleYuv(YuvImage image, Roi roi, Border border, float scale, float offset, int from, int to) {
        int w = image.codedWidth(), h = image.codedHeight();
        double c = Math.cos(roi.rotation()), s = Math.sin(roi.rotation());
        double step = roi.size() / size;
        double ux = c * step, uy = s * step, vx = -s * step, vy = c * step;
        double half = (size - 1) / 2.0;
        double x0 = roi.centerX() - half * ux - half * vx - 0.5;
        double y0 = roi.centerY() - half * uy - half * vy - 0.5;
        // Displayed → stored: the start point through the rotation, the steps through its linear part.
        double sx0 = image.codedX(x0, y0), sy0 = image.codedY(x0, y0);
        double sux = image.codedX(x0 + ux, y0 + uy) - sx0, suy = image.codedY(x0 + ux, y0 + uy) - sy0;
        double svx = image.codedX(x0 + vx, y0 + vy) - sx0, svy = image.codedY(x0 + vx, y0 + vy) - sy0;
        int[] t = new int[12]; // the four neighbours' RGB; per call, as two threads may fill one crop
        int o = from * size * 3;
        for (int v = from; v < to; v++) {
            double rx = sx0 + v * svx, ry = sy0 + v * svy;
            for (int u = 0; u < size; u++, rx += sux, ry += suy) {
                int xi = (int) Math.floor(rx), yi = (int) Math.floor(ry);
                float fx = (float) (rx - xi), fy = (float) (ry - yi);
                if (border == Border.ZERO && (xi < -1 || yi < -1 || xi >= w || yi >= h)) {
                    pixels[o++] = offset; pixels[o++] = offset; pixels[o++] = offset;
                    continue;
                }
                boolean inside = xi >= 0 && yi >= 0 && xi + 1 < w && yi + 1 < h;
                int xa, xb, ya, yb;
                if (inside) {
                    xa = xi; xb = xi + 1; ya = yi; yb = yi + 1;
                } else {
                    xa = clamp(xi, w); xb = clamp(xi + 1, w); ya = clamp(yi, h); yb = clamp(yi + 1, h);
                }
                boolean zeroOutside = border == Border.ZERO && !inside;
                rgbAt(image, xa, ya, zeroOutside && (xi < 0 || yi < 0), t, 0);
                rgbAt(image, xb, ya, zeroOutside && (xi + 1 >= w || yi < 0), t, 3);
                rgbAt(image, xa, yb, zeroOutside && (xi < 0 || yi + 1 >= h), t, 6);
                rgbAt(image, xb, yb, zeroOutside && (xi + 1 >= w || yi + 1 >= h), t, 9);
                for (int ch = 0; ch < 3; ch++) {
                    float a = t[ch], b = t[3 + ch], cc = t[6 + ch], d = t[9 + ch];
                    float top = a + (b - a) * fx, bottom = cc + (d - cc) * fx;
                    pixels[o++] = (top + (bottom - top) * fy) * scale + offset;
                }
            }
        }
    }

    /** The 8-bit RGB of stored pixel (x, y) into {@code out[at..at+2]}; black when it lies outside a ZERO border. */
    private static void rgbAt(YuvImage image, int x, int y, boolean outside, int[] out, int at) {
        if (outside) {
            out[at] = 0; out[at + 1] = 0; out[at + 2] = 0;
            return;
        }
        image.rgbAt(x, y, out, at);
    }

    private static float sampleAt(byte[] rgb, int index, boolean outside) {
        return outside ? 0f : rgb[index] & 0xFF;
    }

    private static int clamp(int v, int n) { return v < 0 ? 0 : v >= n ? n - 1 : v; }
}
