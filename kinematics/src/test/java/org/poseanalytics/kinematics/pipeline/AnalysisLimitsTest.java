package org.poseanalytics.kinematics.pipeline;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.pose.testing.TestVideos;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoOverLimitException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An analysis refuses a video over its request's limits (a job's frame cap) for good, before a model loads. */
class AnalysisLimitsTest {
    @TempDir Path tmp;

    @Test
    void aVideoWithMoreFramesThanTheCapFailsForGoodNamingTheCap() {
        assumeTrue(TestVideos.ffmpegAvailable());
        Path video = HostileVideos.valid(tmp, "25-frames.mp4");
        // a model that does not exist: the video's limits are checked first, so no model is needed to refuse it
        AnalysisRequest request = AnalysisRequest.of(video).withModel("no-such-model").withLimits(VideoLimits.DEFAULTS.withMaxFrames(10));
        assertThatThrownBy(() -> new AnalysisPipeline().run(request, AnalysisProgress.NONE))
                .isInstanceOfSatisfying(AnalysisException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AnalysisException.Kind.UNREADABLE_VIDEO);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getCause()).isInstanceOf(VideoOverLimitException.class);
                })
                .hasMessageContaining("the video declares 25 frames; the limit is 10");
        assertThat(AnalysisRequest.of(video).limits()).isEqualTo(VideoLimits.DEFAULTS);
    }
}
