package org.poseanalytics.pose.blazepose;

import java.nio.FloatBuffer;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.image.YuvImage;

/**
 * Warps a rotated square of the frame into a model's S×S×3 float input with bilinear interpolation, scaling 8-bit
 * RGB to the model's range. One pass, row by row into the target, no intermediate images. From a decoder's YUV
 * planes ({@link YuvImage}) it reads only the pixels it needs and follows the frame's display rotation in the same
 * affine walk, so the crop is the one from the converted, turned RGB frame (within a level: CropSamplerYuvTest).
 *
 * <p>It runs on the inference thread before every landmark call, so it is written for speed (issue 17: the crop was
 * 2–2.6 ms of a 15 ms frame). The walk is incremental in 32.32 fixed point (no {@code Math.floor} per pixel), the
 * bilinear weights are 11-bit integers, and each crop row is split once into the run of pixels whose four neighbours
 * all lie inside the frame (a straight loop without clamping or border tests) and the pixels on either side of it
 * (the edge path). Against the double-precision sampler it replaced the crop differs by at most 0.15 of an 8-bit
 * level from RGB (the weights' rounding: CropSamplerRgbTest).
 */
public final class CropSampler {
    /** What lies outside the frame: black (the detector's letterbox) or the nearest edge pixel (the landmark model's). */
    public enum Border { ZERO, REPLICATE }

    /** Fixed point of the walk: 32 fractional bits (a 256-pixel row drifts by under 1e-7 pixel). */
    private static final int FRACTION_BITS = 32;
    private static final long FRACTION_MASK = (1L << FRACTION_BITS) - 1;
    /** Bilinear weights in 1/2048 of a pixel: 255 · 2048 · 2048 still fits an int after both passes. */
    private static final int WEIGHT_BITS = 11, ONE = 1 << WEIGHT_BITS;
    private static final int WEIGHT_SHIFT = FRACTION_BITS - WEIGHT_BITS;
    private static final long WEIGHT_ROUNDING = 1L << (WEIGHT_SHIFT - 1);
    /** A blended value carries the product of two weights: 2^22 per 8-bit level. */
    private static final float BLEND_UNIT = 1f / (1 << (2 * WEIGHT_BITS));

    private final int size;

    /** A sampler for crops of {@code size}×{@code size} pixels (public for the JMH benchmarks). */
    public CropSampler(int size) {
        this.size = size;
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
        Walk walk = Walk.of(picture, roi, size);
        // Row by row into the target (a model's input tensor): a row stays in the first-level cache, where a whole
        // crop of floats (768 KB) staged in an array would be written, read back and written again through memory.
        float[] row = new float[size * 3]; // per call: two threads may fill one crop
        switch (picture) {
            case RgbImage rgb -> sampleRgb(rgb, walk, border, scale, offset, from, to, row, target);
            case YuvImage yuv -> sampleYuv(yuv, walk, border, scale, offset, from, to, row, target);
        }
    }

    public int size() { return size; }

    /**
     * The affine walk over the stored pixels, minus 0.5 to index pixel centres: crop pixel (u, v) lies at
     * (x0 + u·ux + v·vx, y0 + u·uy + v·vy), in doubles; each row's start is converted to fixed point on its own
     * (so rows sampled apart equal rows sampled together) and the row advances by the fixed-point (ux, uy).
     */
    private record Walk(double x0, double y0, double vx, double vy, long ux, long uy) {
        static Walk of(Picture picture, Roi roi, int size) {
            double c = Math.cos(roi.rotation()), s = Math.sin(roi.rotation());
            double step = roi.size() / size;
            double ux = c * step, uy = s * step, vx = -s * step, vy = c * step;
            double half = (size - 1) / 2.0;
            double x0 = roi.centerX() - half * ux - half * vx - 0.5;
            double y0 = roi.centerY() - half * uy - half * vy - 0.5;
            if (picture instanceof YuvImage image) {
                // Displayed → stored: the start point through the rotation, the steps through its linear part.
                double sx0 = image.codedX(x0, y0), sy0 = image.codedY(x0, y0);
                double sux = image.codedX(x0 + ux, y0 + uy) - sx0, suy = image.codedY(x0 + ux, y0 + uy) - sy0;
                double svx = image.codedX(x0 + vx, y0 + vy) - sx0, svy = image.codedY(x0 + vx, y0 + vy) - sy0;
                return new Walk(sx0, sy0, svx, svy, fixed(sux), fixed(suy));
            }
            return new Walk(x0, y0, vx, vy, fixed(ux), fixed(uy));
        }

        long rowX(int v) { return fixed(x0 + v * vx); }

        long rowY(int v) { return fixed(y0 + v * vy); }

