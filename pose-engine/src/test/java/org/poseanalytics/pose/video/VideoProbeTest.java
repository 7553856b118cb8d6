package org.poseanalytics.pose.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.testing.Fixtures;

class VideoProbeTest {
    @TempDir Path tmp;

    @Test
    void readsTheSquatFixture() throws Exception {
        VideoInfo info = VideoProbe.probe(Fixtures.squatVideo());
        assertThat(info.width()).isEqualTo(720);
        assertThat(info.height()).isEqualTo(1280);
        assertThat(info.codec()).isEqualTo("h264");
        assertThat(info.frames()).isBetween(64L, 66L);
        assertThat(info.durationS()).isCloseTo(info.frames() / info.nominalFps(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(info.variableFrameRate()).isFalse();
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        assertThatThrownBy(() -> VideoProbe.probe(empty)).isInstanceOf(UnreadableVideoException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsTextNamedMp4() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.mp4"), "this is not a video, just some words\n".repeat(50));
        assertThatThrownBy(() -> VideoProbe.probe(text)).isInstanceOf(UnreadableVideoException.class);
    }

    @Test
    void rotationIsClockwiseAndSnapped() {
        assertThat(VideoProbe.normaliseRotation(-90)).isEqualTo(90);
        assertThat(VideoProbe.normaliseRotation(90)).isEqualTo(270);
        assertThat(VideoProbe.normaliseRotation(180)).isEqualTo(180);
        assertThat(VideoProbe.normaliseRotation(0)).isEqualTo(0);
    }
}
