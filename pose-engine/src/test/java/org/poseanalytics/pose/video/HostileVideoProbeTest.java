package org.poseanalytics.pose.video;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.pose.testing.TestVideos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The probe refuses, on the header's word and before decoding, what a small hostile file can declare or point at. */
class HostileVideoProbeTest {
    @TempDir static Path dir;

    @BeforeAll
    static void ffmpeg() { assumeTrue(TestVideos.ffmpegAvailable() || "true".equals(System.getenv("CI")) && fail()); }

    private static boolean fail() { throw new AssertionError("these tests make their videos with ffmpeg"); }

    @Test
    void aFrameWiderThanTheLimitIsRefused() throws Exception {
        Path wide = HostileVideos.realSize(dir, 8200, 16);
        assertThatThrownBy(() -> VideoProbe.probe(wide)).isInstanceOf(VideoOverLimitException.class)
                .hasMessage("the video declares 8200×16 pixels; the limit is 8192×8192");
        // the same file within raised limits is an ordinary video: the limit, not the file, refused it
        VideoLimits wider = new VideoLimits(8200, 8200, 240, 7200, 1_000_000, VideoLimits.CONTAINERS, VideoLimits.CODECS);
        assertThat(VideoProbe.probe(wide, wider).width()).isEqualTo(8200);
    }

    @Test
    void aHeaderDeclaringAHugeFrameIsRefusedOnItsWord() throws Exception {
        Path liar = HostileVideos.declaredSize(dir, 16000, 16000);
        assertThat(Files.size(liar)).isLessThan(100_000);
        assertThatThrownBy(() -> VideoProbe.probe(liar)).isInstanceOf(VideoOverLimitException.class)
                .hasMessage("the video declares 16000×16000 pixels; the limit is 8192×8192");
    }

    @Test
    void aThousandFramesASecondIsRefusedByDefaultAndALowerLimitIsHonoured() throws Exception {
        Path fast = HostileVideos.frameRate(dir, 1000, 1);
        assertThatThrownBy(() -> VideoProbe.probe(fast)).isInstanceOf(VideoOverLimitException.class)
                .hasMessage("the video declares 1000 frames per second; the limit is 240");
        Path sixty = HostileVideos.frameRate(dir, 60, 1);
        assertThat(VideoProbe.probe(sixty).nominalFps()).isEqualTo(60);
        VideoLimits thirty = new VideoLimits(8192, 8192, 30, 7200, 1_000_000, VideoLimits.CONTAINERS, VideoLimits.CODECS);
        assertThatThrownBy(() -> VideoSource.of(sixty, thirty)).hasMessage("the video declares 60 frames per second; the limit is 30");
        assertThatThrownBy(() -> VideoSource.of(sixty, VideoLimits.DEFAULTS.withMaxFrames(50)))
                .hasMessage("the video declares 60 frames; the limit is 50");
    }

    @Test
    void aConcatScriptNamingAnotherVideoIsRefused() throws Exception {
        // A readable video elsewhere: without the container allow-list FFmpeg would follow the script and accept it.
        Path elsewhere = HostileVideos.valid(Files.createTempDirectory(dir, "elsewhere"), "secret.mp4");
        Path concat = HostileVideos.concatPlaylist(dir, "playlist.mp4", elsewhere);
        assertThatThrownBy(() -> VideoProbe.probe(concat)).isInstanceOf(VideoOverLimitException.class)
                .hasMessageContaining("not a video in one of the accepted containers").hasMessageContaining("concat");
        Path passwd = HostileVideos.concatPlaylist(dir, "passwd.ffconcat", Path.of("/etc/passwd"));
        assertThatThrownBy(() -> VideoProbe.probe(passwd)).isInstanceOf(UnreadableVideoException.class)
                .hasMessageContaining("concat");
    }

    @Test
    void anHlsPlaylistNamingAnotherFileOrAUrlIsRefused() throws Exception {
        Path elsewhere = HostileVideos.valid(Files.createTempDirectory(dir, "segments"), "segment.mp4");
        for (String segment : new String[] {elsewhere.toAbsolutePath().toString(), "file://" + elsewhere.toAbsolutePath(),
                "http://127.0.0.1:9/segment.ts"}) {
            Path m3u8 = HostileVideos.hlsPlaylist(dir, "list.m3u8", segment);
            assertThatThrownBy(() -> VideoProbe.probe(m3u8)).as(segment).isInstanceOf(UnreadableVideoException.class)
                    .hasMessageContaining("not a video");
        }
    }

    @ParameterizedTest(name = "cut at {0} bytes")
    @ValueSource(ints = {8, 64, 700, 2000, 4000, -4000, -200})
    void truncationsOfAValidMp4AreRefusedWithAMessage(int cut) throws Exception {
        Path whole = dir.resolve("whole.mp4");
        if (!Files.exists(whole)) HostileVideos.valid(dir, "whole.mp4");
        long length = cut > 0 ? cut : Files.size(whole) + cut;
        Path cutFile = HostileVideos.truncated(whole, dir.resolve("cut" + cut + ".mp4"), length);
        assertThatThrownBy(() -> VideoProbe.probe(cutFile)).isInstanceOf(UnreadableVideoException.class)
                .hasMessageContaining("not a video");
        assertThat(VideoProbe.probe(whole).frames()).isEqualTo(25);
    }
}
