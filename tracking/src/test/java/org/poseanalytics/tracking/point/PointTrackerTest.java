package org.poseanalytics.tracking.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.video.GrayFrame;
import org.poseanalytics.pose.video.GrayFrames;
import org.poseanalytics.pose.video.VideoSource;

/** The point tracker on a textured object moving along a known sub-pixel path. */
class PointTrackerTest {
    static final int W = 320, H = 240, OBJ = 80;

    /** A static textured background with a differently textured square sliding along a curve. */
    static final class Scene {
        final byte[] background = new byte[W * H];
        final byte[] object = new byte[OBJ * OBJ];
        final int occludeFrom, occludeTo;

        Scene(long seed, int occludeFrom, int occludeTo) {
            Random r = new Random(seed);
            blobs(background, W, H, r, 400);
            blobs(object, OBJ, OBJ, r, 60);
            this.occludeFrom = occludeFrom;
            this.occludeTo = occludeTo;
        }

        /** Object top-left at frame k (sub-pixel). */
        double ox(int k) { return 60 + 120 * (0.5 - 0.5 * Math.cos(k * 0.05)) + 0.37 * k % 1; }

        double oy(int k) { return 60 + 40 * Math.sin(k * 0.07); }

        byte[] render(int k) {
            byte[] px = background.clone();
            paste(px, W, H, object, OBJ, ox(k), oy(k));
            if (k >= occludeFrom && k < occludeTo) { // a flat grey board passes over the middle of the frame
                for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) if (Math.abs(x - (ox(k) + OBJ / 2.0)) < 45) px[y * W + x] = (byte) 128;
            }
            return px;
        }

        VideoFrames frames(int count) {
            return () -> new GrayFrames() {
                int k = 0;

                @Override
                public Optional<GrayFrame> next() {
                    if (k >= count) return Optional.empty();
                    int i = k++;
                    return Optional.of(new GrayFrame(i, i / 30.0, W, H, render(i)));
                }

                @Override
                public void close() { }
            };
        }

        /** Draws the square texture at sub-pixel top-left (x0, y0), bilinearly interpolated. */
        static void paste(byte[] px, int w, int h, byte[] object, int side, double x0, double y0) {
            for (int y = Math.max(0, (int) y0); y < Math.min(h, y0 + side); y++) {
                for (int x = Math.max(0, (int) x0); x < Math.min(w, x0 + side); x++) {
                    double u = x - x0, v = y - y0;
                    if (u < 0 || v < 0 || u > side - 1 || v > side - 1) continue;
                    int iu = (int) u, iv = (int) v;
                    double fu = u - iu, fv = v - iv;
                    int iu1 = Math.min(iu + 1, side - 1), iv1 = Math.min(iv + 1, side - 1);
                    double val = (1 - fu) * (1 - fv) * (object[iv * side + iu] & 0xff) + fu * (1 - fv) * (object[iv * side + iu1] & 0xff)
                            + (1 - fu) * fv * (object[iv1 * side + iu] & 0xff) + fu * fv * (object[iv1 * side + iu1] & 0xff);
                    px[y * w + x] = (byte) Math.round(val);
                }
            }
        }

