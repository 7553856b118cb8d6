package org.poseanalytics.cli.multiview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.multiview.MultiViewException;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.testing.Rigs;
import org.poseanalytics.multiview.testing.Scenes;
import org.poseanalytics.multiview.testing.SquattingBody;
import org.poseanalytics.tracking.filter.FilterPreset;

/**
 * Triangulated keypoints through the unchanged kinematics stage: the 3D knee flexion of a known squat filmed by 2–4
 * distorted cameras, against the truth. This is where multiview's world frame meets the kinematics' axis convention.
 */
class MultiViewAnglesTruthTest {
    static final SquattingBody BODY = SquattingBody.atOrigin();

    static double[] kneeError(int cams, double noisePx) throws MultiViewException {
        Calibration cal = Rigs.ring(cams, Rigs.PHONE_DISTORTION);
        MultiViewStage.Result r = MultiViewStage.run(MultiViewStage.Request.of(cal, Scenes.views(cal, Scenes.Filming.clean(cams).withNoise(noisePx), BODY),
                FilterPreset.forExercise("squat").config()).withSync(MultiViewStage.Sync.TIMESTAMPS));
        KinematicsResult k = new KinematicsStage().analyze(r.filtered().series(), Exercise.parse("squat"));
        double max = 0, sum = 0;
        int n = 0;
        for (Side side : new Side[]{Side.LEFT, Side.RIGHT}) {
            AngleSeries s = k.angles().find(JointAngle.KNEE_FLEXION, side, Dimension.WORLD_3D).orElseThrow();
            for (int i = 0; i < s.length(); i++) {
                double e = s.valueDeg(i) - BODY.kneeDeg(k.angles().timesS()[i]);
                if (!Double.isFinite(e)) continue;
                max = Math.max(max, Math.abs(e));
                sum += e * e;
                n++;
            }
        }
        assertThat(n).isGreaterThan(300);
        assertThat(k.repetitions()).hasSize(3);
        // Hip flexion is positive forward only when the world axes reach kinematics right-handed (a mirrored frame
        // turns "forward" backwards): at the bottom of the first squat (t = 1 s) it is 0.95 × 90°.
        if (noisePx == 0) {
            AngleSeries hip = k.angles().find(JointAngle.HIP_FLEXION, Side.LEFT, Dimension.WORLD_3D).orElseThrow();
            int bottom = 30;
            assertThat(k.angles().timesS()[bottom]).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(hip.valueDeg(bottom)).isCloseTo(BODY.hipDeg(1.0), org.assertj.core.api.Assertions.within(1.0));
        }
        return new double[]{max, Math.sqrt(sum / n)};
    }

    @Test
    void kneeFlexionIsWithinOneDegreeWithoutNoise() throws MultiViewException {
        for (int cams = 2; cams <= 4; cams++) {
            double[] e = kneeError(cams, 0);
            System.out.printf(Locale.ROOT, "MULTIVIEW-BENCH angles clean %d cams: knee flexion 3d max error %.3f deg, rms %.3f deg%n", cams, e[0], e[1]);
            assertThat(e[0]).isLessThan(1.0);
        }
    }

    @Test
    void kneeFlexionErrorGrowsWithNoise() throws MultiViewException {
        double previous = 0;
        for (double noise : new double[]{1, 2, 5}) {
            double[] two = kneeError(2, noise), four = kneeError(4, noise);
            System.out.printf(Locale.ROOT, "MULTIVIEW-BENCH angles noise %.0f px: knee flexion 3d rms %.2f deg (2 cams), %.2f deg (4 cams); max %.2f / %.2f deg%n",
                    noise, two[1], four[1], two[0], four[0]);
            assertThat(two[1]).isGreaterThan(previous);
            previous = two[1];
            assertThat(four[1]).isLessThan(noise * 1.0);
        }
    }
}
