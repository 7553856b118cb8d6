package org.poseanalytics.pose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.testing.TestVideos;

/**
 * The whole pose pipeline on the kinds of videos users have, made from the squat fixture: keypoints must land on
 * the body, i.e. near MediaPipe's reference landmarks mapped through whatever the transformation did.
 */
class PhoneVideosTest {
    private static PoseEstimator estimator;
    private static double[][][] ref;

    @BeforeAll
    static void open() {
        Fixtures.squatVideo();
        estimator = PoseModels.open("blazepose-full", 2);
        ref = TestVideos.squatReference();
    }

    @AfterAll
    static void close() { if (estimator != null) estimator.close(); }

    /** Mean pixel distance to the reference, over frames matched by stream time (the source runs at 5 fps). */
    private static double meanError(Path video, BiFunction<double[], Integer, double[]> mapRef, int expectedFrames) throws Exception {
        List<FramePoses> frames = new ArrayList<>();
        VideoPoseResult result = VideoPoseRunner.run(video, estimator, frames::add, p -> { });
        assertThat(result.frames()).isEqualTo(expectedFrames);
        assertThat(result.framesWithPose()).isEqualTo(expectedFrames);
        double sum = 0;
        int n = 0;
        for (FramePoses f : frames) {
            int sourceFrame = (int) Math.round(f.timeS() * 5);
            PersonPose p = f.persons().get(0);
            for (int k = 0; k < 33; k++) {
                Keypoint kp = p.keypoint(k);
                double[] r = mapRef.apply(ref[sourceFrame][k], f.width());
                sum += Math.hypot(kp.x() - r[0], kp.y() - r[1]);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void portraitPhoneClipWithRotationMetadata() throws Exception {
        assertThat(meanError(TestVideos.portraitWithRotation(), (r, w) -> r, 65)).isLessThan(12);
    }

    @Test
    void displayTurnedALandscapeWayFindsTheBodyLyingSideways() throws Exception {
        // Displayed = fixture turned 90° counter-clockwise: fixture (x, y) shows at (y, 720 − x).
        assertThat(meanError(TestVideos.turnedLandscape(), (r, w) -> new double[]{r[1], 720 - r[0]}, 65)).isLessThan(15);
    }

    @Test
    void hevcAndVp9() throws Exception {
        assertThat(meanError(TestVideos.hevc(), (r, w) -> r, 65)).isLessThan(12);
        assertThat(meanError(TestVideos.vp9(), (r, w) -> r, 65)).isLessThan(12);
    }

    @Test
    void variableFrameRateKeepsTheSourceTimes() throws Exception {
        // 43 of the 65 frames survive; matching by stream time only works if the times are the source's.
        assertThat(meanError(TestVideos.variableFrameRate(), (r, w) -> r, 43)).isLessThan(12);
    }

    @Test
    void anEmptyRoomGivesNoPose() throws Exception {
        VideoPoseResult r = VideoPoseRunner.run(TestVideos.noPerson(), estimator, f -> { }, p -> { });
        assertThat(r.frames()).isEqualTo(30);
        assertThat(r.framesWithPose()).isZero();
    }

    @Test
    void stillPhotoModeFindsThePersonOnTheFirstFrame() throws Exception {
        var image = org.poseanalytics.pose.video.VideoSource.of(Fixtures.squatVideo()).frameAt(0).orElseThrow();
        List<PersonPose> persons = estimator.estimateImage(image);
        assertThat(persons).hasSize(1);
        double sum = 0;
        for (int k = 0; k < 33; k++) sum += Math.hypot(persons.get(0).keypoint(k).x() - ref[0][k][0], persons.get(0).keypoint(k).y() - ref[0][k][1]);
        assertThat(sum / 33).isLessThan(15);
        assertThat(persons.get(0).world()).hasSize(33);
        assertThat(persons.get(0).score()).isGreaterThan(0.5);
    }
}
