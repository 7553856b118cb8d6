package org.poseanalytics.kinematics.angle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.Camera;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;

/** Each angle sample's rating against a known body and camera: plane tilt, keypoints, plausibility. */
class SampleQualityTest {

    /**
     * Sagittal motion on the left, frontal on the right, within the postures the valid bounds were measured on
     * (ProjectionErrorTableTest: an arm raised up to 30° forward while abduction is read, up to 20° sideways while
     * flexion is read). The right elbow flexes
     * in the frontal plane of its abducted arm.
     */
    private static final BodyPose MIXED = new BodyPose(new double[]{40, 0}, new double[]{0, 15}, new double[]{60, 0},
            new double[]{0, 8}, new double[]{10, 0}, new double[]{30, 0}, new double[]{0, 20}, new double[]{70, 45}, 0, 0, 0);

    /** MIXED's angles by definition; every other angle is 0. The right knee is bent 8° sideways by its valgus. */
    private static final java.util.Map<String, Double> TRUTH = java.util.Map.of("left_hip_flexion", 40.0, "left_knee_flexion", 60.0,
            "left_ankle_dorsiflexion", 10.0, "left_shoulder_flexion", 30.0, "left_elbow_flexion", 70.0,
            "right_hip_abduction", 15.0, "right_knee_valgus_fppa", 8.0, "right_knee_flexion", 8.0,
            "right_shoulder_abduction", 20.0, "right_elbow_flexion", 45.0);

    @Test
    void aLeanAgainstGravityIsNotMeasuredWhenThePersonIsNotUprightInThePicture() {
        // A video stored sideways (a phone's portrait clip without its rotation): the picture and the world landmarks
        // are turned 90° about the camera's axis. Angles between segments do not change; "vertical" is then the
        // camera's, so a trunk lean would be measured against the wrong direction (it read −26° for a +26° lean).
        Vec3[] body = SyntheticBody.build(BodyPose.neutral().withTrunkLean(20).withKnee(60, 60), 0, new Vec3(0, 1, 0));
        for (double roll : new double[]{0, 90, 180}) {
            double[][] image = SyntheticBody.image(body, 0, SyntheticBody.View.FRONT, 400, 640, 500, roll);
            double[][] world = SyntheticBody.world(body, roll == 0 ? null : SyntheticBody.rotation(new Vec3(0, 0, 1), roll));
            AngleTable t = JointAngles.compute(SyntheticBody.series(new double[]{0}, new double[][][]{image}, new double[][][]{world}));
            AngleSeries lean = t.find("trunk_lean_sagittal_3d_deg").orElseThrow();
            AngleSeries tilt = t.find("pelvic_tilt_frontal_deg").orElseThrow();
            AngleSeries knee = t.find("left_knee_flexion_3d_deg").orElseThrow();
            assertThat(knee.valueDeg(0)).as("knee at roll %s", roll).isCloseTo(60, within(0.5));
            if (roll == 0) {
                assertThat(lean.issue(0)).isEqualTo(SampleIssue.NONE);
                assertThat(lean.valueDeg(0)).isCloseTo(20, within(0.5));
                assertThat(tilt.issue(0)).isEqualTo(SampleIssue.NONE);
            } else {
                assertThat(lean.issue(0)).as("3D trunk lean at roll %s", roll).isEqualTo(SampleIssue.NOT_UPRIGHT);
                assertThat(lean.valueDeg(0)).isNaN();
                assertThat(tilt.issue(0)).as("2D pelvic tilt at roll %s", roll).isEqualTo(SampleIssue.NOT_UPRIGHT);
                assertThat(knee.issue(0)).as("a knee is no lean against gravity").isNotEqualTo(SampleIssue.NOT_UPRIGHT);
                assertThat(knee.quality(0).usable()).isTrue();
            }
        }
    }

