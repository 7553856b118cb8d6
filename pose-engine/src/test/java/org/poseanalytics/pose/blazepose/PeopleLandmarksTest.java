package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.testing.TestVideos;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.FrameLayout;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.pose.video.VideoSource;

/**
 * Several people's crops run side by side on separate interpreters give the landmarks that one interpreter gives
 * running them one after another, in the ROIs' order.
 */
class PeopleLandmarksTest {
    @Test
    void sideBySideEqualsOneAfterAnother() throws Exception {
        try (PoseDetector detector = new PoseDetector(2);
             PeopleLandmarks people = new PeopleLandmarks(BlazePoseVariant.LITE, 2, new LandmarkModel(BlazePoseVariant.LITE, 2));
             VideoDecoder decoder = VideoSource.of(TestVideos.twoPeopleSideBySide()).displayed(FrameLayout.YUV420, 1)) {
            DecodedFrame frame = decoder.next();
            Picture picture = frame.picture();
            List<Roi> rois = detector.detect(picture, 2).stream().map(PoseDetector::roiOf).toList();
            assertThat(rois).hasSize(2);
            List<Roi> three = List.of(rois.get(0), rois.get(1), rois.get(0)); // more people than threads: lanes take turns
            List<Landmarks> together = people.run(picture, three, 0.5);
            for (int i = 0; i < three.size(); i++) {
                Landmarks alone = people.single().run(picture, three.get(i), 0.5);
                assertThat(together.get(i).score()).isCloseTo(alone.score(), org.assertj.core.data.Offset.offset(1e-5));
                for (int k = 0; k < Landmarks.BODY; k++) {
                    assertThat(Math.hypot(together.get(i).x()[k] - alone.x()[k], together.get(i).y()[k] - alone.y()[k]))
                            .as("person %d, landmark %d, px", i, k).isLessThan(0.05);
                }
            }
            assertThat(together.get(0).x()[0]).isNotEqualTo(together.get(1).x()[0]);
        }
    }
}
