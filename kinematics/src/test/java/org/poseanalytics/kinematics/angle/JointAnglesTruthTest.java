package org.poseanalytics.kinematics.angle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Synthetic bodies with exactly known angles, seen in 2D from several views and in 3D after rotations. */
class JointAnglesTruthTest {
    private static final double TOL = 0.5;

    /** Sagittal-plane pose: every frontal angle zero, so a side view shows the sagittal angles exactly. */
    private static final BodyPose SAGITTAL = new BodyPose(
            new double[]{35, -10}, new double[2], new double[]{70, 15}, new double[2], new double[]{12, -20},
            new double[]{150, 40}, new double[2], new double[]{90, 20}, 15, 0, 0);

    private static final Map<String, Double> SAGITTAL_TRUTH = Map.ofEntries(
            Map.entry("left_hip_flexion", 35.0), Map.entry("right_hip_flexion", -10.0),
            Map.entry("left_knee_flexion", 70.0), Map.entry("right_knee_flexion", 15.0),
            Map.entry("left_ankle_dorsiflexion", 12.0), Map.entry("right_ankle_dorsiflexion", -20.0),
            Map.entry("left_shoulder_flexion", 150.0), Map.entry("right_shoulder_flexion", 40.0),
            Map.entry("left_elbow_flexion", 90.0), Map.entry("right_elbow_flexion", 20.0));

    /** Frontal-plane pose: every sagittal angle zero, so a front or back view shows the frontal angles exactly. */
    private static final BodyPose FRONTAL = new BodyPose(
            new double[2], new double[]{20, -8}, new double[2], new double[]{10, -6}, new double[2],
            new double[2], new double[]{160, 60}, new double[]{30, 0}, 0, 8, 5);

    private static final Map<String, Double> FRONTAL_TRUTH = Map.ofEntries(
            Map.entry("left_hip_abduction", 20.0), Map.entry("right_hip_abduction", -8.0),
            Map.entry("left_knee_valgus_fppa", 10.0), Map.entry("right_knee_valgus_fppa", -6.0),
            Map.entry("left_shoulder_abduction", 160.0), Map.entry("right_shoulder_abduction", 60.0),
            Map.entry("left_elbow_flexion", 30.0));

    @ParameterizedTest
    @EnumSource(value = View.class, names = {"SIDE_FACING_RIGHT", "SIDE_FACING_LEFT"})
    void sagittalAnglesInASideViewAreExactAtAnyScalePlaceAndImageRotation(View view) {
        for (double[] place : new double[][]{{350, 200, 900, 0}, {820, 600, 300, 25}, {120, 60, 50, -40}}) {
            AngleTable t = oneFrame2d(SAGITTAL, 30, view, place);
            SAGITTAL_TRUTH.forEach((name, truth) -> assertThat(value(t, name + "_deg")).as(name + " " + view).isCloseTo(truth, within(TOL)));
        }
        // Lean against vertical only holds when the image is not turned.
        AngleTable upright = oneFrame2d(SAGITTAL, 30, view, new double[]{400, 300, 900, 0});
        assertThat(value(upright, "trunk_lean_sagittal_deg")).isCloseTo(15, within(TOL));
    }

    @ParameterizedTest
    @EnumSource(value = View.class, names = {"FRONT", "BACK"})
    void frontalAnglesInAFrontOrBackViewAreExact(View view) {
        for (double[] place : new double[][]{{400, 360, 640, 0}, {900, 100, 100, -15}}) {
            // With world landmarks: elbow flexion's plane follows the abducted arm (frontal here), which only 3D shows.
            AngleTable t = oneFrame(FRONTAL, 0, view, place, null);
            FRONTAL_TRUTH.forEach((name, truth) -> assertThat(value(t, name + "_deg")).as(name + " " + view).isCloseTo(truth, within(TOL)));
        }
        AngleTable upright = oneFrame(FRONTAL, 0, view, new double[]{400, 360, 640, 0}, null);
        assertThat(value(upright, "trunk_lean_frontal_deg")).isCloseTo(8, within(TOL));
        assertThat(value(upright, "pelvic_tilt_frontal_deg")).isCloseTo(5, within(TOL));
    }

