package org.poseanalytics.kinematics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.JointAngles;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewTrack;
import org.poseanalytics.kinematics.view.ViewEstimator;
import org.poseanalytics.tracking.series.KeypointSeries;

/** The real squat video (filmed from the front, the person turned by 20–40°): its view and what it can measure. */
class SquatFixtureQualityTest {

    @Test
    void aFrontViewIsDetectedItsSagittal2dAnglesAreFlaggedAnd3dKneeFlexionIsMeasured() throws IOException {
        KeypointSeries squat = SquatFixtureTest.squat();
        ViewTrack view = ViewEstimator.estimate(squat);
        System.out.printf("squat view: %s %.0f%% of frames, shares %s, sagittal plane %.0f°, frontal plane %.0f° to the image%n",
                view.summary().dominant(), 100 * view.summary().share(), view.summary().shares(),
                view.summary().sagittalPlaneToImageDeg(), view.summary().frontalPlaneToImageDeg());
        assertThat(view.summary().dominant()).isEqualTo(CameraView.FRONTAL_ANTERIOR);
        // 2D widths alone (as for a COCO-17 model) tell the same view.
        KeypointSeries flat = new KeypointSeries(squat.skeleton(), squat.frames(), squat.timesS(), squat.x(), squat.y(), squat.z(),
                squat.visibility(), null, null, null, squat.filter());
        ViewTrack view2d = ViewEstimator.estimate(flat);
        System.out.printf("squat view from 2D widths: %s %.0f%%, frontal plane %.0f°%n", view2d.summary().dominant(),
                100 * view2d.summary().share(), view2d.summary().frontalPlaneToImageDeg());
        assertThat(view2d.summary().dominant()).isEqualTo(CameraView.FRONTAL_ANTERIOR);

        AngleTable t = JointAngles.compute(squat);
        long guessedBoth = 0;
        for (Side side : new Side[]{Side.LEFT, Side.RIGHT}) {
            for (JointAngle a : new JointAngle[]{JointAngle.KNEE_FLEXION, JointAngle.HIP_FLEXION}) {
                AngleSeries s = t.find(a, side, Dimension.IMAGE_2D).orElseThrow();
                long edgeOn = Arrays.stream(s.issues()).filter(i -> i == SampleIssue.EDGE_ON_PLANE).count();
                System.out.printf("%s: %d of %d samples edge-on, %d usable%n", s.column(), edgeOn, s.length(), s.validCount());
                assertThat(Arrays.stream(s.issues()).noneMatch(i -> i == SampleIssue.NONE)).as(s.column() + " never valid").isTrue();
                assertThat(edgeOn).as(s.column() + " mostly edge-on").isGreaterThan(s.length() / 2);
            }
            // 3D knee flexion is measured in every frame; where the thigh points at the camera (the bottom of the
            // squat) its direction is the model's depth guess, so those samples are low, never invalid.
            AngleSeries knee3d = t.find(JointAngle.KNEE_FLEXION, side, Dimension.WORLD_3D).orElseThrow();
            long guessed = Arrays.stream(knee3d.issues()).filter(i -> i == SampleIssue.DEPTH_GUESSED).count();
            System.out.printf("%s: %d of %d samples with the depth guessed%n", knee3d.column(), guessed, knee3d.length());
            for (int i = 0; i < knee3d.length(); i++)
                assertThat(knee3d.issue(i)).as(knee3d.column() + " at " + i).isIn(SampleIssue.NONE, SampleIssue.DEPTH_GUESSED);
            assertThat(guessed).as(knee3d.column() + ": valid while she stands and rises").isLessThan(knee3d.length() / 2L);
            guessedBoth += guessed;
        }
        // MediaPipe's world landmarks put the right thigh up to 62° out of the picture at the bottom, the left one 40°.
        assertThat(guessedBoth).as("3D knee samples at the bottom of the squats, the thigh toward the camera").isPositive();
        for (AngleSeries s : t.series())
            for (double v : s.valuesDeg())
                if (Double.isFinite(v)) assertThat(s.angle().range().contains(v)).as(s.column() + " " + v + " in " + s.angle().range().notation()).isTrue();
    }
}
