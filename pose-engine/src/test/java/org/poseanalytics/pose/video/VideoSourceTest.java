package org.poseanalytics.pose.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.testing.TestVideos;

/**
 * The one video access against pictures known pixel for pixel: frames drawn here, stored by ffmpeg turned the other
 * way (lossless, odd sizes so rows have padding) with metadata that turns them back. What comes out must be what was
 * drawn, at the time it was drawn for, for every way a phone can be held.
 */
class VideoSourceTest {
    /** Odd on both sides: an RGB row is 291 bytes, so the decoder's rows are padded. */
    static final int W = 97, H = 61, FPS = 10, FRAMES = 30;

    /** Frame {@code k} as drawn: no two frames alike, no turn or mirror of a frame alike either. */
    static byte[] drawn(int k) {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0, i = 0; y < H; y++) {
            for (int x = 0; x < W; x++, i += 3) {
                rgb[i] = (byte) (5 * x + 8 * k);
                rgb[i + 1] = (byte) (4 * y);
                rgb[i + 2] = (byte) (x * y + 17 * k);
            }
        }
        return rgb;
    }

    static List<byte[]> drawnFrames() {
        List<byte[]> frames = new ArrayList<>();
        for (int k = 0; k < FRAMES; k++) frames.add(drawn(k));
        return frames;
    }

    static VideoSource turned(int rotationDeg) throws UnreadableVideoException {
        return VideoSource.of(TestVideos.losslessTurned("pattern-" + W + "x" + H + "-rot" + rotationDeg + ".mov", W, H, FPS,
                drawnFrames(), rotationDeg));
    }

    @ParameterizedTest(name = "displayed {0}° clockwise")
    @ValueSource(ints = {0, 90, 180, 270})
    void everyFrameComesOutAsDrawnAtItsTime(int rotationDeg) throws Exception {
        VideoSource video = turned(rotationDeg);
        assertThat(video.info().rotationDeg()).isEqualTo(rotationDeg);
        assertThat(video.info().width()).isEqualTo(W);
        assertThat(video.info().height()).isEqualTo(H);
        int k = 0;
        try (VideoDecoder d = video.displayed()) {
            for (DecodedFrame f = d.next(); f != null; f = d.next(), k++) {
                assertThat(f.index()).isEqualTo(k);
                assertThat(f.timeS()).as("frame %d", k).isCloseTo(k / (double) FPS, within(1e-3));
                assertThat(f.image().width()).isEqualTo(W);
                assertThat(f.image().height()).isEqualTo(H);
                assertThat(difference(f.image(), drawn(k))).as("frame %d", k).isEqualTo(SAME);
                d.release(f);
            }
            assertThat(d.report().complete()).isTrue();
        }
        assertThat(k).isEqualTo(FRAMES);
    }

    @ParameterizedTest(name = "displayed {0}° clockwise")
    @ValueSource(ints = {0, 90, 180, 270})
    void frameAtIsTheFrameOnScreenAtThatTime(int rotationDeg) throws Exception {
        VideoSource video = turned(rotationDeg);
        // Frame k is on screen from k/10 s until the next one starts.
        double[] times = {0, 0.05, 1.0, 1.04, 1.09, 1.1, 2.95};
        int[] shown = {0, 0, 10, 10, 10, 11, 29};
        for (int i = 0; i < times.length; i++) {
            RgbImage image = video.frameAt(times[i]).orElseThrow();
            assertThat(image.width()).isEqualTo(W);
            assertThat(image.height()).isEqualTo(H);
            assertThat(difference(image, drawn(shown[i]))).as("at %.2f s, frame %d", times[i], shown[i]).isEqualTo(SAME);
        }
        assertThat(video.frameAt(3.5)).as("after the last frame").isEmpty();
    }

    @Test
    void grayFramesAreTheLumaOfTheDisplayedPicture() throws Exception {
        int k = 0;
        try (GrayFrames frames = turned(90).gray()) {
            for (Optional<GrayFrame> f = frames.next(); f.isPresent(); f = frames.next(), k++) {
                GrayFrame g = f.get();
                assertThat(g.index()).isEqualTo(k);
                assertThat(g.timeS()).isCloseTo(k / (double) FPS, within(1e-3));
                assertThat(g.width()).isEqualTo(W);
                assertThat(g.height()).isEqualTo(H);
                byte[] rgb = drawn(k);
                int worst = 0;
                for (int p = 0; p < W * H; p++) {
                    double luma = 0.299 * (rgb[3 * p] & 0xff) + 0.587 * (rgb[3 * p + 1] & 0xff) + 0.114 * (rgb[3 * p + 2] & 0xff);
                    worst = Math.max(worst, (int) Math.ceil(Math.abs((g.pixels()[p] & 0xff) - luma)));
                }
                assertThat(worst).as("frame %d, largest difference from BT.601 luma", k).isLessThanOrEqualTo(1);
            }
        }
        assertThat(k).isEqualTo(FRAMES);
        // Re-readable from the start, as the point tracker needs.
        try (GrayFrames again = turned(90).gray()) {
            assertThat(again.next().orElseThrow().index()).isZero();
        }
    }

    /**
     * A compressed stream with keyframes 10 frames apart and a clock that starts at 1.5 s: a seek lands on the frame a
     * sequential decode shows at that time (the same decoded pixels), on the same clock as {@link DecodedFrame#timeS}.
     */
    @Test
    void frameAtMatchesTheStreamOnACompressedVideoWhoseClockStartsLate() throws Exception {
        int w = 96, h = 60;
        List<byte[]> drawn = new ArrayList<>();
        for (int k = 0; k < FRAMES; k++) drawn.add(block(w, h, k));
        VideoSource video = VideoSource.of(TestVideos.h264StartingAt("blocks-from-1.5s.mp4", w, h, FPS, drawn, 10, 1.5));
        List<DecodedFrame> stream = new ArrayList<>();
        try (VideoDecoder d = video.displayed()) {
            for (DecodedFrame f = d.next(); f != null; f = d.next()) {
                stream.add(new DecodedFrame(f.index(), f.timeS(), new RgbImage(w, h, f.image().rgb().clone())));
                d.release(f);
            }
        }
        assertThat(stream).hasSize(FRAMES);
        assertThat(stream.getFirst().timeS()).as("seconds from the stream start").isCloseTo(0, within(1e-3));
        for (double t : new double[]{0, 0.42, 0.95, 1.0, 1.55, 2.9}) {
            DecodedFrame expected = stream.stream().filter(f -> f.timeS() <= t + 1e-6).reduce((a, b) -> b).orElseThrow();
            RgbImage got = video.frameAt(t).orElseThrow();
            assertThat(difference(got, expected.image().rgb())).as("at %.2f s, frame %d", t, expected.index()).isEqualTo(SAME);
        }
    }

    /** A bright square whose place says the frame number, on grey: survives lossy coding recognisably. */
    private static byte[] block(int w, int h, int k) {
        byte[] rgb = new byte[w * h * 3];
        java.util.Arrays.fill(rgb, (byte) 60);
        int x0 = (k % 6) * 16, y0 = (k / 6) * 12;
        for (int y = y0; y < y0 + 12; y++) {
            for (int x = x0; x < x0 + 16; x++) {
                int i = (y * w + x) * 3;
                rgb[i] = (byte) 230; rgb[i + 1] = (byte) 230; rgb[i + 2] = (byte) 230;
            }
        }
        return rgb;
    }

    private static final String SAME = "the same pixels";

    /** Where {@code image} first differs from the {@code expected} RGB bytes, in words (a short failure message). */
    private static String difference(RgbImage image, byte[] expected) {
        int n = image.width() * image.height();
        if (expected.length != n * 3) return "a " + image.width() + "x" + image.height() + " picture";
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < 3; c++) {
                if (image.rgb()[3 * p + c] != expected[3 * p + c]) {
                    return String.format("pixel (%d, %d) is %s, expected %s", p % image.width(), p / image.width(),
                            rgb(image.rgb(), p), rgb(expected, p));
                }
            }
        }
        return SAME;
    }

    private static String rgb(byte[] b, int p) {
        return String.format("rgb(%d, %d, %d)", b[3 * p] & 0xff, b[3 * p + 1] & 0xff, b[3 * p + 2] & 0xff);
    }
}
