package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.image.YuvImage;
import org.poseanalytics.pose.testing.TestVideos;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.FrameLayout;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.pose.video.VideoSource;

/**
 * The crop sampled straight from a decoder's YUV planes must be the crop sampled from the frame converted to RGB
 * and turned as displayed (the path it replaces), for every display rotation, both border rules, and crops that are
 * rotated, scaled and partly outside the frame. Since issue 17 it blends Y, U and V and converts once per crop pixel
 * instead of converting its four neighbours: where no neighbour's colour clips, that is within 0.65 of a level of
 * the sampler before (kept verbatim below as the reference; half a level for the neighbours' rounding to whole
 * levels, 0.15 for the weights); where one clips (saturated colours, levels outside video range), the blend of
 * clipped colours and the clipped blend part, and the crop stays within the range of its four neighbours' colours.
 */
class CropSamplerYuvTest {
    private static final int S = 64;
    /** Where no neighbour clips: the neighbours' rounding to whole levels (0.5) and the 11-bit weights (0.15). */
    private static final double TOLERANCE_LEVELS = 0.5 + CropSamplerRgbTest.TOLERANCE_LEVELS;
    /** Crops of a 320×240-ish frame: centred, turned, zoomed in, over an edge, over a corner, larger than the frame. */
    private static List<Roi> rois(int w, int h) {
        return List.of(new Roi(w / 2.0, h / 2.0, Math.min(w, h) * 0.8, 0),
                new Roi(w * 0.4, h * 0.6, Math.min(w, h) * 0.5, 0.7),
                new Roi(w * 0.55, h * 0.45, 21.3, -2.1),
                new Roi(w * 0.05, h * 0.5, Math.min(w, h) * 0.6, Math.PI / 2),
                new Roi(w - 3.0, h - 5.0, 40, 3.0),
                new Roi(w / 2.0, h / 2.0, Math.max(w, h) * 1.3, 0.2),
                new Roi(w / 3.0 + 0.37, h / 2.0 - 0.11, Math.max(w, h), 0)); // the detector's letterbox
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void equalsTheSamplerBeforeAndTheRgbPathWhereNoNeighbourClips(int rotation) {
        int clipped = 0, values = 0;
        double worst = 0, worstRgb = 0;
        for (int[] size : new int[][]{{64, 48}, {63, 47}, {1920, 1080}}) { // odd: the last chroma column and row serve one pixel
            YuvImage yuv = synthetic(size[0], size[1], rotation, 7 + rotation);
            RgbImage rgb = yuv.toRgb();
            assertThat(rgb.width()).isEqualTo(rotation % 180 == 0 ? size[0] : size[1]);
            for (CropSampler.Border border : CropSampler.Border.values()) {
                for (Roi roi : rois(rgb.width(), rgb.height())) {
                    for (float[] range : new float[][]{{1f, 0f}, {2f / 255f, -1f}}) {
                        Reference expected = reference(yuv, roi, border, range[0], range[1], S);
                        float[] fromYuv = sample(yuv, roi, border, range), fromRgb = sample(rgb, roi, border, range);
                        for (int i = 0; i < fromYuv.length; i++) {
                            String at = "%s, %s, rotation %d, %dx%d, value %d".formatted(roi, border, rotation, size[0], size[1], i);
                            double level = fromYuv[i] / range[0] - range[1] / range[0];
                            if (expected.clipped[i / 3]) {
                                clipped++;
                                assertThat(level).as(at).isBetween(expected.lowest[i] - 1.0, expected.highest[i] + 1.0);
                                continue;
                            }
                            double d = Math.abs(fromYuv[i] - expected.values[i]) / range[0];
                            double dRgb = Math.abs(fromYuv[i] - fromRgb[i]) / range[0];
                            worst = Math.max(worst, d);
                            worstRgb = Math.max(worstRgb, dRgb);
                            assertThat(d).as(at).isLessThanOrEqualTo(TOLERANCE_LEVELS);
                            assertThat(dRgb).as("against the RGB path, " + at).isLessThanOrEqualTo(TOLERANCE_LEVELS);
                        }
                        values += fromYuv.length;
                    }
                }
            }
        }
        System.out.printf("YUV crop (rotation %d) vs the sampler before: max %.3f levels, vs the RGB path %.3f, "
                + "%d of %d values with a clipping neighbour%n", rotation, worst, worstRgb, clipped, values);
        assertThat(clipped).as("the synthetic planes clip somewhere").isPositive();
    }

    /** The old sampler itself equals the RGB path on our conversion of the planes (so it is the right reference). */
    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void theReferenceEqualsTheRgbReference(int rotation) {
        YuvImage yuv = synthetic(63, 47, rotation, 11 + rotation);
        RgbImage rgb = yuv.toRgb();
        for (CropSampler.Border border : CropSampler.Border.values()) {
            for (Roi roi : rois(rgb.width(), rgb.height())) {
                float[] a = reference(yuv, roi, border, 1f, 0f, S).values;
                float[] b = CropSamplerRgbTest.reference(rgb, roi, border, 1f, 0f, S);
                assertThat(CropSamplerRgbTest.maxDifference(a, b)).as("%s, %s", roi, border).isLessThan(1e-3);
            }
        }
    }

    /** Each displayed pixel of {@link YuvImage#toRgb()} comes from the stored pixel the rotation names. */
    @ParameterizedTest
    @ValueSource(ints = {90, 270})
    void turnsAsTheDisplayRotationSays(int rotation) {
        YuvImage yuv = synthetic(6, 4, rotation, 3);
        RgbImage upright = new YuvImage(6, 4, 0, yuv.y(), yuv.u(), yuv.v()).toRgb();
        RgbImage turned = yuv.toRgb();
        assertThat(turned.width()).isEqualTo(4);
        // Turned clockwise by 90: the stored top-left pixel shows at the top-right; by 270, at the bottom-left.
        int at = rotation == 90 ? 3 * 3 : (5 * 4) * 3;
        for (int ch = 0; ch < 3; ch++) assertThat(turned.rgb()[at + ch]).isEqualTo(upright.rgb()[ch]);
    }

    /**
     * Against FFmpeg's own RGB24 of the same decoded frames (its table-driven converter rounds differently by a level
     * or two here and there): a colourful synthetic clip with every display rotation, and the squat fixture stored
     * landscape with portrait metadata.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270, -1})
    void matchesFfmpegsRgbConversionWithinRounding(int rotation) throws Exception {
        VideoSource video = VideoSource.of(rotation < 0 ? TestVideos.portraitWithRotation() : TestVideos.colourPattern(rotation));
        double sum = 0, worst = 0, worstClipped = 0;
        long values = 0, clipped = 0;
        int frames = 0;
        try (VideoDecoder rgbFrames = video.displayed(FrameLayout.RGB, 1);
             VideoDecoder yuvFrames = video.displayed(FrameLayout.YUV420, 1)) {
            DecodedFrame a, b;
            while ((a = rgbFrames.next()) != null && (b = yuvFrames.next()) != null && frames < 3) {
                assertThat(b.picture()).isInstanceOf(YuvImage.class);
                assertThat(b.picture().width()).isEqualTo(a.picture().width());
                assertThat(b.picture().height()).isEqualTo(a.picture().height());
                for (CropSampler.Border border : CropSampler.Border.values()) {
                    for (Roi roi : rois(a.picture().width(), a.picture().height())) {
                        float[] fromRgb = sample(a.picture(), roi, border, LEVELS), fromYuv = sample(b.picture(), roi, border, LEVELS);
                        boolean[] clips = reference((YuvImage) b.picture(), roi, border, 1f, 0f, S).clipped;
                        for (int i = 0; i < fromRgb.length; i++) {
                            double d = Math.abs(fromRgb[i] - fromYuv[i]);
                            sum += d;
                            if (clips[i / 3]) {
                                clipped++;
                                worstClipped = Math.max(worstClipped, d);
                            } else {
                                worst = Math.max(worst, d);
                            }
                        }
                        values += fromRgb.length;
                    }
                }
                frames++;
            }
        }
        double mean = sum / values;
        System.out.printf("YUV crops vs FFmpeg's RGB24 crops (%s): mean %.3f, max %.2f levels over %d values; "
                        + "%d with a clipping neighbour, max %.2f there%n",
                rotation < 0 ? "squat portrait" : "pattern rot " + rotation, mean, worst, values, clipped, worstClipped);
        assertThat(frames).isEqualTo(3);
        assertThat(mean).as("mean difference, levels of 255").isLessThan(0.5);
        // FFmpeg's rounding (2 levels against the sampler before) and the blend's (TOLERANCE_LEVELS against it).
        assertThat(worst).as("largest difference where no neighbour clips, levels of 255").isLessThanOrEqualTo(2.0 + TOLERANCE_LEVELS);
    }

    /** Crop values in levels (0..255), so differences read as levels. */
    private static final float[] LEVELS = {1f, 0f};

    private static float[] sample(Picture picture, Roi roi, CropSampler.Border border, float[] range) {
        FloatBuffer out = FloatBuffer.allocate(S * S * 3);
        new CropSampler(S).sample(picture, roi, border, range[0], range[1], out);
        return out.array();
    }

    /**
     * The reference crop, and per crop pixel whether one of its four neighbours' colours clips (its exact conversion
     * leaves 0..255) and the lowest and highest of their clipped 8-bit colours per value.
     */
    private record Reference(float[] values, boolean[] clipped, int[] lowest, int[] highest) {}

    /** CropSampler's YUV path before issue 17's blend-then-convert, verbatim; the lines marked "test" are added. */
    private static Reference reference(YuvImage image, Roi roi, CropSampler.Border border, float scale, float offset, int size) {
        float[] pixels = new float[size * size * 3];
        boolean[] clipped = new boolean[size * size]; // test
        int[] lowest = new int[size * size * 3], highest = new int[size * size * 3]; // test
        int w = image.codedWidth(), h = image.codedHeight();
        double c = Math.cos(roi.rotation()), s = Math.sin(roi.rotation());
        double step = roi.size() / size;
        double ux = c * step, uy = s * step, vx = -s * step, vy = c * step;
        double half = (size - 1) / 2.0;
        double x0 = roi.centerX() - half * ux - half * vx - 0.5;
        double y0 = roi.centerY() - half * uy - half * vy - 0.5;
        double sx0 = image.codedX(x0, y0), sy0 = image.codedY(x0, y0);
        double sux = image.codedX(x0 + ux, y0 + uy) - sx0, suy = image.codedY(x0 + ux, y0 + uy) - sy0;
        double svx = image.codedX(x0 + vx, y0 + vy) - sx0, svy = image.codedY(x0 + vx, y0 + vy) - sy0;
        int[] t = new int[12];
        int o = 0;
        for (int v = 0; v < size; v++) {
            double rx = sx0 + v * svx, ry = sy0 + v * svy;
            for (int u = 0; u < size; u++, rx += sux, ry += suy) {
                int xi = (int) Math.floor(rx), yi = (int) Math.floor(ry);
                float fx = (float) (rx - xi), fy = (float) (ry - yi);
                if (border == CropSampler.Border.ZERO && (xi < -1 || yi < -1 || xi >= w || yi >= h)) {
                    for (int ch = 0; ch < 3; ch++) { lowest[o] = 0; highest[o] = 0; pixels[o++] = offset; } // test
                    continue;
                }
                boolean inside = xi >= 0 && yi >= 0 && xi + 1 < w && yi + 1 < h;
                int xa, xb, ya, yb;
                if (inside) {
                    xa = xi; xb = xi + 1; ya = yi; yb = yi + 1;
                } else {
                    xa = clamp(xi, w); xb = clamp(xi + 1, w); ya = clamp(yi, h); yb = clamp(yi + 1, h);
                }
                boolean zeroOutside = border == CropSampler.Border.ZERO && !inside;
                rgbAt(image, xa, ya, zeroOutside && (xi < 0 || yi < 0), t, 0);
                rgbAt(image, xb, ya, zeroOutside && (xi + 1 >= w || yi < 0), t, 3);
                rgbAt(image, xa, yb, zeroOutside && (xi < 0 || yi + 1 >= h), t, 6);
                rgbAt(image, xb, yb, zeroOutside && (xi + 1 >= w || yi + 1 >= h), t, 9);
                clipped[o / 3] = clips(image, xa, ya) || clips(image, xb, ya) || clips(image, xa, yb) || clips(image, xb, yb); // test
                for (int ch = 0; ch < 3; ch++) {
                    lowest[o] = Math.min(Math.min(t[ch], t[3 + ch]), Math.min(t[6 + ch], t[9 + ch])); // test
                    highest[o] = Math.max(Math.max(t[ch], t[3 + ch]), Math.max(t[6 + ch], t[9 + ch])); // test
                    float a = t[ch], b = t[3 + ch], cc = t[6 + ch], d = t[9 + ch];
                    float top = a + (b - a) * fx, bottom = cc + (d - cc) * fx;
                    pixels[o++] = (top + (bottom - top) * fy) * scale + offset;
                }
            }
        }
        return new Reference(pixels, clipped, lowest, highest);
    }

    private static void rgbAt(YuvImage image, int x, int y, boolean outside, int[] out, int at) {
        if (outside) {
            out[at] = 0; out[at + 1] = 0; out[at + 2] = 0;
            return;
        }
        image.rgbAt(x, y, out, at);
    }

    private static int clamp(int v, int n) { return v < 0 ? 0 : v >= n ? n - 1 : v; }

    /** Whether stored pixel (x, y)'s exact conversion (YuvImage's, before clamping) leaves 0..255 in a channel. */
    private static boolean clips(YuvImage image, int x, int y) {
        int luma = YuvImage.LUMA * ((image.y()[y * image.codedWidth() + x] & 0xff) - 16);
        int c = (y >> 1) * image.chromaWidth() + (x >> 1);
        int cu = (image.u()[c] & 0xff) - 128, cv = (image.v()[c] & 0xff) - 128;
        int[] exact = {(luma + YuvImage.RED_V * cv + YuvImage.RED_OFFSET) >> 16,
                (luma - YuvImage.GREEN_U * cu - YuvImage.GREEN_V * cv + YuvImage.GREEN_OFFSET) >> 16,
                (luma + YuvImage.BLUE_U * cu + YuvImage.BLUE_OFFSET) >> 16};
        for (int e : exact) if (e < 0 || e > 255) return true;
        return false;
    }

    /** Smooth gradients, saturated blocks and noise, including levels outside video range (clamped colours). */
    private static YuvImage synthetic(int w, int h, int rotation, long seed) {
        YuvImage img = YuvImage.allocate(w, h, rotation);
        Random random = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 255 / w + ((x / 8 + y / 8) % 2) * 90 + random.nextInt(20)) % 256;
                img.y()[y * w + x] = (byte) v;
            }
        }
        for (int i = 0; i < img.u().length; i++) {
            img.u()[i] = (byte) (i % 7 < 3 ? 16 + random.nextInt(30) : 200 + random.nextInt(56));
            img.v()[i] = (byte) random.nextInt(256);
        }
        return img;
    }
}
