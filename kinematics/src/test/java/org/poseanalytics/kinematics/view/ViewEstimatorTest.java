package org.poseanalytics.kinematics.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.Camera;
import org.poseanalytics.tracking.series.KeypointSeries;

/** The camera's view of a known body from every azimuth, from world landmarks and from 2D widths alone. */
class ViewEstimatorTest {

    private static final BodyPose SQUAT = BodyPose.neutral().withHip(60, 60).withKnee(70, 70).withShoulderFlexion(40, 40);

    @Test
    void fromWorldLandmarksTheAzimuthAndPlaneTiltsAreThoseOfTheCamera() {
        for (double az = -180; az < 180; az += 10) {
            ViewTrack v = ViewEstimator.estimate(one(Camera.at(az), true));
            double sagittal = Math.abs(Math.abs(az) - 90);
            assertThat(angleBetween(v.azimuthDeg()[0], az)).as("azimuth " + az).isLessThan(1.0);
            assertThat(v.sagittalPlaneToImageDeg()[0]).as("sagittal tilt at " + az).isCloseTo(sagittal, within(1.0));
            assertThat(v.frontalPlaneToImageDeg()[0]).as("frontal tilt at " + az).isCloseTo(90 - sagittal, within(1.0));
            if (clearOfTheBoundaries(sagittal, 1)) assertThat(v.views()[0]).as("view at " + az).isEqualTo(expected(az));
        }
    }

    @Test
    void aRaisedCameraStillTellsTheSide() {
        ViewTrack v = ViewEstimator.estimate(one(new Camera(90, 25, 400, 640, 500), true));
        assertThat(v.views()[0]).isEqualTo(CameraView.SAGITTAL_LEFT);
        assertThat(v.sagittalPlaneToImageDeg()[0]).as("a camera 25° above the side sees the sagittal plane 25° tilted").isCloseTo(25, within(1.0));
    }

    @Test
    void fromTwoDWidthsTheTiltIsWithinTenDegreesNearTheSideAndTheViewIsNamedAwayFromTheBoundaries() {
        for (double az = -180; az < 180; az += 10) {
            ViewTrack v = ViewEstimator.estimate(one(Camera.at(az), false));
            double sagittal = Math.abs(Math.abs(az) - 90);
            if (sagittal <= 45) {
                assertThat(v.sagittalPlaneToImageDeg()[0]).as("2D sagittal tilt at " + az).isCloseTo(sagittal, within(10.0));
                assertThat(angleBetween(v.azimuthDeg()[0], az)).as("2D azimuth " + az).isLessThan(10.0);
            }
            if (clearOfTheBoundaries(sagittal, 10)) assertThat(v.views()[0]).as("2D view at " + az).isEqualTo(expected(az));
        }
    }

    @Test
    void theSummaryNamesTheDominantViewItsShareAndTheMedianTilts() {
        int n = 40;
        BodyPose[] poses = new BodyPose[n];
        double[] t = new double[n];
        Arrays.fill(poses, SQUAT);
        for (int i = 0; i < n; i++) t[i] = i / 30.0;
        KeypointSeries side = SyntheticBody.filmed(poses, t, Camera.at(75), true);
        // The person turns to face the camera for the last quarter.
        KeypointSeries front = SyntheticBody.filmed(poses, t, Camera.at(5), true);
        for (int k = 0; k < 33; k++)
            for (int i = 30; i < n; i++) {
                side.x().set(k, i, front.x().get(k, i));
                side.y().set(k, i, front.y().get(k, i));
                side.worldX().set(k, i, front.worldX().get(k, i));
                side.worldY().set(k, i, front.worldY().get(k, i));
                side.worldZ().set(k, i, front.worldZ().get(k, i));
            }
        ViewSummary s = ViewEstimator.estimate(side).summary();
        assertThat(s.dominant()).isEqualTo(CameraView.SAGITTAL_LEFT);
        assertThat(s.share()).isCloseTo(0.75, within(1e-9));
        assertThat(s.shares().get(CameraView.FRONTAL_ANTERIOR)).isCloseTo(0.25, within(1e-9));
        assertThat(s.sagittalPlaneToImageDeg()).isCloseTo(15, within(1.0));
        assertThat(s.frontalPlaneToImageDeg()).isCloseTo(75, within(1.0));
    }

    @Test
    void withoutHipsOrShouldersTheViewIsUnknown() {
        KeypointSeries s = one(Camera.at(90), true);
        int hip = s.skeleton().indexOf("left_hip");
        s.x().set(hip, 0, Float.NaN);
        s.y().set(hip, 0, Float.NaN);
        s.worldX().set(hip, 0, Float.NaN);
        ViewTrack v = ViewEstimator.estimate(s);
        assertThat(v.views()[0]).isEqualTo(CameraView.UNKNOWN);
        assertThat(v.summary()).isEqualTo(ViewSummary.unknown());
    }

    private static boolean clearOfTheBoundaries(double sagittalTilt, double by) {
        return Math.abs(sagittalTilt - ViewEstimator.NAMED_VIEW_MAX_TILT_DEG) >= by && Math.abs(90 - sagittalTilt - ViewEstimator.NAMED_VIEW_MAX_TILT_DEG) >= by;
    }

    static CameraView expected(double az) {
        double sagittal = Math.abs(Math.abs(az) - 90);
        if (sagittal <= ViewEstimator.NAMED_VIEW_MAX_TILT_DEG) return az > 0 ? CameraView.SAGITTAL_LEFT : CameraView.SAGITTAL_RIGHT;
        if (90 - sagittal <= ViewEstimator.NAMED_VIEW_MAX_TILT_DEG) return Math.abs(az) < 90 ? CameraView.FRONTAL_ANTERIOR : CameraView.FRONTAL_POSTERIOR;
        return CameraView.OBLIQUE;
    }

    private static KeypointSeries one(Camera camera, boolean withWorld) {
        return SyntheticBody.filmed(new BodyPose[]{SQUAT}, new double[]{0}, camera, withWorld);
    }

    private static double angleBetween(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return Math.min(d, 360 - d);
    }
}
