package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.image.YuvImage;
import org.poseanalytics.pose.testing.TestVideos;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.FrameLayout;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.pose.video.VideoSource;

/**
 * The crop sampled straight from a decoder's YUV planes must be the crop sampled from the frame converted to RGB
 * and turned as displayed (the path it replaces): exactly, against our own conversion of the same planes, and within
 * FFmpeg's rounding against FFmpeg's RGB24 of the same frame, for every display rotation, both border rules, and
 * crops that are rotated, scaled and partly outside the frame.
 */
class CropSamplerYuvTest {
    private static final int S = 64;
    /** Crops of a 320×240-ish frame: centred, turned, zoomed in, over an edge, over a corner, larger than the frame. */
    private static List<Roi> rois(int w, int h) {
        return List.of(new Roi(w / 2.0, h / 2.0, Math.min(w, h) * 0.8, 0),
                new Roi(w * 0.4, h * 0.6, Math.min(w, h) * 0.5, 0.7),
                new Roi(w * 0.55, h * 0.45, 21.3, -2.1),
                new Roi(w * 0.05, h * 0.5, Math.min(w, h) * 0.6, Math.PI / 2),
                new Roi(w - 3.0, h - 5.0, 40, 3.0),
                new Roi(w / 2.0, h / 2.0, Math.max(w, h) * 1.3, 0.2));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void equalsTheRgbPathOnOurConversionOfTheSamePlanes(int rotation) {
        for (int[] size : new int[][]{{64, 48}, {63, 47}}) { // odd sizes: the last chroma column and row serve one pixel
            YuvImage yuv = synthetic(size[0], size[1], rotation, 7 + rotation);
            RgbImage rgb = yuv.toRgb();
            assertThat(rgb.width()).isEqualTo(rotation % 180 == 0 ? size[0] : size[1]);
            for (CropSampler.Border border : CropSampler.Border.values()) {
                for (Roi roi : rois(rgb.width(), rgb.height())) {
                    float[] fromRgb = sample(rgb, roi, border), fromYuv = sample(yuv, roi, border);
                    assertThat(maxDifference(fromRgb, fromYuv)).as("%s, %s, rotation %d, %dx%d", roi, border, rotation,
                            size[0], size[1]).isLessThan(1e-3);
                }
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
        double sum = 0, worst = 0;
        long values = 0;
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
                        float[] fromRgb = sample(a.picture(), roi, border), fromYuv = sample(b.picture(), roi, border);
                        for (int i = 0; i < fromRgb.length; i++) {
                            double d = Math.abs(fromRgb[i] - fromYuv[i]);
                            sum += d;
                            worst = Math.max(worst, d);
                        }
                        values += fromRgb.length;
                    }
                }
                frames++;
            }
        }
        double mean = sum / values;
        System.out.printf("YUV crops vs FFmpeg's RGB24 crops (%s): mean %.3f, max %.2f levels over %d values%n",
                rotation < 0 ? "squat portrait" : "pattern rot " + rotation, mean, worst, values);
        assertThat(frames).isEqualTo(3);
        assertThat(mean).as("mean difference, levels of 255").isLessThan(0.5);
        assertThat(worst).as("largest difference, levels of 255").isLessThanOrEqualTo(2.0);
    }

    /** Crop values in levels (0..255), so differences read as levels. */
    private static float[] sample(org.poseanalytics.pose.image.Picture picture, Roi roi, CropSampler.Border border) {
        FloatBuffer out = FloatBuffer.allocate(S * S * 3);
        new CropSampler(S).sample(picture, roi, border, 1f, 0f, out);
        return out.array();
    }

    private static double maxDifference(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        return worst;
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