        /**
         * The run [first, last) of a row's pixels whose four neighbours lie inside a w×h frame, i.e. 0 ≤ x < w − 1 and
         * 0 ≤ y < h − 1; the run is one interval, as both coordinates are linear in u. Estimated in doubles, then
         * trimmed on the exact fixed-point coordinates, so every pixel in it is inside. Packed as first · 2^32 + last.
         */
        long insideRun(long x, long y, int w, int h, int size) {
            double lo = 0, hi = size;
            double[] range = {lo, hi};
            if (!narrow(range, x, ux, (long) (w - 1) << FRACTION_BITS) || !narrow(range, y, uy, (long) (h - 1) << FRACTION_BITS)) {
                return 0;
            }
            int first = (int) Math.max(0, Math.floor(range[0]) - 1), last = (int) Math.min(size, Math.ceil(range[1]) + 1);
            while (first < last && !inside(x + first * ux, y + first * uy, w, h)) first++;
            while (last > first && !inside(x + (last - 1) * ux, y + (last - 1) * uy, w, h)) last--;
            return (long) first << 32 | last;
        }

        /** Narrows range to the u where 0 ≤ start + u·step < limit (in doubles, about a pixel wide); false if none. */
        private static boolean narrow(double[] range, long start, long step, long limit) {
            if (step == 0) return start >= 0 && start < limit;
            double a = -(double) start / step, b = (double) (limit - start) / step;
            range[0] = Math.max(range[0], Math.min(a, b));
            range[1] = Math.min(range[1], Math.max(a, b));
            return range[0] <= range[1] + 2;
        }

        private static boolean inside(long x, long y, int w, int h) {
            int xi = (int) (x >> FRACTION_BITS), yi = (int) (y >> FRACTION_BITS);
            return xi >= 0 && yi >= 0 && xi + 1 < w && yi + 1 < h;
        }
    }

    private static long fixed(double value) { return Math.round(value * (double) (1L << FRACTION_BITS)); }

    /** The fixed-point coordinate's fraction as a weight 0..2048 (rounded: 2048 picks the next pixel whole). */
    private static int weight(long coordinate) {
        return (int) (((coordinate & FRACTION_MASK) + WEIGHT_ROUNDING) >>> WEIGHT_SHIFT);
    }

    /** Bilinear of four 8-bit values along x, then y, in units of 2^-22 of a level. */
    private static int blend(int a, int b, int c, int d, int wx, int wy) {
        int top = (a << WEIGHT_BITS) + (b - a) * wx, bottom = (c << WEIGHT_BITS) + (d - c) * wx;
        return (top << WEIGHT_BITS) + (bottom - top) * wy;
    }

    /**
     * Bilinear over interleaved RGB: the straight loop inside the frame, the edge path either side of it. Each row's
     * blends go to an int row first and are scaled to floats in a loop of their own, which the JIT vectorises.
     */
    private void sampleRgb(RgbImage image, Walk walk, Border border, float scale, float offset, int from, int to,
                           float[] out, FloatBuffer target) {
        byte[] rgb = image.rgb();
        int w = image.width(), h = image.height();
        int stride = w * 3;
        long ux = walk.ux(), uy = walk.uy();
        float k = scale * BLEND_UNIT;
        int[] row = new int[size * 3];
        int zero = border == Border.ZERO ? 1 : 0;
        for (int v = from; v < to; v++) {
            long x = walk.rowX(v), y = walk.rowY(v);
            long run = walk.insideRun(x, y, w, h, size);
            int first = (int) (run >>> 32), last = (int) run;
            for (int u = 0; u < first; u++) rgbEdge(rgb, w, h, x + u * ux, y + u * uy, zero, row, u * 3);
            long rx = x + first * ux, ry = y + first * uy;
            for (int u = first, o = first * 3; u < last; u++, rx += ux, ry += uy, o += 3) {
                int xi = (int) (rx >> FRACTION_BITS), yi = (int) (ry >> FRACTION_BITS);
                int wx = weight(rx), wy = weight(ry);
                int p = yi * stride + xi * 3, q = p + stride;
                row[o] = blend(rgb[p] & 0xFF, rgb[p + 3] & 0xFF, rgb[q] & 0xFF, rgb[q + 3] & 0xFF, wx, wy);
                row[o + 1] = blend(rgb[p + 1] & 0xFF, rgb[p + 4] & 0xFF, rgb[q + 1] & 0xFF, rgb[q + 4] & 0xFF, wx, wy);
                row[o + 2] = blend(rgb[p + 2] & 0xFF, rgb[p + 5] & 0xFF, rgb[q + 2] & 0xFF, rgb[q + 5] & 0xFF, wx, wy);
            }
            for (int u = last; u < size; u++) rgbEdge(rgb, w, h, x + u * ux, y + u * uy, zero, row, u * 3);
            for (int i = 0; i < row.length; i++) out[i] = row[i] * k + offset;
            target.put(v * size * 3, out, 0, out.length);
        }
    }

