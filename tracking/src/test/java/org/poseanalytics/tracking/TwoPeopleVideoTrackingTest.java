package org.poseanalytics.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.pipeline.VideoPoseRunner;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.testing.TestVideos;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.Tracks;

/**
 * Two real people (the squat fixture beside its mirror image) through the pose engine as the CLI and the web app
 * run it (default model, the video's own timestamps), then the tracking stage: two stable tracks, one per person,
 * no identity switch, and either person can be chosen as the subject with their own movement.
 */
class TwoPeopleVideoTrackingTest {
    private static final int HALF = TestVideos.SIDE_BY_SIDE_HALF_WIDTH;

    @Test
    void twoStableTracksAndEitherPersonCanBeTheSubject() throws Exception {
        TrackingStage stage = new TrackingStage();
        VideoPoseResult result;
        try (PoseEstimator estimator = PoseModels.open(PoseModels.DEFAULT, 2)) {
            result = VideoPoseRunner.run(TestVideos.twoPeopleSideBySide(), estimator, stage::accept, p -> { });
        }
        Tracks tracks = stage.finish();
        assertThat(tracks.trackIds()).as("track ids").hasSize(2);

        // Each track stays on its person's half of the frame on every frame it is in: no identity switch.
        List<Integer> leftTracks = new ArrayList<>(), rightTracks = new ArrayList<>();
        int switches = 0;
        for (int id : tracks.trackIds()) {
            Boolean onLeft = null;
            for (TrackedFrame f : tracks.frames()) {
                Optional<TrackedPerson> p = f.person(id);
                if (p.isEmpty()) continue;
                boolean left = hipCentreX(p.get().pose()) < HALF;
                if (onLeft == null) onLeft = left;
                else if (onLeft != left) switches++;
                onLeft = left;
            }
            (Boolean.TRUE.equals(onLeft) ? leftTracks : rightTracks).add(id);
        }
        List<Tracks.TrackSummary> summaries = tracks.summaries();
        System.out.printf("[measured] two people side by side through VideoPoseRunner + TrackingStage: %d frames, "
                        + "tracks %s (left %s, right %s), frames per track %s, identity switches %d%n", result.frames(),
                tracks.trackIds(), leftTracks, rightTracks,
                summaries.stream().map(s -> s.trackId() + ":" + s.frames()).toList(), switches);
        assertThat(switches).as("identity switches").isZero();
        assertThat(leftTracks).as("tracks of the left person").hasSize(1);
        assertThat(rightTracks).as("tracks of the right person").hasSize(1);
        for (Tracks.TrackSummary s : summaries) {
            assertThat(s.frames()).as("frames in track %d", s.trackId()).isGreaterThanOrEqualTo((int) result.frames() - 2);
        }

        // Choosing either person gives that person's movement: the left person's left knee is the mirrored right
        // person's right knee, so their knee flexion peaks agree.
        Skeleton sk = Skeleton.BLAZEPOSE_33;
        TrackingStage.Subject left = TrackingStage.subject(tracks, Optional.of(leftTracks.get(0)), FilterConfig.defaults());
        TrackingStage.Subject right = TrackingStage.subject(tracks, Optional.of(rightTracks.get(0)), FilterConfig.defaults());
        assertThat(left.choice().chosenByUser()).isTrue();
        for (String side : new String[]{"left", "right"}) {
            String other = side.equals("left") ? "right" : "left";
            double peakOfLeftPerson = max(FilteringOnTruthTest.knee(left.filtered().series(),
                    sk.indexOf(side + "_hip"), sk.indexOf(side + "_knee"), sk.indexOf(side + "_ankle")));
            double peakOfRightPerson = max(FilteringOnTruthTest.knee(right.filtered().series(),
                    sk.indexOf(other + "_hip"), sk.indexOf(other + "_knee"), sk.indexOf(other + "_ankle")));
            System.out.printf("[measured]   %s knee flexion peak: left person %.1f deg, mirrored right person %.1f deg%n",
                    side, peakOfLeftPerson, peakOfRightPerson);
            assertThat(peakOfRightPerson).as("%s knee peak of the mirrored person", side).isCloseTo(peakOfLeftPerson,
                    org.assertj.core.data.Offset.offset(5.0));
        }
    }

    private static double hipCentreX(PersonPose p) {
        Skeleton sk = Skeleton.BLAZEPOSE_33;
        return (p.keypoint(sk.indexOf("left_hip")).x() + p.keypoint(sk.indexOf("right_hip")).x()) / 2;
    }

    private static double max(double[] a) { return java.util.Arrays.stream(a).filter(Double::isFinite).max().orElseThrow(); }
}
