package org.poseanalytics.pose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** FFmpeg's decoding threads beside inference: the default, the cores inference leaves, or a number given. */
class DecodeThreadsTest {
    @Test
    void autoLeavesRgbToFfmpegAndGivesYuvTheCoresInferenceLeaves() {
        assertThat(VideoPoseRunner.decodeThreads("auto", false, 1, 2)).isZero();
        assertThat(VideoPoseRunner.decodeThreads("auto", true, 1, 4)).isEqualTo(3);
        assertThat(VideoPoseRunner.decodeThreads("auto", true, 2, 2)).isEqualTo(1); // at least one, sharing
    }

    @Test
    void leftAndANumberApplyToBothFramePaths() {
        assertThat(VideoPoseRunner.decodeThreads("left", false, 1, 2)).isEqualTo(1);
        assertThat(VideoPoseRunner.decodeThreads("2", false, 1, 2)).isEqualTo(2);
        assertThat(VideoPoseRunner.decodeThreads("0", true, 1, 2)).isZero();
        assertThatThrownBy(() -> VideoPoseRunner.decodeThreads("many", false, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decode-threads");
    }
}