    @Test
    void twoDAnglesOfAPlaneSeenEdgeOnAreFlaggedAtEveryAzimuthAndThreeDAnglesAreRightFromAll() {
        int guessed = 0;
        for (double az = -180; az < 180; az += 10) {
            KeypointSeries filmed = SyntheticBody.filmed(new BodyPose[]{MIXED}, new double[]{0}, Camera.at(az), true);
            AngleTable t = JointAngles.compute(filmed);
            double sagittalTilt = Math.abs(Math.abs(az) - 90), frontalTilt = 90 - sagittalTilt;
            for (AngleSeries s : t.series()) {
                String what = s.column() + " at azimuth " + az;
                if (s.dimension() == Dimension.WORLD_3D) {
                    // Right from every camera, and low exactly where a limb's picture is under cos 45° of its length
                    // (the camera is orthographic at 400 px/m): more of its direction is then the model's depth guess.
                    double shortest = shortestImageShare(filmed, s.angle().segments(s.side()));
                    if (shortest < Math.cos(Math.toRadians(46))) {
                        assertThat(s.issue(0)).as(what).isEqualTo(SampleIssue.DEPTH_GUESSED);
                        guessed++;
                    } else if (shortest > Math.cos(Math.toRadians(44))) {
                        assertThat(s.issue(0)).as(what).isEqualTo(SampleIssue.NONE);
                    }
                    assertThat(s.valueDeg(0)).as(what).isCloseTo(TRUTH.getOrDefault(s.column().replace("_3d_deg", ""), 0.0), within(2.0));
                    continue;
                }
                double tilt = ownPlane(s) == AnatomicalPlane.SAGITTAL ? sagittalTilt : frontalTilt;
                var limits = s.angle().tiltLimits();
                if (tilt > limits.lowMaxDeg() + 1) {
                    assertThat(s.issue(0)).as(what).isEqualTo(SampleIssue.EDGE_ON_PLANE);
                    assertThat(s.valueDeg(0)).as(what).isNaN();
                } else if (tilt > limits.validMaxDeg() + 1 && tilt < limits.lowMaxDeg() - 1) {
                    assertThat(s.issue(0)).as(what).isEqualTo(SampleIssue.OBLIQUE_VIEW);
                } else if (tilt < limits.validMaxDeg() - 1) {
                    assertThat(s.issue(0)).as(what).isEqualTo(SampleIssue.NONE);
                    AngleSeries deep = t.find(s.angle(), s.side(), Dimension.WORLD_3D).orElseThrow();
                    assertThat(s.valueDeg(0)).as(what + " within the valid error").isCloseTo(deep.valueDeg(0), within(10.0));
                }
            }
        }
        assertThat(guessed).as("3D samples of a limb pointing at the camera (the feet from the front and back)").isPositive();
    }

    /** The smallest share of its length a segment shows in the picture (sample 0; 400 px a metre, orthographic). */
    private static double shortestImageShare(KeypointSeries s, List<String[]> segments) {
        double shortest = 1;
        for (String[] seg : segments) {
            int a = s.skeleton().indexOf(seg[0]), b = s.skeleton().indexOf(seg[1]);
            double image = Math.hypot(s.x().get(b, 0) - s.x().get(a, 0), s.y().get(b, 0) - s.y().get(a, 0)) / 400;
            double full = Math.sqrt(Math.pow(s.worldX().get(b, 0) - s.worldX().get(a, 0), 2) + Math.pow(s.worldY().get(b, 0) - s.worldY().get(a, 0), 2)
                    + Math.pow(s.worldZ().get(b, 0) - s.worldZ().get(a, 0), 2));
            shortest = Math.min(shortest, image / full);
        }
        return shortest;
    }

    /** The plane the kit's body moves this angle in: the right elbow flexes in the frontal plane of its abducted arm. */
    private static AnatomicalPlane ownPlane(AngleSeries s) {
        return s.angle() == JointAngle.ELBOW_FLEXION && s.side() == Side.RIGHT ? AnatomicalPlane.FRONTAL : s.angle().plane();
    }

