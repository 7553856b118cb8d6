package org.poseanalytics.tracking.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.testing.SyntheticPerson;

class KeypointsCsvTest {
    @Test
    void writesOneRowPerFrameAndTrackWithTheDesignHeader() {
        SyntheticPerson a = new SyntheticPerson(640, 650, 400, 0, 60, 0.5, 0);
        Random rnd = new Random(1);
        TrackingStage stage = new TrackingStage();
        for (int k = 0; k < 5; k++) stage.accept(new FramePoses(k, k / 30.0, 1280, 720, List.of(a.pose(k / 30.0, 0, 0.9, rnd))));
        Tracks tracks = stage.finish();
        StringWriter w = new StringWriter();
        KeypointsCsv.write(w, tracks);
        List<String> lines = w.toString().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("frame,time_s,track_id,nose_x_px,nose_y_px,nose_z,nose_visibility,left_eye_inner_x_px")
                .endsWith("right_foot_index_visibility");
        assertThat(lines.get(0).split(",")).hasSize(3 + 33 * 4);
        String[] row = lines.get(2).split(",", -1);
        assertThat(row).hasSize(3 + 33 * 4);
        assertThat(row[0]).isEqualTo("1");
        assertThat(Double.parseDouble(row[1])).isEqualTo(0.033333);
        assertThat(row[2]).isEqualTo(String.valueOf(tracks.trackIds().get(0)));
        assertThat(Double.parseDouble(row[3])).isCloseTo(a.truth(1 / 30.0)[0][0], org.assertj.core.api.Assertions.within(1e-3));
    }
}