    /**
     * One crop pixel whose neighbours reach past the frame: clamped (REPLICATE) or black outside ({@code zero} = 1,
     * ZERO), as a blend in 2^-22 levels into {@code row[o..o+2]}.
     */
    private static void rgbEdge(byte[] rgb, int w, int h, long x, long y, int zero, int[] row, int o) {
        int xi = (int) (x >> FRACTION_BITS), yi = (int) (y >> FRACTION_BITS);
        if (zero == 1 && (xi < -1 || yi < -1 || xi >= w || yi >= h)) {
            row[o] = 0; row[o + 1] = 0; row[o + 2] = 0;
            return;
        }
        int wx = weight(x), wy = weight(y);
        int xa = clamp(xi, w), xb = clamp(xi + 1, w), ya = clamp(yi, h), yb = clamp(yi + 1, h);
        int p00 = (ya * w + xa) * 3, p01 = (ya * w + xb) * 3, p10 = (yb * w + xa) * 3, p11 = (yb * w + xb) * 3;
        boolean z = zero == 1;
        boolean outA = z && (xi < 0 || yi < 0), outB = z && (xi + 1 >= w || yi < 0);
        boolean outC = z && (xi < 0 || yi + 1 >= h), outD = z && (xi + 1 >= w || yi + 1 >= h);
        for (int ch = 0; ch < 3; ch++) {
            int a = outA ? 0 : rgb[p00 + ch] & 0xFF, b = outB ? 0 : rgb[p01 + ch] & 0xFF;
            int c = outC ? 0 : rgb[p10 + ch] & 0xFF, d = outD ? 0 : rgb[p11 + ch] & 0xFF;
            row[o + ch] = blend(a, b, c, d, wx, wy);
        }
    }

    /*
     * From YUV planes: Y, U and V are blended first (each luma neighbour with the chroma sample it is converted with),
     * then converted once per crop pixel with YuvImage's coefficients. The conversion is linear until it clips, so
     * where none of the four neighbours clips this is the blend of converted neighbours except for their rounding to
     * whole levels, which the RGB path blends: that truncation takes 0.5 of a level on average, subtracted here, so
     * the two agree within half a level (plus the weights' rounding). Where a neighbour clips (saturated colours,
     * black below video range) the blend of clipped colours is not the clipped blend; there they may differ by more
     * (CropSamplerYuvTest states by how much).
     */
    private static final float LUMA = YuvImage.LUMA / 65536f, RED_V = YuvImage.RED_V / 65536f,
            GREEN_U = YuvImage.GREEN_U / 65536f, GREEN_V = YuvImage.GREEN_V / 65536f, BLUE_U = YuvImage.BLUE_U / 65536f;
    /** The converter's offsets, 16 and 128 folded in, and the mean truncation of 0.5 level. */
    private static final float RED_0 = YuvImage.RED_OFFSET / 65536f - 0.5f - 16 * LUMA - 128 * RED_V;
    private static final float GREEN_0 = YuvImage.GREEN_OFFSET / 65536f - 0.5f - 16 * LUMA + 128 * (GREEN_U + GREEN_V);
    private static final float BLUE_0 = YuvImage.BLUE_OFFSET / 65536f - 0.5f - 16 * LUMA - 128 * BLUE_U;

    private void sampleYuv(YuvImage image, Walk walk, Border border, float scale, float offset, int from, int to,
                           float[] out, FloatBuffer target) {
        byte[] yp = image.y(), up = image.u(), vp = image.v();
        int w = image.codedWidth(), h = image.codedHeight(), cw = image.chromaWidth();
        long ux = walk.ux(), uy = walk.uy();
        for (int v = from; v < to; v++) {
            long x = walk.rowX(v), y = walk.rowY(v);
            long run = walk.insideRun(x, y, w, h, size);
            int first = (int) (run >>> 32), last = (int) run;
            for (int u = 0; u < first; u++) yuvEdge(image, x + u * ux, y + u * uy, border, scale, offset, out, u * 3);
            long rx = x + first * ux, ry = y + first * uy;
            for (int u = first, o = first * 3; u < last; u++, rx += ux, ry += uy, o += 3) {
                int xi = (int) (rx >> FRACTION_BITS), yi = (int) (ry >> FRACTION_BITS);
                int wx = weight(rx), wy = weight(ry);
                int p = yi * w + xi, q = p + w;
                int ca = (yi >> 1) * cw, cb = ((yi + 1) >> 1) * cw, xa = xi >> 1, xb = (xi + 1) >> 1;
                float luma = blend(yp[p] & 0xFF, yp[p + 1] & 0xFF, yp[q] & 0xFF, yp[q + 1] & 0xFF, wx, wy) * BLEND_UNIT;
                float cu = blend(up[ca + xa] & 0xFF, up[ca + xb] & 0xFF, up[cb + xa] & 0xFF, up[cb + xb] & 0xFF, wx, wy) * BLEND_UNIT;
                float cv = blend(vp[ca + xa] & 0xFF, vp[ca + xb] & 0xFF, vp[cb + xa] & 0xFF, vp[cb + xb] & 0xFF, wx, wy) * BLEND_UNIT;
                convert(luma, cu, cv, scale, offset, out, o);
            }
            for (int u = last; u < size; u++) yuvEdge(image, x + u * ux, y + u * uy, border, scale, offset, out, u * 3);
            target.put(v * size * 3, out, 0, out.length);
        }
    }

