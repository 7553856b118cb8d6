package org.poseanalytics.kinematics.angle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.Camera;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * One camera's 3D angle of a limb pointing at that camera rests on the pose model's guess of depth: the picture shows
 * under half of the limb. Such samples are {@code low} ({@link SampleIssue#DEPTH_GUESSED}), so a frontal squat's 3D
 * ankle figures (the foot points at the camera all along) are never rated valid, while the same squat filmed from the
 * side, or triangulated from several cameras, keeps them valid. Counting and timing the squats does not depend on the
 * guess.
 */
class DepthGuessedTest {
    private static final int N = 150;

    /** Three deep squats in 5 s at 30 fps: knees 5 → 115°, hips 0.9 × that, so the thighs end near horizontal. */
    private static KeypointSeries squats(Camera camera) {
        BodyPose[] poses = new BodyPose[N];
        double[] t = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = i / 30.0;
            double k = 5 + 110 * 0.5 * (1 - Math.cos(2 * Math.PI * 0.6 * t[i]));
            poses[i] = BodyPose.neutral().withKnee(k, k).withHip(0.9 * k, 0.9 * k);
        }
        return SyntheticBody.filmed(poses, t, camera, true);
    }

    private static AngleTable angles(KeypointSeries s, boolean worldMeasured) {
        return JointAngles.compute(FilteredSeries.asIs(s, Double.NaN), 1280, 1000, worldMeasured);
    }

    private static int count(AngleSeries s, SampleIssue issue) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) if (s.issue(i) == issue) c++;
        return c;
    }

    @Test
    void aFootPointingAtTheOneCameraMakesIts3dAngleLowNotInvalidAndNotValid() {
        AngleTable front = angles(squats(Camera.at(0)), false);
        AngleSeries ankle3d = front.find("left_ankle_dorsiflexion_3d_deg").orElseThrow();
        assertThat(count(ankle3d, SampleIssue.DEPTH_GUESSED)).as("every sample: the foot points at the camera").isEqualTo(N);
        for (int i = 0; i < N; i++) {
            assertThat(ankle3d.quality(i)).isEqualTo(Quality.LOW);
            assertThat(ankle3d.valueDeg(i)).as("a low sample keeps its value").isFinite();
        }
        // The knee's thigh points at the camera only near the bottom of the squat.
        AngleSeries knee3d = front.find("left_knee_flexion_3d_deg").orElseThrow();
        int bottom = (int) Math.round(30 / 1.2), top = 0; // knee 115° at t = 1/1.2 s, 5° at t = 0
        assertThat(knee3d.issue(bottom)).isEqualTo(SampleIssue.DEPTH_GUESSED);
        assertThat(knee3d.issue(top)).isEqualTo(SampleIssue.NONE);
        // The 2D angles of the same frames were already invalid there (the limb's image is under half its length).
        assertThat(front.find("left_knee_flexion_deg").orElseThrow().issue(bottom).quality()).isEqualTo(Quality.INVALID);
    }

    @Test
    void theSameSquatFromTheSideOrTriangulatedKeepsIts3dAnglesValid() {
        AngleTable side = angles(squats(Camera.at(90)), false);
        AngleTable triangulated = angles(squats(Camera.at(0)), true);
        for (String col : new String[]{"left_ankle_dorsiflexion_3d_deg", "left_knee_flexion_3d_deg", "left_hip_flexion_3d_deg"}) {
            assertThat(count(side.find(col).orElseThrow(), SampleIssue.DEPTH_GUESSED)).as("side view, %s", col).isZero();
            assertThat(count(triangulated.find(col).orElseThrow(), SampleIssue.DEPTH_GUESSED)).as("measured 3D, %s", col).isZero();
        }
    }

    @Test
    void theFrontalSquatsAnkleFigureIsRatedLowWithTheReason() {
        KeypointSeries front = squats(Camera.at(0));
        KinematicsResult one = new KinematicsStage().analyze(new KinematicsInput(FilteredSeries.asIs(front, Double.NaN), Exercise.SQUAT,
                Side.NONE, 1280, 1000, Scale.none(), false));
        MetricRecord ankle = session(one, "left_ankle_dorsiflexion_3d_rom_mean");
        assertThat(ankle.quality()).isEqualTo(Quality.LOW);
        assertThat(ankle.reason()).contains("limb pointing at the camera").contains("guessed by the model");
        assertThat(ankle.value()).isFinite();
        // The knee's figures are low for the bottom of each squat; the count and tempo are not: a guessed depth says how
        // far the knee bent, not when.
        assertThat(session(one, "left_knee_flexion_3d_peak_mean").quality()).isEqualTo(Quality.LOW);
        assertThat(one.repetitions()).hasSize(3);
        assertThat(session(one, "repetition_count").quality()).isEqualTo(Quality.VALID);
        assertThat(session(one, "repetition_duration_mean").quality()).isEqualTo(Quality.VALID);

        KinematicsResult measured = new KinematicsStage().analyze(new KinematicsInput(FilteredSeries.asIs(front, Double.NaN), Exercise.SQUAT,
                Side.NONE, 1280, 1000, Scale.none(), true));
        assertThat(session(measured, "left_ankle_dorsiflexion_3d_rom_mean").quality()).isEqualTo(Quality.VALID);
    }

    private static MetricRecord session(KinematicsResult r, String key) {
        return r.metrics().stream().filter(m -> m.repetition() == null && m.key().equals(key)).findFirst().orElseThrow();
    }
}