    @Test
    void threeDAnglesDoNotDependOnTheViewingDirection() {
        double[][] tilt = SyntheticBody.rotation(new Vec3(0.3, 1, -0.5), 73);
        for (double yaw : new double[]{0, 55, 140, -100}) {
            // Joint angles are relative to the body: any rotation of the world leaves them unchanged.
            AngleTable sag = oneFrame(SAGITTAL, yaw, View.FRONT, new double[]{400, 300, 900, 0}, tilt);
            SAGITTAL_TRUTH.forEach((name, truth) -> assertThat(value(sag, name + "_3d_deg")).as(name + " yaw " + yaw).isCloseTo(truth, within(TOL)));
            AngleTable fro = oneFrame(FRONTAL, yaw, View.SIDE_FACING_RIGHT, new double[]{400, 300, 900, 0}, tilt);
            FRONTAL_TRUTH.forEach((name, truth) -> assertThat(value(fro, name + "_3d_deg")).as(name + " yaw " + yaw).isCloseTo(truth, within(TOL)));
            // Lean and pelvic tilt are against gravity: only a turn about the vertical keeps them.
            assertThat(value(oneFrame(SAGITTAL, yaw, View.FRONT, new double[]{400, 300, 900, 0}, null), "trunk_lean_sagittal_3d_deg")).isCloseTo(15, within(TOL));
            AngleTable level = oneFrame(FRONTAL, yaw, View.FRONT, new double[]{400, 300, 900, 0}, null);
            assertThat(value(level, "trunk_lean_frontal_3d_deg")).isCloseTo(8, within(TOL));
            assertThat(value(level, "pelvic_tilt_frontal_3d_deg")).isCloseTo(5, within(TOL));
        }
    }

    @Test
    void hipFlexionAbductionAndValgusTogetherIn3d() {
        BodyPose combined = BodyPose.neutral().withHip(30, 50).withValgus(8, -4);
        combined.hipAbduction()[0] = 15;
        combined.hipAbduction()[1] = -12;
        AngleTable t = oneFrame(combined, 37, View.FRONT, new double[]{400, 300, 900, 0}, SyntheticBody.rotation(new Vec3(1, 0.2, 0.1), -35));
        assertThat(value(t, "left_hip_flexion_3d_deg")).isCloseTo(30, within(TOL));
        assertThat(value(t, "right_hip_flexion_3d_deg")).isCloseTo(50, within(TOL));
        assertThat(value(t, "left_hip_abduction_3d_deg")).isCloseTo(15, within(TOL));
        assertThat(value(t, "right_hip_abduction_3d_deg")).isCloseTo(-12, within(TOL));
        assertThat(value(t, "left_knee_valgus_fppa_3d_deg")).isCloseTo(8, within(TOL));
        assertThat(value(t, "right_knee_valgus_fppa_3d_deg")).isCloseTo(-4, within(TOL));
    }

    @Test
    void aCameraFacingThePersonUnderstatesKneeFlexionIn2dButNotIn3d() {
        BodyPose squat = BodyPose.neutral().withHip(80, 80).withKnee(100, 100);
        // Yaw 0 faces the camera of the unrotated world landmarks too: a consistent front view.
        AngleTable t = oneFrame(squat, 0, View.FRONT, new double[]{400, 300, 900, 0}, null);
        AngleSeries flat = t.find("left_knee_flexion_deg").orElseThrow();
        assertThat(flat.issue(0)).isEqualTo(org.poseanalytics.kinematics.quality.SampleIssue.EDGE_ON_PLANE);
        assertThat(flat.valueDeg(0)).as("a sagittal angle seen edge-on is not a measurement").isNaN();
        AngleTable imageOnly = oneFrame2d(squat, 0, View.FRONT, new double[]{400, 300, 900, 0});
        assertThat(imageOnly.find("left_knee_flexion_deg").orElseThrow().issue(0)).isEqualTo(org.poseanalytics.kinematics.quality.SampleIssue.EDGE_ON_PLANE);
        assertThat(value(t, "left_knee_flexion_3d_deg")).isCloseTo(100, within(TOL));
    }

    @Test
    void coco17HasNoAnkleAngleButTheOthers() {
        AngleTable blaze = oneFrame(SAGITTAL, 30, View.SIDE_FACING_RIGHT, new double[]{400, 300, 900, 0}, null);
        KeypointSeries b = seriesOf(SAGITTAL, 30, View.SIDE_FACING_RIGHT, new double[]{400, 300, 900, 0}, null);
        KeypointSeries coco = KeypointSeries.empty(Skeleton.COCO_17, b.frames(), b.timesS(), false, "synthetic");
        for (int k = 0; k < 17; k++) {
            int from = Skeleton.BLAZEPOSE_33.indexOf(Skeleton.COCO_17.name(k));
            coco.x().set(k, 0, b.x().get(from, 0));
            coco.y().set(k, 0, b.y().get(from, 0));
            coco.visibility().set(k, 0, b.visibility().get(from, 0));
        }
        AngleTable t = JointAngles.compute(coco);
        assertThat(t.find("left_ankle_dorsiflexion_deg")).isEmpty();
        assertThat(blaze.find("left_ankle_dorsiflexion_deg")).isPresent();
        // Facing comes from the nose without feet: sagittal signs must still be right.
        assertThat(value(t, "left_hip_flexion_deg")).isCloseTo(35, within(TOL));
        assertThat(value(t, "right_hip_flexion_deg")).isCloseTo(-10, within(TOL));
        assertThat(value(t, "left_knee_flexion_deg")).isCloseTo(70, within(TOL));
    }

