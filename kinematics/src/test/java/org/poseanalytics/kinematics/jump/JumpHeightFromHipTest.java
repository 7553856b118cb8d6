package org.poseanalytics.kinematics.jump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.tracking.FilteredSeries;

/** JumpTruthTest's two jumps (0.5 s flights, 400 px/m): with a scale, the hips' rise gives the height as the flight does. */
class JumpHeightFromHipTest {

    @Test
    void jumpHeightFromTheHipsRiseWithAScale() {
        double truth = JumpTruthTest.G * JumpTruthTest.FLIGHT * JumpTruthTest.FLIGHT / 8;
        Scale scale = Scale.of(new ScaleSpec.Line(0, 1200, 400, 1200, 1.0));
        KinematicsResult r = new KinematicsStage().analyze(new KinematicsInput(FilteredSeries.asIs(JumpTruthTest.jumps(60), Double.NaN),
                Exercise.CMJ, Side.NONE, 0, 0, scale));
        for (int j = 1; j <= 2; j++) {
            System.out.printf("[measured] jump %d, synthetic 0.5 s flight at 60 fps: height from the hips %.3f m, from flight time %.3f m (truth %.3f m)%n",
                    j, r.metric("jump_height_from_hip", j), r.metric("jump_height_from_flight_time", j), truth);
            assertThat(r.metric("jump_height_from_hip", j)).isCloseTo(truth, within(0.03 * truth));
        }
        assertThat(r.metric("jump_height_from_hip_best")).isCloseTo(truth, within(0.03 * truth));
        KinematicsResult unscaled = new KinematicsStage().analyze(JumpTruthTest.jumps(60), Exercise.CMJ);
        assertThat(unscaled.metrics()).noneMatch(m -> m.name().startsWith("jump_height_from_hip"));
    }
}