    /** Blended Y, U, V (levels) to clipped RGB in the model's range, into {@code out[o..o+2]}. */
    private static void convert(float luma, float cu, float cv, float scale, float offset, float[] out, int o) {
        float l = LUMA * luma;
        out[o] = clip(l + RED_V * cv + RED_0) * scale + offset;
        out[o + 1] = clip(l - GREEN_U * cu - GREEN_V * cv + GREEN_0) * scale + offset;
        out[o + 2] = clip(l + BLUE_U * cu + BLUE_0) * scale + offset;
    }

    private static float clip(float level) { return Math.min(255f, Math.max(0f, level)); }

    /**
     * One crop pixel from the planes whose neighbours reach past the frame: the same clamping and zero rules as the
     * RGB path, a neighbour outside a ZERO border counting as black (which no YUV triple blends to, so it is blended
     * in RGB: each neighbour converted on its own, as the sampler before did everywhere).
     */
    private static void yuvEdge(YuvImage image, long x, long y, Border border, float scale, float offset, float[] pixels,
                                int o) {
        int w = image.codedWidth(), h = image.codedHeight();
        int xi = (int) (x >> FRACTION_BITS), yi = (int) (y >> FRACTION_BITS);
        boolean zero = border == Border.ZERO;
        if (zero && (xi < -1 || yi < -1 || xi >= w || yi >= h)) {
            pixels[o] = offset; pixels[o + 1] = offset; pixels[o + 2] = offset;
            return;
        }
        int wx = weight(x), wy = weight(y);
        int xa = clamp(xi, w), xb = clamp(xi + 1, w), ya = clamp(yi, h), yb = clamp(yi + 1, h);
        if (!zero) {
            byte[] yp = image.y(), up = image.u(), vp = image.v();
            int cw = image.chromaWidth();
            int ca = (ya >> 1) * cw, cb = (yb >> 1) * cw, xca = xa >> 1, xcb = xb >> 1;
            float luma = blend(yp[ya * w + xa] & 0xFF, yp[ya * w + xb] & 0xFF, yp[yb * w + xa] & 0xFF, yp[yb * w + xb] & 0xFF, wx, wy) * BLEND_UNIT;
            float cu = blend(up[ca + xca] & 0xFF, up[ca + xcb] & 0xFF, up[cb + xca] & 0xFF, up[cb + xcb] & 0xFF, wx, wy) * BLEND_UNIT;
            float cv = blend(vp[ca + xca] & 0xFF, vp[ca + xcb] & 0xFF, vp[cb + xca] & 0xFF, vp[cb + xcb] & 0xFF, wx, wy) * BLEND_UNIT;
            convert(luma, cu, cv, scale, offset, pixels, o);
            return;
        }
        int[] t = new int[12];
        rgbAt(image, xa, ya, xi < 0 || yi < 0, t, 0);
        rgbAt(image, xb, ya, xi + 1 >= w || yi < 0, t, 3);
        rgbAt(image, xa, yb, xi < 0 || yi + 1 >= h, t, 6);
        rgbAt(image, xb, yb, xi + 1 >= w || yi + 1 >= h, t, 9);
        float k = scale * BLEND_UNIT;
        for (int ch = 0; ch < 3; ch++) pixels[o + ch] = blend(t[ch], t[3 + ch], t[6 + ch], t[9 + ch], wx, wy) * k + offset;
    }

    /** The 8-bit RGB of stored pixel (x, y) into {@code out[at..at+2]}; black when it lies outside a ZERO border. */
    private static void rgbAt(YuvImage image, int x, int y, boolean outside, int[] out, int at) {
        if (outside) {
            out[at] = 0; out[at + 1] = 0; out[at + 2] = 0;
            return;
        }
        image.rgbAt(x, y, out, at);
    }

    private static int clamp(int v, int n) { return v < 0 ? 0 : v >= n ? n - 1 : v; }
}
