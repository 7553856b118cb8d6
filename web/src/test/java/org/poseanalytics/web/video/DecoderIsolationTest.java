package org.poseanalytics.web.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.web.TestVideos;

/**
 * The decoder process ({@link IsolatedDecoder}): it probes and makes thumbnails and browser copies as the server would,
 * and a file that exhausts its memory, outlasts its time or crashes it fails with a clear {@link DecodeFailure} while
 * this JVM (the server's stand-in) carries on.
 */
class DecoderIsolationTest {
    static final IsolatedDecoder.Limits DEFAULT = new IsolatedDecoder.Limits("768m", 6L << 30, 2, Duration.ofMinutes(2), Duration.ofMinutes(5));

    @TempDir Path tmp;

    @Test
    void checksAVideoAndWritesItsThumbnailInAChildProcess() throws Exception {
        Path video = TestVideos.mp4(tmp.resolve("ok.mp4"), 320, 240, 25, 25);
        long t0 = System.nanoTime();
        Decoder.Checked checked = new IsolatedDecoder(DEFAULT).check(video, tmp.resolve("t.jpg"), VideoLimits.DEFAULTS);
        System.out.printf("decoder process: check of a 320x240 1 s video in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(checked.info().width()).isEqualTo(320);
        assertThat(checked.info().height()).isEqualTo(240);
        assertThat(checked.format().codec()).isNotBlank();
        assertThat(checked.thumbnailProblem()).isNull();
        BufferedImage t = ImageIO.read(tmp.resolve("t.jpg").toFile());
        assertThat(t.getWidth()).isEqualTo(Thumbnails.WIDTH);
    }

    @Test
    void manyUploadsAtOnceAreCheckedAFewAtATimeAndAllPass() throws Exception {
        // Four uploads arrive together; with one turn the decoder processes run one after another, and the wait for a
        // turn does not count against a check's timeout (each has 60 s, which four JVMs in a row may well exceed here).
        var decoder = new IsolatedDecoder(new IsolatedDecoder.Limits("256m", 6L << 30, 1, Duration.ofSeconds(60), Duration.ofMinutes(2)), 1);
        List<Path> videos = new ArrayList<>();
        for (int i = 0; i < 4; i++) videos.add(TestVideos.mp4(tmp.resolve("many" + i + ".mp4"), 160, 120, 10, 10));
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Decoder.Checked>> checks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path v = videos.get(i), thumb = tmp.resolve("many" + i + ".jpg");
                checks.add(pool.submit(() -> decoder.check(v, thumb, VideoLimits.DEFAULTS)));
            }
            for (var c : checks) assertThat(c.get().info().width()).isEqualTo(160);
        }
        assertThat(decoder.peakRunning()).as("decoder processes running at once").isEqualTo(1);
    }

    @Test
    void aDeclaredHugeFrameIsRefusedByTheLimitsInTheChild() throws Exception {
        Path hostile = HostileVideos.declaredSize(tmp, 16000, 16000);
        assertThatThrownBy(() -> new IsolatedDecoder(DEFAULT).check(hostile, tmp.resolve("t.jpg"), VideoLimits.DEFAULTS))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind()).isEqualTo(DecodeFailure.Kind.OVER_LIMIT))
                .hasMessageContaining("the video declares 16000×16000 pixels; the limit is 8192×8192");
        assertThat(tmp.resolve("t.jpg")).doesNotExist();
    }

    @Test
    void aFrameLargerThanTheDecodersMemoryFailsThatFileOnly() throws Exception {
        // Within the (raised) limits, but its 8192×4096 frame does not fit a decoder given 64 MB of heap.
        Path big = HostileVideos.realSize(tmp, 8192, 4096);
        var small = new IsolatedDecoder.Limits("64m", 6L << 30, 1, Duration.ofMinutes(2), Duration.ofMinutes(2));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new IsolatedDecoder(small).check(big, tmp.resolve("t.jpg"), VideoLimits.DEFAULTS))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind()).isEqualTo(DecodeFailure.Kind.RESOURCES))
                .hasMessageContaining("needed more memory than a video is allowed");
        System.out.printf("decoder process: out of memory noticed after %.2f s%n", (System.nanoTime() - t0) / 1e9);
        // and the next file is decoded as usual
        Path ok = TestVideos.mp4(tmp.resolve("after.mp4"), 320, 240, 10, 25);
        assertThat(new IsolatedDecoder(small).check(ok, tmp.resolve("t2.jpg"), VideoLimits.DEFAULTS).info().width()).isEqualTo(320);
    }

    @Test
    void theAddressSpaceCapHoldsNativeAllocationsToo() throws Exception {
        // prlimit's cap holds every allocation, FFmpeg's included, not only the Java heap: a small video is checked within
        // 1.6 GB of address space (measured: 1.4 GB at most), an 8192×4096 one (2.0 GB unbounded) is not. Out of address
        // space FFmpeg fails to open or decode it, or spins until the wall clock ends it; the JVM may run out too.
        var capped = new IsolatedDecoder.Limits("768m", 1600L << 20, 1, Duration.ofSeconds(40), Duration.ofSeconds(40));
        if (!IsolatedDecoder.command(capped).contains("prlimit")) return; // no prlimit on this host: nothing to prove
        IsolatedDecoder decoder = new IsolatedDecoder(capped);
        Path ok = TestVideos.mp4(tmp.resolve("ok.mp4"), 320, 240, 10, 25);
        assertThat(decoder.check(ok, tmp.resolve("ok.jpg"), VideoLimits.DEFAULTS).info().width()).isEqualTo(320);
        Path big = HostileVideos.realSize(tmp, 8192, 4096);
        assertThatThrownBy(() -> decoder.check(big, tmp.resolve("t.jpg"), VideoLimits.DEFAULTS))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind())
                        .isIn(DecodeFailure.Kind.RESOURCES, DecodeFailure.Kind.TIMED_OUT, DecodeFailure.Kind.UNREADABLE));
    }

    @Test
    void aDecoderOverItsTimeIsKilled() throws Exception {
        Path video = TestVideos.mp4(tmp.resolve("ok.mp4"), 320, 240, 25, 25);
        var hasty = new IsolatedDecoder.Limits("256m", 6L << 30, 1, Duration.ofMillis(300), Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new IsolatedDecoder(hasty).check(video, tmp.resolve("t.jpg"), VideoLimits.DEFAULTS))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind()).isEqualTo(DecodeFailure.Kind.TIMED_OUT))
                .hasMessageContaining("took longer than the 300 ms allowed");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15);
    }

    @Test
    void makesTheBrowserCopyWithProgressAndStopsWhenAsked() throws Exception {
        Path video = TestVideos.colourBars(tmp.resolve("bars.mkv"), 320, 240, 2, "-c:v", "mpeg4");
        List<Double> progress = new ArrayList<>();
        Path target = tmp.resolve("copy.mp4");
        new IsolatedDecoder(DEFAULT).browserCopy(video, 0, 2, target, progress::add, () -> false);
        assertThat(target).exists();
        assertThat(StreamFormat.probe(target).codec()).isEqualTo("h264");
        assertThat(progress).isNotEmpty().last().isEqualTo(1.0);

        Path stopped = tmp.resolve("stopped.mp4");
        assertThatThrownBy(() -> new IsolatedDecoder(DEFAULT).browserCopy(video, 0, 2, stopped, f -> {}, () -> true))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind()).isEqualTo(DecodeFailure.Kind.CANCELLED));
        assertThat(stopped).doesNotExist();
        assertThat(tmp.resolve("stopped.mp4.part.mp4")).doesNotExist();
    }

    @Test
    void decodesTheFrameAtATimeScaledDownInAChildProcess() throws Exception {
        Path video = TestVideos.mp4(tmp.resolve("wide.mp4"), 640, 360, 25, 25);
        Decoder.Frame frame = new IsolatedDecoder(DEFAULT).frameAt(video, 0.5, 320, VideoLimits.DEFAULTS).orElseThrow();
        assertThat(frame.sourceWidth()).isEqualTo(640);
        assertThat(frame.sourceHeight()).isEqualTo(360);
        assertThat(frame.image().getWidth()).isEqualTo(320);
        assertThat(frame.image().getHeight()).isEqualTo(180);
        // a size that needs no scaling comes back as decoded
        assertThat(new IsolatedDecoder(DEFAULT).frameAt(video, 0.5, 1280, VideoLimits.DEFAULTS).orElseThrow().image().getWidth())
                .isEqualTo(640);
        // past the end: no frame, no failure
        assertThat(new IsolatedDecoder(DEFAULT).frameAt(video, 60, 320, VideoLimits.DEFAULTS)).isEmpty();
    }

    @Test
    void aHostileFileGivesNoFrameButAFailureThatSaysWhy() throws Exception {
        Path declared = HostileVideos.declaredSize(tmp, 16000, 16000);
        assertThatThrownBy(() -> new IsolatedDecoder(DEFAULT).frameAt(declared, 0, 1280, VideoLimits.DEFAULTS))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind()).isEqualTo(DecodeFailure.Kind.OVER_LIMIT))
                .hasMessageContaining("16000×16000");
        // within the limits, but its frame does not fit the decoder's memory: that process fails, this one goes on
        Path big = HostileVideos.realSize(tmp, 8192, 4096);
        var small = new IsolatedDecoder.Limits("64m", 6L << 30, 1, Duration.ofMinutes(2), Duration.ofMinutes(2));
        assertThatThrownBy(() -> new IsolatedDecoder(small).frameAt(big, 0, 1280, VideoLimits.DEFAULTS))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind()).isEqualTo(DecodeFailure.Kind.RESOURCES));
        var hasty = new IsolatedDecoder.Limits("256m", 6L << 30, 1, Duration.ofMillis(300), Duration.ofMillis(300));
        assertThatThrownBy(() -> new IsolatedDecoder(hasty).frameAt(big, 0, 1280, VideoLimits.DEFAULTS))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind()).isEqualTo(DecodeFailure.Kind.TIMED_OUT));
    }

    @Test
    void thePictureAWorkerSendsBackIsReadOnlyWithinTheSizeAsked() throws Exception {
        // Should a subverted worker write a larger picture than asked, the server refuses it from its header.
        Path png = tmp.resolve("big.png");
        ImageIO.write(new BufferedImage(2000, 10, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        assertThat(IsolatedDecoder.readPng(png, 2000).getWidth()).isEqualTo(2000);
        assertThatThrownBy(() -> IsolatedDecoder.readPng(png, 1280))
                .isInstanceOfSatisfying(DecodeFailure.class, e -> assertThat(e.kind()).isEqualTo(DecodeFailure.Kind.RESOURCES));
    }

    @Test
    void theWorkerHasNoNetworkWhereUserNamespacesWork() throws Exception {
        List<String> cmd = IsolatedDecoder.command(DEFAULT);
        boolean namespaces = new ProcessBuilder("unshare", "-rn", "true").start().waitFor() == 0;
        assertThat(cmd.contains("unshare")).isEqualTo(namespaces);
        if (!namespaces) return;
        // What the worker sees: only a loopback interface, down.
        String seen = new String(new ProcessBuilder("unshare", "-rn", "cat", "/proc/net/dev").start().getInputStream().readAllBytes());
        assertThat(seen.lines().skip(2).map(l -> l.trim().split(":")[0]).toList()).isEqualTo(List.of("lo"));
        assertThat(Set.copyOf(cmd)).contains("-XX:+ExitOnOutOfMemoryError", "-Xmx768m");
    }
}