    @Test
    void anArmPassingOverheadStaysContinuous() {
        int n = 81;
        double[] times = new double[n];
        double[][][] images = new double[n][][], worlds = new double[n][][];
        for (int i = 0; i < n; i++) {
            times[i] = i / 30.0;
            double abd = 200 * Math.sin(Math.PI * i / (n - 1)); // 0 → 200 → 0
            var body = SyntheticBody.build(BodyPose.neutral().withShoulderAbduction(abd, 0), 0, new Vec3(0, 1, 0));
            images[i] = SyntheticBody.image(body, 0, View.FRONT, 400, 360, 640, 0);
            worlds[i] = SyntheticBody.world(body, null);
        }
        AngleTable t = JointAngles.compute(SyntheticBody.series(times, images, worlds));
        for (String col : new String[]{"left_shoulder_abduction_deg", "left_shoulder_abduction_3d_deg"}) {
            double[] v = t.find(col).orElseThrow().valuesDeg();
            for (int i = 0; i < n; i++) assertThat(v[i]).as(col + " at " + i).isCloseTo(200 * Math.sin(Math.PI * i / (n - 1)), within(TOL));
        }
    }

    @Test
    void angularVelocityUsesTheRealTimestamps() {
        int n = 200;
        double[] times = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++) { times[i] = t; t += (i % 3 == 0) ? 1 / 20.0 : 1 / 40.0; } // variable frame rate
        double[][][] images = new double[n][][];
        for (int i = 0; i < n; i++) {
            double knee = 45 + 30 * Math.sin(2 * Math.PI * 0.5 * times[i]);
            images[i] = SyntheticBody.image(SyntheticBody.build(BodyPose.neutral().withKnee(knee, knee), 0, new Vec3(0, 1, 0)),
                    0, View.SIDE_FACING_RIGHT, 500, 300, 800, 0);
        }
        AngleSeries knee = JointAngles.compute(SyntheticBody.series(times, images, null)).find("left_knee_flexion_deg").orElseThrow();
        assertThat(knee.velocityColumn()).isEqualTo("left_knee_flexion_deg_per_s");
        for (int i = 1; i < n - 1; i++) {
            double truth = 30 * 2 * Math.PI * 0.5 * Math.cos(2 * Math.PI * 0.5 * times[i]);
            assertThat(knee.velocityDegPerS(i)).as("velocity at " + times[i]).isCloseTo(truth, within(3.0));
        }
    }

    /** One frame; world landmarks from the same camera as the image, or (to test 3D invariance) turned by {@code worldRotation}. */
    static KeypointSeries seriesOf(BodyPose pose, double yaw, View view, double[] place, double[][] worldRotation) {
        var body = SyntheticBody.build(pose, yaw, new Vec3(0.2, 1.0, -0.3));
        double[][] image = SyntheticBody.image(body, yaw, view, place[0], place[1], place[2], place[3]);
        double[][] world = worldRotation == null ? SyntheticBody.world(body, yaw, view) : SyntheticBody.world(body, worldRotation);
        return SyntheticBody.series(new double[]{0}, new double[][][]{image}, new double[][][]{world});
    }

    /** One image-only frame: the view comes from the 2D widths, as for COCO-17 models. */
    private static AngleTable oneFrame2d(BodyPose pose, double yaw, View view, double[] place) {
        KeypointSeries s = seriesOf(pose, yaw, view, place, null);
        return JointAngles.compute(new KeypointSeries(s.skeleton(), s.frames(), s.timesS(), s.x(), s.y(), s.z(), s.visibility(), null, null, null, s.filter()));
    }

    private static AngleTable oneFrame(BodyPose pose, double yaw, View view, double[] place, double[][] worldRotation) {
        return JointAngles.compute(seriesOf(pose, yaw, view, place, worldRotation));
    }

    private static double value(AngleTable t, String column) {
        return t.find(column).orElseThrow(() -> new AssertionError("no column " + column)).valueDeg(0);
    }
}
