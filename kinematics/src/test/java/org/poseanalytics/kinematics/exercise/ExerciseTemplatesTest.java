package org.poseanalytics.kinematics.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.repetition.RepetitionTruthTest.Script;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.series.KeypointSeries;

class ExerciseTemplatesTest {

    @Test
    void cliIdsAndAliasesParse() {
        assertThat(Exercise.ids()).containsExactly("squat", "lunge", "sit-to-stand", "knee-rom", "shoulder-abduction", "shoulder-flexion", "gait", "cmj", "generic");
        assertThat(Exercise.parse("Sit_To_Stand")).isEqualTo(Exercise.SIT_TO_STAND);
        assertThat(Exercise.parse("walking")).isEqualTo(Exercise.GAIT);
        assertThat(Exercise.parse("countermovement-jump")).isEqualTo(Exercise.CMJ);
        assertThat(Exercise.parse("auto")).isNull();
        assertThat(Exercise.parse(null)).isNull();
        assertThatThrownBy(() -> Exercise.parse("deadlift")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadlift").hasMessageContaining("squat, lunge");
    }

    static KeypointSeries moving(Script script, DoubleFunction<BodyPose> pose, View view, double fps) {
        int n = (int) (script.duration() * fps);
        double[] times = new double[n];
        double[][][] images = new double[n][][], worlds = new double[n][][];
        for (int i = 0; i < n; i++) {
            times[i] = i / fps;
            Vec3[] body = SyntheticBody.grounded(SyntheticBody.build(pose.apply(script.at(times[i])), 0, new Vec3(0, 1, 0)));
            images[i] = SyntheticBody.image(body, 0, view, 500, 360, 1000, 0);
            worlds[i] = SyntheticBody.world(body, 0, view);
        }
        return SyntheticBody.series(times, images, worlds);
    }

    @Test
    void shoulderAbductionOfTheRightArmIsCountedAndGuessed() {
        Script s = new Script(10);
        for (int i = 0; i < 4; i++) s.hold(0.6).move(1.5, 160).hold(0.5).move(1.5, 10);
        s.hold(0.6);
        KeypointSeries series = moving(s, a -> BodyPose.neutral().withShoulderAbduction(10, a), View.FRONT, 30);
        KinematicsResult r = new KinematicsStage().analyze(series, null);
        assertThat(r.exercise().exercise()).isEqualTo(Exercise.SHOULDER_ABDUCTION);
        assertThat(r.signal()).isEqualTo("right_shoulder_abduction_3d_deg");
        assertThat(r.repetitions()).hasSize(4).allMatch(Repetition::complete);
        for (Repetition rep : r.repetitions()) {
            assertThat(rep.romDeg()).isCloseTo(150, within(1.0));
            // Raising the arm comes first and is concentric.
            assertThat(rep.concentricS()).isCloseTo(1.5, within(0.3));
        }
        assertThat(r.metric("right_shoulder_abduction_rom_mean")).as("2D front view").isCloseTo(150, within(1.0));
        // The left arm stayed down: ROM symmetry index far from 0 (right larger → negative).
        assertThat(r.metric("shoulder_abduction_3d_rom_symmetry_index")).isLessThan(-150);
    }

    @Test
    void kneeRomCountsTheMovingKneeOnly() {
        Script s = new Script(5);
        for (int i = 0; i < 3; i++) s.hold(0.5).move(1.2, 85).move(1.2, 5); // the synthetic shank stays above horizontal
        s.hold(0.5);
        // Standing knee flexion (hamstring curl): hip 0, left knee moves.
        KeypointSeries series = moving(s, k -> BodyPose.neutral().withKnee(k, 3), View.SIDE_FACING_LEFT, 30);
        KinematicsResult r = new KinematicsStage().analyze(series, Exercise.parse("knee-rom"));
        assertThat(r.signal()).isEqualTo("left_knee_flexion_3d_deg");
        assertThat(r.repetitions()).hasSize(3);
        assertThat(r.metric("left_knee_flexion_rom_mean")).isCloseTo(80, within(1.0));
        assertThat(new KinematicsStage().analyze(series, null).exercise().exercise()).isEqualTo(Exercise.KNEE_ROM);
    }

    @Test
    void generic() {
        Script s = new Script(20);
        for (int i = 0; i < 3; i++) s.hold(0.5).move(1.0, 130).move(1.0, 20);
        KeypointSeries series = moving(s, e -> { BodyPose p = BodyPose.neutral(); p.elbowFlexion()[0] = e; return p; }, View.SIDE_FACING_RIGHT, 30);
        KinematicsResult r = new KinematicsStage().analyze(series, null);
        assertThat(r.exercise().exercise()).isEqualTo(Exercise.GENERIC);
        assertThat(r.signal()).isEqualTo("left_elbow_flexion_3d_deg");
        assertThat(r.repetitions()).hasSize(3);
        assertThat(r.metric("left_elbow_flexion_rom")).isCloseTo(110, within(1.0));
        assertThat(r.metric("trunk_lean_sagittal_rom")).as("every angle is reported").isCloseTo(0, within(0.5));
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> new KinematicsStage().analyze(null, Exercise.SQUAT)).hasMessageContaining("no keypoint series");
        KeypointSeries one = SyntheticBody.series(new double[]{0}, new double[][][]{new double[33][2]}, null);
        assertThatThrownBy(() -> new KinematicsStage().analyze(one, Exercise.SQUAT)).hasMessageContaining("at least 2 samples");
        KeypointSeries backwards = SyntheticBody.series(new double[]{0, 1, 0.5}, new double[][][]{new double[33][2], new double[33][2], new double[33][2]}, null);
        assertThatThrownBy(() -> new KinematicsStage().analyze(backwards, Exercise.SQUAT)).hasMessageContaining("timestamps must increase");
    }
}
