package org.poseanalytics.kinematics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.testing.ReplayedSquat;
import org.poseanalytics.pose.testing.Fixtures;

/**
 * The camera started 10 s before the patient stepped into view and ran 10 s after they left: they are in view for 13 of
 * 33 s. Rated over the whole video, "not tracked in 61 % of the frames" made every figure invalid, so a clean squat set
 * gave no number at all. Rated over their time in view, it gives what the same set filmed tightly gives, and says when
 * they were in view.
 */
class SubjectInViewForPartTest {
    private static final long SET = 390, EMPTY = 300; // 13 s of squats, 10 s of nobody at 30 fps

    @Test
    void aSubjectInViewForPartOfTheVideoIsMeasuredOverThatPart() throws Exception {
        ReplayedSquat squat = ReplayedSquat.of(Fixtures.squatVideo().getParent());
        AnalysisResult tight = squat.analyse(SET, 0, 0);
        AnalysisResult loose = squat.analyse(SET, EMPTY, EMPTY);

        MetricRecord count = session(loose, "repetition_count");
        assertThat(count.quality().usable()).as(count.reason()).isTrue();
        // The same complete repetitions. The tight video's last one, cut by the video's end, is counted as incomplete;
        // here the person walks out before it ends, and it is said to be not counted.
        assertThat(session(loose, "complete_repetition_count").value())
                .isEqualTo(session(tight, "complete_repetition_count").value()).isEqualTo(2);
        for (int rep = 1; rep <= 2; rep++) {
            assertThat(loose.kinematics().metric("left_knee_flexion_3d_peak", rep))
                    .isCloseTo(tight.kinematics().metric("left_knee_flexion_3d_peak", rep), org.assertj.core.data.Offset.offset(0.5));
        }
        assertThat(loose.warnings()).containsExactly(
                "the subject (track 1) is in view from 10.0 s to 23.0 s of this 33.0 s video; the figures are over that time");
        assertThat(tight.warnings()).isEmpty();
    }

    private static MetricRecord session(AnalysisResult r, String key) {
        return r.kinematics().metrics().stream().filter(m -> m.repetition() == null && m.key().equals(key))
                .findFirst().orElseThrow();
    }
}
