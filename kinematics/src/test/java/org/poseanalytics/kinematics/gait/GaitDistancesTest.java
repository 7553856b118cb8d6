package org.poseanalytics.kinematics.gait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * GaitTruthTest's walker, now crossing the frame at a known speed, filmed from the side at 300 px/m: step length (the
 * heels' distance at a heel strike, from the synthetic body itself), stride length (speed × stride time) and speed.
 */
class GaitDistancesTest {
    static final double SPEED = 1.2, STRIDE_S = 1.1, PX_PER_M = 300, FPS = 30;

    static Vec3[] body(double t) {
        double u = (t - 0.37) / STRIDE_S;
        BodyPose pose = BodyPose.neutral().withHip(GaitTruthTest.hip(u), GaitTruthTest.hip(u + 0.5)).withKnee(5, 5);
        return SyntheticBody.build(pose, 90, new Vec3(SPEED * t, 1, 0));
    }

    static KeypointSeries walker(View view) {
        Random rnd = new Random(4);
        int n = (int) (8 * FPS);
        double[] times = new double[n];
        double[][][] images = new double[n][][];
        for (int i = 0; i < n; i++) {
            times[i] = i / FPS;
            double[][] img = SyntheticBody.image(body(times[i]), 90, view, PX_PER_M, 200, 900, 0);
            for (double[] p : img) { p[0] += rnd.nextGaussian() * 0.5; p[1] += rnd.nextGaussian() * 0.5; }
            images[i] = img;
        }
        return SyntheticBody.series(times, images, null);
    }

    static KinematicsResult analyse(KeypointSeries s, Scale scale) {
        return new KinematicsStage().analyze(new KinematicsInput(FilteredSeries.asIs(s, Double.NaN), Exercise.GAIT, Side.NONE, 0, 0, scale));
    }

    @Test
    void stepAndStrideLengthAndSpeedInMetresFromTheSide() {
        Scale scale = Scale.of(new ScaleSpec.Line(0, 950, PX_PER_M, 950, 1.0));
        KinematicsResult r = analyse(walker(View.SIDE_FACING_RIGHT), scale);
        // Truth: at a left heel strike (phase 0) the heels' distance along the walk, from the body as built.
        Vec3[] atStrike = body(0.37 + 2 * STRIDE_S);
        Vec3 l = atStrike[org.poseanalytics.pose.skeleton.Skeleton.BLAZEPOSE_33.indexOf("left_heel")];
        Vec3 rr = atStrike[org.poseanalytics.pose.skeleton.Skeleton.BLAZEPOSE_33.indexOf("right_heel")];
        double step = Math.abs(l.x() - rr.x()), stride = SPEED * STRIDE_S;
        System.out.printf("[measured] gait distances, synthetic walker at %.1f m/s from the side, 30 fps: speed %.3f m/s, step %.3f m (truth %.3f), "
                        + "left stride %.3f m (truth %.3f)%n", SPEED, r.metric("gait_speed"), r.metric("step_length"), step,
                r.metric("left_stride_length"), stride);
        assertThat(r.metric("gait_speed")).isCloseTo(SPEED, within(0.02 * SPEED));
        assertThat(r.metric("step_length")).isCloseTo(step, within(0.03 * step));
        assertThat(r.metric("left_step_length")).isCloseTo(step, within(0.03 * step));
        assertThat(r.metric("left_stride_length")).isCloseTo(stride, within(0.03 * stride));
        assertThat(r.metric("right_stride_length")).isCloseTo(stride, within(0.03 * stride));
        assertThat(r.metrics()).filteredOn(m -> m.name().equals("gait_speed")).singleElement()
                .satisfies(m -> assertThat(m.unit()).isEqualTo("m/s"));
    }

    @Test
    void withoutAScaleNoDistancesAndFromTheFrontNoneValid() {
        assertThat(analyse(walker(View.SIDE_FACING_RIGHT), Scale.none()).metrics())
                .noneMatch(m -> m.name().endsWith("_length") || m.name().equals("gait_speed"));
        KinematicsResult front = analyse(GaitTruthTest.walker(1.1, 30, false, View.FRONT, 3), Scale.of(new ScaleSpec.Line(0, 0, 300, 0, 1)));
        assertThat(front.metrics()).filteredOn(m -> m.name().endsWith("_length"))
                .allMatch(m -> m.quality() == Quality.INVALID && m.reason().contains("front"));
    }
}
