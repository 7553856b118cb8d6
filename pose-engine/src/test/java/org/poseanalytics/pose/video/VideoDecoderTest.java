package org.poseanalytics.pose.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.testing.TestVideos;

class VideoDecoderTest {

    @Test
    void rotationTurnsPixelsClockwise() {
        // 3×2 picture, pixel value = its index; R channel only.
        int w = 3, h = 2;
        ByteBuffer src = ByteBuffer.allocate(w * h * 3);
        for (int i = 0; i < w * h; i++) src.put(i * 3, (byte) i);
        byte[] out = new byte[w * h * 3];
        FrameRotation.copyRotated(src, w * 3, w, h, 90, out);
        // Clockwise: the bottom-left pixel (index 3) becomes the top-left of the 2×3 result.
        assertThat(reds(out)).containsExactly(3, 0, 4, 1, 5, 2);
        FrameRotation.copyRotated(src, w * 3, w, h, 270, out);
        assertThat(reds(out)).containsExactly(2, 5, 1, 4, 0, 3);
        FrameRotation.copyRotated(src, w * 3, w, h, 180, out);
        assertThat(reds(out)).containsExactly(5, 4, 3, 2, 1, 0);
    }

    private static int[] reds(byte[] rgb) {
        int[] r = new int[rgb.length / 3];
        for (int i = 0; i < r.length; i++) r[i] = rgb[i * 3];
        return r;
    }

    @Test
    void framesComeOutAsDisplayedWhenRotationMetadataIsSet() throws Exception {
        RgbImage original = firstFrame(Fixtures.squatVideo());
        RgbImage rotated = firstFrame(TestVideos.portraitWithRotation());
        // Stored 1280×720 landscape, displayed 720×1280 portrait: the same picture as the fixture, up to re-encoding.
        assertThat(rotated.width()).isEqualTo(720);
        assertThat(rotated.height()).isEqualTo(1280);
        assertThat(meanAbsDiff(original, rotated)).isLessThan(6);
        // Not a coincidence of a flat picture: the same frame turned upside down differs a lot.
        assertThat(meanAbsDiff(original, upsideDown(rotated))).isGreaterThan(20);
        try (VideoDecoder d = VideoSource.of(TestVideos.portraitWithRotation()).displayed()) {
            assertThat(d.info().rotationDeg()).isEqualTo(90);
        }
    }

    @Test
    void timestampsComeFromTheStreamNotTheFrameIndex() throws Exception {
        List<Double> times = new ArrayList<>();
        try (VideoDecoder d = VideoSource.of(TestVideos.variableFrameRate()).displayed()) {
            assertThat(d.info().variableFrameRate()).isTrue();
            DecodedFrame f;
            while ((f = d.next()) != null) {
                times.add(f.timeS());
                d.release(f);
            }
            assertThat(d.report().complete()).isTrue();
        }
        // Frames 1, 4, 7, ... of the 5 fps source were dropped; the rest keep their times n × 0.2 s.
        List<Double> expected = new ArrayList<>();
        for (int n = 0; n < 65; n++) if (n % 3 != 1) expected.add(n * 0.2);
        assertThat(times).hasSize(expected.size());
        for (int i = 0; i < times.size(); i++) assertThat(times.get(i)).as("frame %d", i).isCloseTo(expected.get(i), within(0.002));
    }

    @Test
    void aTruncatedFileDecodesUpToTheCutAndSaysWhereItStopped() throws Exception {
        long frames = 0;
        try (VideoDecoder d = VideoSource.of(TestVideos.truncated()).displayed()) {
            DecodedFrame f;
            while ((f = d.next()) != null) {
                frames++;
                d.release(f);
            }
            DecodeReport report = d.report();
            assertThat(report.complete()).isFalse();
            assertThat(report.problem()).contains("stops early").contains("truncated");
            assertThat(report.lastTimeS()).isLessThan(12);
            assertThat(report.framesDecoded()).isEqualTo(frames);
        }
        assertThat(frames).isBetween(10L, 60L);
    }

    @Test
    void decodesHevcAndVp9() throws Exception {
        for (Path p : List.of(TestVideos.hevc(), TestVideos.vp9())) {
            try (VideoDecoder d = VideoSource.of(p).displayed()) {
                long n = 0;
                DecodedFrame f;
                while ((f = d.next()) != null) {
                    assertThat(f.image().width()).isEqualTo(720);
                    n++;
                    d.release(f);
                }
                assertThat(n).as(p.getFileName().toString()).isEqualTo(65);
                assertThat(d.info().codec()).isIn("hevc", "vp9");
            }
        }
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertThatThrownBy(() -> VideoSource.of(TestVideos.audioOnly()).displayed()).isInstanceOf(UnreadableVideoException.class)
                .hasMessageContaining("only audio");
        assertThatThrownBy(() -> VideoSource.of(TestVideos.stillImage()).displayed()).isInstanceOf(UnreadableVideoException.class)
                .hasMessageContaining("still image");
    }

    static RgbImage firstFrame(Path video) throws Exception {
        try (VideoDecoder d = VideoSource.of(video).displayed()) {
            DecodedFrame f = d.next();
            return new RgbImage(f.image().width(), f.image().height(), f.image().rgb().clone());
        }
    }

    private static double meanAbsDiff(RgbImage a, RgbImage b) {
        long sum = 0;
        int n = a.width() * a.height() * 3;
        for (int i = 0; i < n; i++) sum += Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF));
        return (double) sum / n;
    }

    private static RgbImage upsideDown(RgbImage img) {
        byte[] out = new byte[img.rgb().length];
        int px = img.width() * img.height();
        for (int i = 0; i < px; i++) System.arraycopy(img.rgb(), i * 3, out, (px - 1 - i) * 3, 3);
        return new RgbImage(img.width(), img.height(), out);
    }
}
