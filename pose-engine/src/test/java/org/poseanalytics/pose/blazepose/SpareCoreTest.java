package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.VideoPoseSession;
import org.poseanalytics.pose.testing.TestVideos;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.pose.video.VideoSource;

/**
 * Work moved onto a spare core (issue 17: the periodic detector look beside the landmark call, each crop sampled by
 * two threads) changes nothing in the poses: on a video where a second person walks in (found by a periodic look)
 * and leaves again (lost, so the detector runs on that frame too), every frame's poses equal, number for number,
 * those of the inference thread doing everything itself.
 */
class SpareCoreTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void givesThePosesOfTheInferenceThreadAlone(int threads) throws Exception {
        Run after = run("off", threads), beside = run("on", threads);
        assertThat(after.besideCalls).isZero();
        assertThat(beside.besideCalls).as("periodic looks run beside").isGreaterThan(0);
        assertThat(after.poses.stream().anyMatch(p -> p.size() == 2)).as("the newcomer is found").isTrue();
        assertThat(beside.poses).hasSameSizeAs(after.poses);
        for (int f = 0; f < after.poses.size(); f++) {
            assertThat(beside.poses.get(f)).as("frame %d", f).isEqualTo(after.poses.get(f));
        }
        assertThat(beside.detectCalls).isEqualTo(after.detectCalls);
    }

    private record Run(List<List<PersonPose>> poses, long besideCalls, long detectCalls) {}

    private static Run run(String besideSetting, int threads) throws Exception {
        String before = System.getProperty(SpareCore.PROPERTY);
        System.setProperty(SpareCore.PROPERTY, besideSetting);
        try (BlazePoseEstimator estimator = BlazePoseEstimator.open(BlazePoseVariant.LITE, threads);
             VideoDecoder decoder = VideoSource.of(TestVideos.secondPersonComesAndGoes()).displayed();
             VideoPoseSession session = estimator.openVideo()) {
            List<List<PersonPose>> poses = new ArrayList<>();
            DecodedFrame frame;
            while ((frame = decoder.next()) != null) {
                poses.add(session.next(frame.picture(), frame.timeS()));
                decoder.release(frame);
            }
            return new Run(poses, session.timings().stage("detect-beside").calls(), session.timings().stage("detect").calls());
        } finally {
            if (before == null) System.clearProperty(SpareCore.PROPERTY);
            else System.setProperty(SpareCore.PROPERTY, before);
        }
    }
}
