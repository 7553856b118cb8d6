package org.poseanalytics.kinematics.jump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.repetition.RepetitionTruthTest.Script;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Two countermovement jumps seen from the front: 0.5 s flights, landings with known knee valgus. */
class JumpTruthTest {
    static final double FLIGHT = 0.5, G = 9.81, VALGUS_L = 12, VALGUS_R = 8;

    static KeypointSeries jumps(double fps) {
        // knee flexion script; takeoffs at 1.3 s and 4.4 s, flights of 0.5 s with straight knees
        Script knee = new Script(5);
        double[] takeoffs = {1.3, 4.4};
        knee.hold(0.5).move(0.5, 80).move(0.3, 5).hold(FLIGHT).move(0.25, 60).move(0.6, 5).hold(0.95)
                .move(0.5, 80).move(0.3, 5).hold(FLIGHT).move(0.25, 60).move(0.6, 5).hold(0.6);
        int n = (int) (knee.duration() * fps);
        Random rnd = new Random(3);
        double[] times = new double[n];
        double[][][] images = new double[n][][], worlds = new double[n][][];
        for (int i = 0; i < n; i++) {
            double t = times[i] = i / fps;
            double k = knee.at(t), height = 0;
            boolean landing = false;
            for (double to : takeoffs) {
                if (t > to && t < to + FLIGHT) height = G * FLIGHT / 2 * (t - to) - G / 2 * (t - to) * (t - to);
                if (t >= to + FLIGHT && t < to + FLIGHT + 0.85) landing = true;
            }
            double share = landing ? (k - 5) / 55 : 0;
            BodyPose pose = BodyPose.neutral().withKnee(k, k).withHip(0.9 * k, 0.9 * k).withValgus(VALGUS_L * share, VALGUS_R * share);
            Vec3[] body = SyntheticBody.grounded(SyntheticBody.build(pose, 10, new Vec3(0, 1, 0)));
            for (int m = 0; m < body.length; m++) body[m] = body[m].plus(new Vec3(0, height, 0));
            double[][] img = SyntheticBody.image(body, 10, View.FRONT, 400, 360, 1100, 0);
            for (double[] p : img) { p[0] += rnd.nextGaussian() * 0.3; p[1] += rnd.nextGaussian() * 0.3; }
            images[i] = img;
            worlds[i] = SyntheticBody.world(body, null);
        }
        return SyntheticBody.series(times, images, worlds);
    }

    @Test
    void jumpsFlightTimeHeightAndLandingValgus() {
        KinematicsResult r = new KinematicsStage().analyze(jumps(60), Exercise.CMJ);
        r.repetitions().forEach(System.out::println);
        assertThat(r.metric("jump_count")).isEqualTo(2);
        assertThat(r.repetitions()).hasSize(2).allMatch(Repetition::complete);
        for (int j = 1; j <= 2; j++) {
            assertThat(r.metric("flight_time", j)).isCloseTo(FLIGHT, within(0.02));
            assertThat(r.metric("jump_height_from_flight_time", j)).isCloseTo(G * FLIGHT * FLIGHT / 8, within(0.03));
            assertThat(r.metric("left_knee_valgus_fppa_landing_peak", j)).isCloseTo(VALGUS_L, within(1.0));
            assertThat(r.metric("right_knee_valgus_fppa_landing_peak", j)).isCloseTo(VALGUS_R, within(1.0));
            assertThat(r.metric("left_knee_valgus_fppa_3d_landing_peak", j)).isCloseTo(VALGUS_L, within(1.0));
            assertThat(r.metric("left_knee_flexion_3d_landing_peak", j)).isCloseTo(60, within(1.0));
        }
        // The countermovement is the repetition's eccentric phase: 0.5 s down to 80°.
        assertThat(r.repetitions().getFirst().peakDeg()).isCloseTo(80, within(1.0));
        assertThat(r.repetitions().getFirst().eccentricS()).isCloseTo(0.5, within(0.1));
        assertThat(r.metric("left_knee_valgus_fppa_landing_peak_max")).isCloseTo(VALGUS_L, within(1.0));
        assertThat(new KinematicsStage().analyze(jumps(60), null).exercise().exercise()).isEqualTo(Exercise.CMJ);
    }

    /**
     * Someone walking away from a raised camera rises in the picture for seconds, ankles "above the ground" of the
     * rest of the video, and never comes down where they started: not a jump (tried as a user, a walker in a CCTV-like
     * clip was guessed a countermovement jump once the filters kept her samples).
     */
    @Test
    void risingInThePictureForSecondsIsNoJump() {
        double fps = 30;
        int n = (int) (5 * fps);
        double[] times = new double[n];
        double[][][] images = new double[n][][], worlds = new double[n][][];
        for (int i = 0; i < n; i++) {
            double t = times[i] = i / fps;
            Vec3[] body = SyntheticBody.grounded(SyntheticBody.build(BodyPose.neutral(), 10, new Vec3(0, 1, 0)));
            // up the picture at 0.3 m/s from the second second on, as the far end of a path seen from above
            for (int m = 0; m < body.length; m++) body[m] = body[m].plus(new Vec3(0, 0.3 * Math.max(0, t - 1), 0));
            images[i] = SyntheticBody.image(body, 10, View.FRONT, 400, 360, 1100, 0);
            worlds[i] = SyntheticBody.world(body, null);
        }
        assertThat(new KinematicsStage().analyze(SyntheticBody.series(times, images, worlds), null).exercise().exercise())
                .isNotEqualTo(Exercise.CMJ);
    }
}
