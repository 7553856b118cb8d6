package org.poseanalytics.kinematics.gait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * A synthetic walker: each hip swings ±25° with 60% stance (heel furthest forward at heel strike, phase 0; toe
 * furthest back at toe-off, phase 0.6), the other leg half a cycle later, the pelvis travelling across the
 * image. Truth: cadence = 120 / stride time, stance/swing = 1.5.
 */
class GaitTruthTest {

    static double hip(double u) {
        u = u - Math.floor(u);
        return u < 0.6 ? 25 * Math.cos(Math.PI * u / 0.6) : -25 * Math.cos(Math.PI * (u - 0.6) / 0.4);
    }

    static KeypointSeries walker(double strideS, double fps, boolean world, View view, long seed) {
        Random rnd = new Random(seed);
        int n = (int) (12 * fps);
        double[] times = new double[n];
        double[][][] images = new double[n][][], worlds = world ? new double[n][][] : null;
        for (int i = 0; i < n; i++) {
            times[i] = i / fps + (i > 0 ? 0.3 / fps * Math.sin(2.3 * i) : 0);
            double u = (times[i] - 0.37) / strideS;
            BodyPose pose = BodyPose.neutral().withHip(hip(u), hip(u + 0.5)).withKnee(5, 5);
            Vec3[] body = SyntheticBody.build(pose, 90, new Vec3(0, 1, 1.2 * times[i]));
            double[][] img = SyntheticBody.image(body, 90, view, 300, 200, 900, 0);
            for (double[] p : img) { p[0] += rnd.nextGaussian() * 0.5; p[1] += rnd.nextGaussian() * 0.5; }
            images[i] = img;
            // as the model gives them: in the camera's axes (what the view is told from)
            if (world) worlds[i] = SyntheticBody.world(body, 90, view);
        }
        return SyntheticBody.series(times, images, worlds);
    }

    @ParameterizedTest
    @CsvSource({"1.1, 30, false, SIDE_FACING_RIGHT", "1.1, 30, false, SIDE_FACING_LEFT", "0.95, 60, false, SIDE_FACING_RIGHT", "1.3, 25, true, FRONT"})
    void cadenceStepTimesAndStanceSwingFromHeelStrikesAndToeOffs(double strideS, double fps, boolean world, View view) {
        KinematicsResult r = new KinematicsStage().analyze(walker(strideS, fps, world, view, 42), Exercise.GAIT);
        double cadence = 120 / strideS;
        assertThat(r.metric("cadence")).as("cadence, steps/min").isCloseTo(cadence, within(1.0));
        assertThat(r.metric("left_stride_time")).isCloseTo(strideS, within(0.02));
        assertThat(r.metric("step_time")).isCloseTo(strideS / 2, within(0.02));
        assertThat(r.metric("left_stance_swing_ratio")).isCloseTo(1.5, within(0.1));
        assertThat(r.metric("right_stance_percent")).isCloseTo(60, within(2.0));
        // Every heel strike lands on a known phase-0 time.
        for (GaitEvent e : r.gaitEvents()) {
            double u = (e.timeS() - 0.37) / strideS + (e.side().name().equals("RIGHT") ? 0.5 : 0);
            double target = e.type() == GaitEvent.Type.HEEL_STRIKE ? 0 : 0.6;
            double off = u - target - Math.round(u - target);
            // Within about a frame and a half: toe-off sits at a flat minimum, where noise moves it most.
            assertThat(Math.abs(off * strideS)).as(e.toString()).isLessThan(0.05);
        }
        assertThat(r.gaitEvents().stream().filter(e -> e.type() == GaitEvent.Type.HEEL_STRIKE).count()).isGreaterThanOrEqualTo((long) (2 * 12 / strideS) - 3);
    }

    @ParameterizedTest
    @CsvSource({"1.1, 30"})
    void walkingIsGuessed(double strideS, double fps) {
        KinematicsResult r = new KinematicsStage().analyze(walker(strideS, fps, false, View.SIDE_FACING_RIGHT, 1), null);
        assertThat(r.exercise().exercise()).isEqualTo(Exercise.GAIT);
    }

    /**
     * Filmed from the side, the events are timed on the picture, not on the model's depth guess: on a small or distant
     * walker that guess jumps by centimetres from frame to frame (a real 10 fps clip lost every gait figure to it).
     * Here the world landmarks of the feet jump by 8 cm (SD) each frame; the figures still match the truth.
     */
    @Test
    void aSideViewTimesTheStepsOnThePictureNotOnTheDepthGuess() {
        KeypointSeries s = walker(1.1, 30, true, View.SIDE_FACING_RIGHT, 42);
        Random rnd = new Random(5);
        for (String foot : new String[] {"left_heel", "right_heel", "left_foot_index", "right_foot_index", "left_ankle", "right_ankle"}) {
            int k = s.skeleton().indexOf(foot);
            for (int i = 0; i < s.length(); i++) {
                s.worldX().set(k, i, s.worldX().get(k, i) + (float) (0.08 * rnd.nextGaussian()));
                s.worldZ().set(k, i, s.worldZ().get(k, i) + (float) (0.08 * rnd.nextGaussian()));
            }
        }
        KinematicsResult r = new KinematicsStage().analyze(s, Exercise.GAIT);
        assertThat(r.view().dominant().sagittal()).isTrue();
        assertThat(r.metric("cadence")).as("cadence, steps/min").isCloseTo(120 / 1.1, within(1.0));
        assertThat(r.metric("step_time")).isCloseTo(0.55, within(0.02));
    }
}
