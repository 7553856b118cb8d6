package org.poseanalytics.pose.video;

import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoLimitsTest {
    private static final VideoLimits LIMITS = VideoLimits.DEFAULTS;

    private static VideoInfo video(String container, String codec, int w, int h, long frames, double durationS, double fps) {
        return new VideoInfo(container, codec, w, h, 0, frames, durationS, fps, false, false);
    }

    private static VideoInfo phone() { return video("mov,mp4,m4a,3gp,3g2,mj2", "h264", 1920, 1080, 1800, 60, 30); }

    @Test
    void aPhoneVideoAndItsPortraitTwinPass() {
        assertThatCode(() -> LIMITS.check(phone())).doesNotThrowAnyException();
        assertThatCode(() -> LIMITS.check(video("matroska,webm", "vp9", 4320, 7680, 100, 4, 25))).doesNotThrowAnyException();
        assertThatCode(() -> LIMITS.check(video("avi", "mjpeg", 8192, 8192, 1_000_000, 7200, 240))).doesNotThrowAnyException();
    }

    @Test
    void aHugeFrameIsRefusedNamingWhatItDeclaresAndTheLimit() {
        assertThatThrownBy(() -> LIMITS.check(video("mov,mp4,m4a,3gp,3g2,mj2", "h264", 16000, 16000, 1, 1, 1)))
                .isInstanceOf(VideoOverLimitException.class)
                .hasMessage("the video declares 16000×16000 pixels; the limit is 8192×8192");
        assertThatThrownBy(() -> LIMITS.check(video("avi", "mpeg4", 8200, 16, 1, 1, 1)))
                .hasMessage("the video declares 8200×16 pixels; the limit is 8192×8192");
        // either orientation: a 3840×2160 limit takes a portrait 2160×3840 video, not a 4000×100 one
        VideoLimits uhd = new VideoLimits(3840, 2160, 60, 600, 36000, VideoLimits.CONTAINERS, VideoLimits.CODECS);
        assertThatCode(() -> uhd.check(video("avi", "h264", 2160, 3840, 10, 1, 10))).doesNotThrowAnyException();
        assertThatThrownBy(() -> uhd.check(video("avi", "h264", 4000, 100, 10, 1, 10))).hasMessageContaining("4000×100");
    }

    @Test
    void frameRateDurationAndFramesEachHaveTheirMessage() {
        assertThatThrownBy(() -> LIMITS.check(video("avi", "mpeg4", 64, 64, 1000, 1, 1000)))
                .hasMessage("the video declares 1000 frames per second; the limit is 240");
        assertThatThrownBy(() -> LIMITS.check(video("avi", "mpeg4", 64, 64, 216_000, 7800, 27.7)))
                .hasMessage("the video lasts 2 h 10 min; the limit is 2 h");
        assertThatThrownBy(() -> LIMITS.check(video("avi", "mpeg4", 64, 64, 1_200_000, 5000, 240)))
                .hasMessage("the video declares 1,200,000 frames; the limit is 1,000,000");
        assertThatThrownBy(() -> LIMITS.withMaxFrames(100).check(phone()))
                .hasMessage("the video declares 1,800 frames; the limit is 100");
    }

    @Test
    void containersAndCodecsOutsideTheAllowListsAreRefused() {
        assertThatThrownBy(() -> LIMITS.check(video("concat", "h264", 64, 64, 1, 1, 1)))
                .hasMessage("the file is not a video in one of the accepted containers MP4, MOV, WebM, Matroska and AVI; it is a concat file");
        assertThatThrownBy(() -> LIMITS.check(video("hls", "h264", 64, 64, 1, 1, 1))).hasMessageContaining("it is a hls file");
        assertThatThrownBy(() -> LIMITS.check(video("matroska,webm", "theora", 64, 64, 1, 1, 1)))
                .hasMessage("the video is encoded as theora, not one of the accepted codecs av1, ffv1, h264, hevc, mjpeg, mpeg4, png, prores, vp8, vp9");
        VideoLimits mp4Only = new VideoLimits(64, 64, 30, 10, 300, Set.of("MP4"), Set.of("H264"));
        assertThat(mp4Only.formatWhitelist()).isEqualTo("mp4");
        assertThat(mp4Only.allowsContainer("mov,mp4,m4a,3gp,3g2,mj2")).isTrue();
        assertThat(mp4Only.allowsContainer("matroska,webm")).isFalse();
        assertThat(LIMITS.formatWhitelist()).isEqualTo("avi,matroska,mov,mp4,webm");
    }

    /** Callers name their own remedy by the limit (the CLI's --max-fps for a high-speed clip), never by the message. */
    @Test
    void eachRefusalNamesItsLimit() {
        assertThat(limitOf(video("concat", "h264", 64, 64, 1, 1, 1))).isEqualTo(VideoOverLimitException.Limit.CONTAINER);
        assertThat(limitOf(video("avi", "theora", 64, 64, 1, 1, 1))).isEqualTo(VideoOverLimitException.Limit.CODEC);
        assertThat(limitOf(video("avi", "h264", 16000, 64, 1, 1, 1))).isEqualTo(VideoOverLimitException.Limit.SIZE);
        assertThat(limitOf(video("avi", "h264", 64, 64, 1000, 1, 1000))).isEqualTo(VideoOverLimitException.Limit.FRAME_RATE);
        assertThat(limitOf(video("avi", "h264", 64, 64, 1, 7800, 1))).isEqualTo(VideoOverLimitException.Limit.DURATION);
        assertThat(limitOf(video("avi", "h264", 64, 64, 1_200_000, 5000, 240))).isEqualTo(VideoOverLimitException.Limit.FRAMES);
    }

    private static VideoOverLimitException.Limit limitOf(VideoInfo v) {
        try {
            LIMITS.check(v);
        } catch (VideoOverLimitException e) {
            return e.limit();
        }
        throw new AssertionError("not refused: " + v);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new VideoLimits(0, 64, 30, 10, 300, Set.of("mp4"), Set.of("h264"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VideoLimits(64, 64, 30, 10, 300, Set.of(), Set.of("h264"))).isInstanceOf(IllegalArgumentException.class);
    }
}
