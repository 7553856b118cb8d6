package org.poseanalytics.web.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoProbe;
import org.poseanalytics.web.TestVideos;

/** A video browsers cannot play (MPEG-4 Part 2) becomes H.264 in MP4 with the index first, same length. */
class BrowserProxyTest {
    @TempDir Path dir;

    @Test
    void mpeg4PartTwoBecomesFaststartH264() throws Exception {
        Path source = TestVideos.mp4(dir.resolve("old camera.mp4"), 320, 240, 50, 25);
        VideoInfo in = VideoProbe.probe(source);
        assertThat(BrowserProxy.playsAsUploaded(in.container(), in.codec())).isFalse();

        List<Double> progress = new ArrayList<>();
        Path proxy = dir.resolve("proxy.mp4");
        BrowserProxy.make(source, 0, in.durationS(), proxy, progress::add);

        VideoInfo out = VideoProbe.probe(proxy);
        assertThat(out.codec()).isEqualTo("h264");
        assertThat(out.width()).isEqualTo(320);
        assertThat(out.height()).isEqualTo(240);
        assertThat(out.durationS()).isCloseTo(in.durationS(), org.assertj.core.data.Offset.offset(0.15));
        assertThat(BrowserProxy.playsAsUploaded(out.container(), out.codec())).isTrue();
        assertThat(progress).last().isEqualTo(1.0);
        // faststart: the 'moov' box (the index) comes before the media data.
        String head = new String(Files.readAllBytes(proxy), StandardCharsets.ISO_8859_1);
        assertThat(head.indexOf("moov")).isPositive().isLessThan(head.indexOf("mdat"));
        assertThat(dir.resolve("proxy.mp4.part.mp4")).doesNotExist();
    }

    @Test
    void aQuarterTurnIsAppliedToThePixels() throws Exception {
        Path source = TestVideos.mp4(dir.resolve("portrait.mp4"), 320, 240, 10, 25);
        Path proxy = dir.resolve("turned.mp4");
        BrowserProxy.make(source, 90, 0.4, proxy, p -> {});
        VideoInfo out = VideoProbe.probe(proxy);
        assertThat(out.width()).isEqualTo(240);
        assertThat(out.height()).isEqualTo(320);
        assertThat(out.rotationDeg()).isZero();
    }

    @Test
    void browserFriendlyUploadsArePlayedAsTheyAre() {
        assertThat(BrowserProxy.playsAsUploaded("mov,mp4,m4a,3gp,3g2,mj2", "h264")).isTrue();
        assertThat(BrowserProxy.playsAsUploaded("matroska,webm", "vp9")).isTrue();
        assertThat(BrowserProxy.playsAsUploaded("mov,mp4,m4a,3gp,3g2,mj2", "hevc")).isFalse();
        assertThat(BrowserProxy.playsAsUploaded("avi", "mpeg4")).isFalse();
    }
}
