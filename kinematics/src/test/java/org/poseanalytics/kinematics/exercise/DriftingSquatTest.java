package org.poseanalytics.kinematics.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.repetition.RepetitionTruthTest.Script;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Knees bending together are a squat's, wherever the person drifts in the picture. Tried as a user: a squat whose
 * subject slid across a composed clip was guessed gait ("the pelvis travelled 4.7 leg lengths with both legs
 * swinging"), and its three repetitions were lost to a walk's figures.
 */
class DriftingSquatTest {

    @Test
    void aSquatDriftingAcrossThePictureIsGuessedASquat() {
        KinematicsResult r = new KinematicsStage().analyze(squats(0.6), null);
        assertThat(r.exercise().exercise()).as(r.exercise().reason()).isEqualTo(Exercise.SQUAT);
        assertThat(r.repetitions()).hasSize(3);
        // In place it is a squat too, as before.
        assertThat(new KinematicsStage().analyze(squats(0), null).exercise().exercise()).isEqualTo(Exercise.SQUAT);
    }

    /** Three squats to 90° of knee flexion, seen from the front, the body sliding sideways at {@code driftMPerS}. */
    private static KeypointSeries squats(double driftMPerS) {
        Script knee = new Script(5);
        for (int i = 0; i < 3; i++) knee.hold(0.6).move(1.0, 90).move(1.0, 5);
        knee.hold(0.6);
        double fps = 30;
        int n = (int) (knee.duration() * fps);
        double[] times = new double[n];
        double[][][] images = new double[n][][], worlds = new double[n][][];
        for (int i = 0; i < n; i++) {
            double t = times[i] = i / fps;
            double k = knee.at(t);
            Vec3[] body = SyntheticBody.grounded(SyntheticBody.build(BodyPose.neutral().withKnee(k, k).withHip(0.9 * k, 0.9 * k), 0, new Vec3(0, 1, 0)));
            for (int m = 0; m < body.length; m++) body[m] = body[m].plus(new Vec3(driftMPerS * t, 0, 0));
            images[i] = SyntheticBody.image(body, 0, View.FRONT, 300, 200, 900, 0);
            worlds[i] = SyntheticBody.world(body, null);
        }
        return SyntheticBody.series(times, images, worlds);
    }
}
