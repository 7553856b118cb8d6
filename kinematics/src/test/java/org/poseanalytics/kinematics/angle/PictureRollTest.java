package org.poseanalytics.kinematics.angle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * A camera that is not level turns "up" with it: a trunk lean against gravity is then the camera's as much as the
 * person's (a 20° roll turned the squat fixture's 26° forward lean into 35°). The roll is read off the subject's straight
 * legs, and past {@link PictureRoll#MAX_LEVEL_DEG} the leans against gravity are not measurements.
 */
class PictureRollTest {
    private static final int N = 150;

    /**
     * Squats with a forward trunk lean (knees 5 → 100°) filmed orthographically from {@code view}, the picture and the
     * one camera's world landmarks turned by {@code rollDeg} about the camera's axis.
     */
    private static KeypointSeries filmed(View view, double rollDeg) {
        return filmed(view, rollDeg, 5, 95);
    }

    /** The same with the knees bending from {@code kneeFrom} by up to {@code kneeSwing} (90 and 0: seated throughout). */
    private static KeypointSeries filmed(View view, double rollDeg, double kneeFrom, double kneeSwing) {
        double[] t = new double[N];
        double[][][] images = new double[N][][], worlds = new double[N][][];
        double c = Math.cos(Math.toRadians(rollDeg)), s = Math.sin(Math.toRadians(rollDeg));
        for (int i = 0; i < N; i++) {
            t[i] = i / 30.0;
            double k = kneeFrom + kneeSwing * 0.5 * (1 - Math.cos(2 * Math.PI * 0.5 * t[i]));
            Vec3[] body = SyntheticBody.grounded(SyntheticBody.build(
                    BodyPose.neutral().withKnee(k, k).withHip(0.8 * k, 0.8 * k).withTrunkLean(0.25 * k), 0, new Vec3(0, 1, 0)));
            images[i] = SyntheticBody.image(body, 0, view, 400, 640, 500, rollDeg);
            double[][] w = SyntheticBody.world(body, 0, view);
            // The model's world landmarks follow the camera: x right, y down, turned with the picture.
            for (double[] p : w) {
                double x = p[0], y = p[1];
                p[0] = c * x + s * y;
                p[1] = -s * x + c * y;
            }
            worlds[i] = w;
        }
        return SyntheticBody.series(t, images, worlds);
    }

    private static AngleTable angles(KeypointSeries s, boolean worldMeasured) {
        return JointAngles.compute(FilteredSeries.asIs(s, Double.NaN), 0, 0, worldMeasured); // frame size unknown: no edge
    }

    private static long count(AngleTable t, String column, SampleIssue issue) {
        AngleSeries s = t.find(column).orElseThrow();
        long n = 0;
        for (int i = 0; i < s.length(); i++) if (s.issue(i) == issue) n++;
        return n;
    }

    @Test
    void theRollIsReadOffTheStraightLegsFromTheFrontAndFromTheSide() {
        for (View view : new View[]{View.FRONT, View.SIDE_FACING_RIGHT}) {
            assertThat(PictureRoll.estimateDeg(filmed(view, 0)).orElseThrow()).as("%s, level", view).isCloseTo(0, within(1.0));
            for (double roll : new double[]{-20, 5, 15}) {
                OptionalDouble est = PictureRoll.estimateDeg(filmed(view, roll));
                assertThat(Math.abs(est.orElseThrow())).as("%s, rolled %s°", view, roll).isCloseTo(Math.abs(roll), within(1.5));
                assertThat(PictureRoll.tilted(est)).as("%s, rolled %s°", view, roll).isEqualTo(Math.abs(roll) > PictureRoll.MAX_LEVEL_DEG);
            }
        }
        // A straight leg raised forward (0 → 60°, filmed level from the side) is no stance: it does not tilt the picture.
        double[] t = new double[N];
        BodyPose[] raises = new BodyPose[N];
        for (int i = 0; i < N; i++) {
            t[i] = i / 30.0;
            raises[i] = BodyPose.neutral().withHip(60 * 0.5 * (1 - Math.cos(2 * Math.PI * 0.4 * t[i])), 0);
        }
        OptionalDouble raise = PictureRoll.estimateDeg(SyntheticBody.filmed(raises, t, SyntheticBody.Camera.at(90), false));
        assertThat(Math.abs(raise.orElseThrow())).as("only the first 12° of each raise pass for a stance").isLessThan(3.0);
        assertThat(PictureRoll.tilted(raise)).isFalse();
        // Seated, seen from the side: the legs are never straight, so there is nothing to read the picture's level from.
        assertThat(PictureRoll.estimateDeg(filmed(View.SIDE_FACING_RIGHT, 20, 90, 0))).isEmpty();
    }

    @Test
    void inATiltedPictureTheLeansAgainstGravityAreNotMeasuredAndTheJointAnglesAre() {
        AngleTable level = angles(filmed(View.SIDE_FACING_RIGHT, 0), false);
        AngleTable tilted = angles(filmed(View.SIDE_FACING_RIGHT, 20), false);
        for (String lean : new String[]{"trunk_lean_sagittal_deg", "trunk_lean_sagittal_3d_deg"}) {
            assertThat(count(level, lean, SampleIssue.PICTURE_TILTED)).as("level, %s", lean).isZero();
            assertThat(count(tilted, lean, SampleIssue.PICTURE_TILTED)).as("tilted, %s", lean).isEqualTo(N);
            AngleSeries s = tilted.find(lean).orElseThrow();
            for (int i = 0; i < N; i++) assertThat(s.valueDeg(i)).as("%s at %d: not a measurement", lean, i).isNaN();
        }
        // What the roll turned: the level picture's lean at the deepest squat is 25°.
        assertThat(level.find("trunk_lean_sagittal_deg").orElseThrow().valueDeg(30)).isCloseTo(25, within(1.0));
        // Angles between segments do not depend on which way is up.
        for (String joint : new String[]{"left_knee_flexion_deg", "left_knee_flexion_3d_deg", "left_hip_flexion_3d_deg"}) {
            assertThat(count(tilted, joint, SampleIssue.PICTURE_TILTED)).as(joint).isZero();
            assertThat(tilted.find(joint).orElseThrow().valueDeg(30))
                    .isCloseTo(level.find(joint).orElseThrow().valueDeg(30), within(0.01));
        }
    }

    @Test
    void triangulatedThreeDTakesUpFromTheCalibrationNotFromThePicture() {
        AngleTable measured = angles(filmed(View.FRONT, 20), true);
        assertThat(count(measured, "trunk_lean_sagittal_3d_deg", SampleIssue.PICTURE_TILTED)).isZero();
        assertThat(count(measured, "trunk_lean_frontal_deg", SampleIssue.PICTURE_TILTED)).isEqualTo(N);
    }
}
