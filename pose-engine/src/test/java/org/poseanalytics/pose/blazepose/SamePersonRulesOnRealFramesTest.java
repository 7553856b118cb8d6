package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.testing.TestVideos;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.pose.video.VideoSource;

/**
 * The thresholds of the multi-person video mode's "same person?" rules against the real landmark model, not only
 * synthetic bodies: one body seen through ROIs moved by a tenth of their size (as two follows converging on it
 * would be) must count as one pose, so the follows merge; the two people of the side-by-side video must not.
 */
class SamePersonRulesOnRealFramesTest {

    @Test
    void oneBodyThroughShiftedRoisIsOnePoseTwoPeopleAreTwo() throws Exception {
        try (PoseDetector detector = new PoseDetector(2); LandmarkModel model = new LandmarkModel(BlazePoseVariant.FULL, 2)) {
            RgbImage squat = firstFrame(Fixtures.squatVideo());
            Roi roi = PoseDetector.roiOf(detector.detect(squat, 4).get(0));
            FollowedPerson person = FollowedPerson.startFrom(model.run(squat, roi, BlazePoseTracker.MIN_POSE_SCORE), 0);
            double worstSame = 0;
            for (double[] shift : new double[][]{{0.1, 0}, {-0.1, 0}, {0, 0.1}, {0, -0.1}, {0.07, 0.07}}) {
                Roi moved = new Roi(roi.centerX() + shift[0] * roi.size(), roi.centerY() + shift[1] * roi.size(),
                        roi.size() * 1.1, roi.rotation());
                Landmarks seen = model.run(squat, moved, BlazePoseTracker.MIN_POSE_SCORE);
                assertThat(seen.score()).as("pose presence through a moved ROI").isGreaterThanOrEqualTo(BlazePoseTracker.MIN_POSE_SCORE);
                worstSame = Math.max(worstSame, person.poseDistance(seen));
                assertThat(person.isSamePose(seen)).as("same body through ROI moved by %s", java.util.Arrays.toString(shift)).isTrue();
            }

            RgbImage two = firstFrame(TestVideos.twoPeopleSideBySide());
            List<FollowedPerson> people = new ArrayList<>();
            for (Detection d : detector.detect(two, 4)) {
                Landmarks l = model.run(two, PoseDetector.roiOf(d), BlazePoseTracker.MIN_POSE_SCORE);
                if (l.score() >= BlazePoseTracker.MIN_POSE_SCORE) people.add(FollowedPerson.startFrom(l, 0));
            }
            assertThat(people).as("people found on the first frame of the side-by-side video").hasSize(2);
            double apart = people.get(0).poseDistance(people.get(1).landmarks());
            System.out.printf("[measured] same-person rule (threshold %.2f): one body through ROIs moved by 10%%: up to %.3f;"
                    + " the two people side by side: %.3f (alignment radii)%n", FollowedPerson.SAME_POSE, worstSame, apart);
            assertThat(people.get(0).isSamePose(people.get(1).landmarks())).as("the two people are one pose").isFalse();
            // Neither detection is taken for the other person found again.
            assertThat(people.get(0).isNear(detector.detect(two, 4).get(1))).isFalse();
        }
    }

    private static RgbImage firstFrame(Path video) throws Exception {
        try (VideoDecoder decoder = VideoSource.of(video).displayed()) {
            DecodedFrame f = decoder.next();
            return f.image(); // a plain byte array: stays valid after the decoder closes
        }
    }
}