    @Test
    void keypointsOutOfFrameHiddenInterpolatedOrMissingRateTheirAnglesAndInvalidOnesAreNotNumbers() {
        int n = 12;
        BodyPose[] poses = new BodyPose[n];
        double[] times = new double[n];
        for (int i = 0; i < n; i++) { poses[i] = BodyPose.neutral().withHip(30, 30).withKnee(50, 50); times[i] = i / 30.0; }
        KeypointSeries s = SyntheticBody.filmed(poses, times, Camera.at(90), true);
        int ankle = s.skeleton().indexOf("left_ankle"), knee = s.skeleton().indexOf("left_knee"), hip = s.skeleton().indexOf("left_hip");
        for (String side : new String[]{"left_", "right_"}) {
            // Sample 9: the ankle folded up beside the hip, a knee bent past anything a knee does (about 170°).
            int a = s.skeleton().indexOf(side + "ankle"), k = s.skeleton().indexOf(side + "knee"), h = s.skeleton().indexOf(side + "hip");
            for (SeriesChannel c : new SeriesChannel[]{s.x(), s.y(), s.worldX(), s.worldY(), s.worldZ()}) c.set(a, 9, c.get(k, 9) + 0.9f * (c.get(h, 9) - c.get(k, 9)));
            s.y().add(a, 9, 12);
            s.worldY().add(a, 9, 0.03);
        }
        s.y().set(ankle, 3, 1400);                     // below a 1280 × 1000 frame
        s.visibility().set(knee, 5, 0.2f);              // the model barely saw it
        s.x().set(knee, 7, Float.NaN);                // not tracked
        java.util.BitSet[] interpolated = FilteredSeries.noMarks(33);
        interpolated[knee].set(2);
        KinematicsInput in = new KinematicsInput(new FilteredSeries(s, interpolated, FilteredSeries.noMarks(33), FilteredSeries.noMarks(33), List.of(), List.of(), 6), null, Side.NONE, 1280, 1000);
        AngleTable t = JointAngles.compute(in.filtered(), in.frameWidth(), in.frameHeight());
        for (Dimension dim : Dimension.values()) {
            AngleSeries k = t.find(JointAngle.KNEE_FLEXION, Side.LEFT, dim).orElseThrow();
            assertThat(k.issues()).as(dim.name()).containsExactly(SampleIssue.NONE, SampleIssue.NONE, SampleIssue.INTERPOLATED,
                    SampleIssue.OUT_OF_FRAME, SampleIssue.NONE, SampleIssue.HIDDEN, SampleIssue.NONE, SampleIssue.NOT_TRACKED,
                    SampleIssue.NONE, SampleIssue.IMPLAUSIBLE, SampleIssue.NONE, SampleIssue.NONE);
            for (int i = 0; i < n; i++) {
                assertThat(Double.isNaN(k.valueDeg(i))).as(dim + " NaN at " + i).isEqualTo(k.quality(i) == Quality.INVALID);
                if (k.quality(i) != Quality.INVALID) assertThat(k.valueDeg(i)).isCloseTo(50, within(0.5));
            }
            // Velocity only inside usable stretches: samples 0–2, 4, 6, 8, 10–11.
            assertThat(k.velocityDegPerS(1)).isCloseTo(0, within(1e-6));
            for (int i : new int[]{2, 4, 6, 8, 10}) assertThat(k.velocityDegPerS(i)).as(dim + " velocity at " + i).isNaN();
            // The right knee's keypoints are fine throughout, but for the implausible pose.
            AngleSeries right = t.find(JointAngle.KNEE_FLEXION, Side.RIGHT, dim).orElseThrow();
            assertThat(right.issue(5)).isEqualTo(SampleIssue.NONE);
        }
        // Without the frame size or the filter's record, the other checks still apply.
        AngleSeries plain = JointAngles.compute(s).find(JointAngle.KNEE_FLEXION, Side.LEFT, Dimension.IMAGE_2D).orElseThrow();
        assertThat(plain.issue(2)).isEqualTo(SampleIssue.NONE);
        assertThat(plain.issue(3)).isEqualTo(SampleIssue.NONE);
        assertThat(plain.issue(5)).isEqualTo(SampleIssue.HIDDEN);
    }

    @Test
    void aFrontalPlaneAngleOfADeepSquatFilmedFromTheFrontIsNotAMeasurementThoughItsPlaneFacesTheCamera() {
        // From the front the frontal plane faces the camera (tilt 0), but at the bottom of a deep squat the thigh points
        // at the camera: its image is a stub and the 2D valgus (FPPA) is the projection's doing.
        BodyPose standing = BodyPose.neutral().withKnee(10, 10).withHip(5, 5);
        BodyPose deep = BodyPose.neutral().withKnee(110, 110).withHip(100, 100);
        AngleTable t = JointAngles.compute(SyntheticBody.filmed(new BodyPose[]{standing, deep}, new double[]{0, 1}, Camera.at(0), true));
        AngleSeries valgus = t.find(JointAngle.KNEE_VALGUS, Side.LEFT, Dimension.IMAGE_2D).orElseThrow();
        assertThat(valgus.issue(0)).as("standing").isEqualTo(SampleIssue.NONE);
        assertThat(valgus.issue(1)).as("deep squat").isEqualTo(SampleIssue.SEGMENT_TOWARD_CAMERA);
        assertThat(valgus.valueDeg(1)).isNaN();
        // The 3D knee flexion of the same frame stays a measurement, a low one: the thigh's direction is mostly the
        // model's guess of depth.
        AngleSeries knee3d = t.find(JointAngle.KNEE_FLEXION, Side.LEFT, Dimension.WORLD_3D).orElseThrow();
        assertThat(knee3d.issue(0)).isEqualTo(SampleIssue.NONE);
        assertThat(knee3d.issue(1)).isEqualTo(SampleIssue.DEPTH_GUESSED);
        assertThat(knee3d.quality(1)).isEqualTo(Quality.LOW);
        assertThat(knee3d.valueDeg(1)).isGreaterThan(45);
        // Hip abduction is the thigh's projection onto the frontal plane: with the thigh raised ~100° forward it turns on
        // noise (this read −368…694° on the squat video), in 3D as in 2D, from any camera.
        for (Dimension dim : Dimension.values()) {
            AngleSeries abduction = t.find(JointAngle.HIP_ABDUCTION, Side.LEFT, dim).orElseThrow();
            assertThat(abduction.issue(0)).as(dim + " standing").isEqualTo(SampleIssue.NONE);
            assertThat(abduction.issue(1)).as(dim + " deep squat").isIn(SampleIssue.UNSTABLE_PROJECTION, SampleIssue.SEGMENT_TOWARD_CAMERA);
            assertThat(abduction.valueDeg(1)).isNaN();
        }
    }
}