        static void blobs(byte[] img, int w, int h, Random r, int n) {
            double[] acc = new double[w * h];
            for (int b = 0; b < n; b++) {
                double cx = r.nextDouble() * w, cy = r.nextDouble() * h, s = 2 + 4 * r.nextDouble(), a = r.nextGaussian() * 60;
                for (int y = Math.max(0, (int) (cy - 3 * s)); y < Math.min(h, cy + 3 * s); y++) {
                    for (int x = Math.max(0, (int) (cx - 3 * s)); x < Math.min(w, cx + 3 * s); x++) {
                        acc[y * w + x] += a * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s * s));
                    }
                }
            }
            for (int i = 0; i < img.length; i++) img[i] = (byte) Math.max(0, Math.min(255, 128 + acc[i]));
        }
    }

    @Test
    void followsAMovingTexturedPointForwardsAndBackwardsWithinTwoPixels() {
        Scene scene = new Scene(1, -1, -1);
        int anchor = 50;
        double u = 35.5, v = 42.25; // the picked point, in object coordinates
        PointSpec spec = new PointSpec(scene.ox(anchor) + u, scene.oy(anchor) + v, anchor / 30.0);
        PointTrajectory tr = new PointTracker().track(scene.frames(100), List.of(spec)).get(0);
        assertThat(tr.points()).hasSize(100);
        assertThat(tr.anchorFrame()).isEqualTo(anchor);
        double max = 0, sum = 0;
        for (TrackedPoint p : tr.points()) {
            int k = (int) p.frame();
            assertThat(p.occluded()).as("frame %d", k).isFalse();
            double e = Math.hypot(p.xPx() - (scene.ox(k) + u), p.yPx() - (scene.oy(k) + v));
            max = Math.max(max, e);
            sum += e;
        }
        System.out.printf("[measured] point tracking, 100 frames of a textured object (anchor at frame 50): mean error %.3f px, max %.3f px%n", sum / 100, max);
        assertThat(max).isLessThan(2.0);
    }

    @Test
    void flagsTheOcclusionInventsNoPositionAndPicksThePointUpAgain() {
        Scene scene = new Scene(2, 30, 40);
        double u = 40, v = 40;
        PointSpec spec = new PointSpec(scene.ox(0) + u, scene.oy(0) + v, 0);
        PointTrajectory tr = new PointTracker().track(scene.frames(70), List.of(spec)).get(0);
        int flagged = 0;
        for (TrackedPoint p : tr.points()) {
            int k = (int) p.frame();
            if (k >= 30 && k < 40) {
                if (p.occluded()) { flagged++; assertThat(p.xPx()).isNaN(); }
            }
            if (k >= 45) {
                assertThat(p.occluded()).as("frame %d picked up again", k).isFalse();
                assertThat(Math.hypot(p.xPx() - (scene.ox(k) + u), p.yPx() - (scene.oy(k) + v))).as("frame %d", k).isLessThan(2.0);
            }
        }
        System.out.printf("[measured] point tracking through a 10-frame occlusion: %d of 10 hidden frames flagged, re-acquired after%n", flagged);
        assertThat(flagged).isGreaterThanOrEqualTo(9);
    }

    @Test
    void decodesARecordedVideoWithFfmpeg(@TempDir Path dir) throws Exception {
        Scene scene = new Scene(3, -1, -1);
        Path file = dir.resolve("pattern.mkv");
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), W, H)) {
            rec.setFormat("matroska");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_FFV1); // lossless, so decoding can be checked exactly
            rec.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            rec.setFrameRate(30);
            rec.start();
            for (int k = 0; k < 40; k++) {
                Frame f = new Frame(W, H, Frame.DEPTH_UBYTE, 1);
                ((java.nio.ByteBuffer) f.image[0]).put(scene.render(k));
                rec.record(f, avutil.AV_PIX_FMT_GRAY8);
            }
        }
        VideoFrames video = VideoSource.of(file)::gray;
        List<GrayFrame> got = new ArrayList<>();
        try (GrayFrames s = video.open()) {
            for (Optional<GrayFrame> f = s.next(); f.isPresent(); f = s.next()) got.add(f.get());
        }
        assertThat(got).hasSize(40);
        assertThat(got.get(7).pixels()).isEqualTo(scene.render(7));
        assertThat(got.get(30).timeS()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.002));
        PointSpec spec = new PointSpec(scene.ox(20) + 40, scene.oy(20) + 40, 20 / 30.0);
        PointTrajectory tr = new PointTracker().track(video, List.of(spec)).get(0);
        for (TrackedPoint p : tr.points()) {
            int k = (int) p.frame();
            assertThat(Math.hypot(p.xPx() - (scene.ox(k) + 40), p.yPx() - (scene.oy(k) + 40))).isLessThan(2.0);
        }
        assertThatThrownBy(() -> VideoSource.of(dir.resolve("missing.mp4"))).hasMessageContaining("no such file");
    }

    @Test
    void parsesPointSpecsAndExplainsBadOnes() {
        assertThat(PointSpec.parse("412, 633.5,1.5")).isEqualTo(new PointSpec(412, 633.5, 1.5));
        assertThatThrownBy(() -> PointSpec.parse("412,633")).hasMessageContaining("exactly three").hasMessageContaining("2 parts");
        assertThatThrownBy(() -> PointSpec.parse("412,abc,1")).hasMessageContaining("Y must be a number");
        assertThatThrownBy(() -> PointSpec.parse("-3,4,1")).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> PointSpec.parse("3,4,NaN")).hasMessageContaining("T must be finite");
        assertThatThrownBy(() -> PointSpec.parse(" ")).hasMessageContaining("got nothing");
        Scene scene = new Scene(1, -1, -1);
        assertThatThrownBy(() -> new PointTracker().track(scene.frames(10), List.of(new PointSpec(10, 10, 5))))
                .hasMessageContaining("video ends at");
        assertThatThrownBy(() -> new PointTracker().track(scene.frames(10), List.of(new PointSpec(500, 10, 0))))
                .hasMessageContaining("outside the 320x240 frame");
    }

    @Test
    void writesPointsCsvWithUnitsAndEmptyCellsForHiddenFrames() {
        PointTrajectory tr = new PointTrajectory(1, new PointSpec(1, 2, 0), 0, List.of(
                new TrackedPoint(0, 0, 1, 2, 1, false), new TrackedPoint(1, 0.033333, Double.NaN, Double.NaN, 0, true)));
        StringWriter w = new StringWriter();
        PointsCsv.write(w, List.of(tr));
        Iterator<String> lines = w.toString().lines().iterator();
        assertThat(lines.next()).isEqualTo("point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s");
        // Without a scale the metre columns stay empty.
        assertThat(lines.next()).isEqualTo("1,0,0,1,2,1,0,,,,,");
        assertThat(lines.next()).isEqualTo("1,1,0.033333,,,0,1,,,,,");
    }
}
