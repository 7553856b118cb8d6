package org.poseanalytics.kinematics.gait;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.JointAngles;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.RatedTables;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewTrack;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Gait figures need the heel and toe seen and, without world landmarks, a side view. */
class GaitQualityTest {

    private static KinematicsResult analyze(KeypointSeries s, CameraView v) {
        int k = s.skeleton().size();
        FilteredSeries f = FilteredSeries.asIs(s, 6);
        KinematicsInput input = new KinematicsInput(f, Exercise.GAIT, Side.NONE, 0, 0);
        CameraView[] views = new CameraView[s.length()];
        Arrays.fill(views, v);
        return new KinematicsStage().analyze(input, JointAngles.compute(input.filtered(), input.frameWidth(), input.frameHeight()),
                new ViewTrack(views, new double[s.length()], new double[s.length()], new double[s.length()], RatedTables.view(v)));
    }

    private static MetricRecord session(KinematicsResult r, String key) {
        return r.metrics().stream().filter(m -> m.repetition() == null && m.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no " + key));
    }

    @Test
    void fromTheSideEveryTimingIsValid() {
        KinematicsResult r = analyze(GaitTruthTest.walker(1.1, 30, false, View.SIDE_FACING_RIGHT, 42), CameraView.SAGITTAL_RIGHT);
        for (String key : List.of("cadence", "left_step_time", "right_stance_percent", "step_time_symmetry_index"))
            assertThat(session(r, key).quality()).as(key).isEqualTo(Quality.VALID);
        assertThat(r.headlines()).hasSize(8);
        assertThat(r.headlines()).allSatisfy(h -> assertThat(h.metric().quality()).as(h.label()).isEqualTo(Quality.VALID));
        Headline swing = r.headlines().stream().filter(h -> h.label().equals("Peak knee flexion in swing (left)")).findFirst().orElseThrow();
        assertThat(swing.metric().key()).isEqualTo("left_knee_flexion_swing_peak_mean");
        assertThat(swing.definition()).endsWith("2D, image plane");
    }

    @Test
    void withoutWorldLandmarksAFrontViewMakesGaitTimingInvalid() {
        KinematicsResult r = analyze(GaitTruthTest.walker(1.1, 30, false, View.SIDE_FACING_RIGHT, 42), CameraView.FRONTAL_ANTERIOR);
        MetricRecord cadence = session(r, "cadence");
        assertThat(cadence.quality()).isEqualTo(Quality.INVALID);
        assertThat(cadence.value()).isNaN();
        assertThat(cadence.reason()).isEqualTo("gait events need a side view; the camera saw a front view");
    }

    @Test
    void aHiddenHeelMakesItsFootsFiguresInvalidAndSaysWhichPoint() {
        KeypointSeries s = GaitTruthTest.walker(1.1, 30, false, View.SIDE_FACING_RIGHT, 42);
        int heel = s.skeleton().indexOf("left_heel");
        for (int i = 0; i < s.length() * 6 / 10; i++) { s.x().set(heel, i, Float.NaN); s.y().set(heel, i, Float.NaN); }
        KinematicsResult r = analyze(s, CameraView.SAGITTAL_RIGHT);
        MetricRecord stance = session(r, "left_stance_percent");
        assertThat(stance.quality()).isEqualTo(Quality.INVALID);
        assertThat(stance.reason()).isEqualTo("left heel: keypoint hidden or out of view in 60 % of the frames");
        assertThat(session(r, "cadence").quality()).as("both feet").isEqualTo(Quality.INVALID);
    }
}
