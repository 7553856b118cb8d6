package org.poseanalytics.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.testing.SyntheticPerson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The MediaPipe reference landmarks of the shared squat video through the whole stage. */
class SquatFixtureTest {

    @Test
    void filteredKneeAngleIsSmoothAndKeepsItsPeaks() throws Exception {
        Path file = Fixtures.squatReference2d();
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        TrackingStage stage = new TrackingStage();
        int frame = 0;
        for (JsonNode f : root) {
            List<Keypoint> kps = new ArrayList<>();
            for (JsonNode p : f) kps.add(new Keypoint(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble(), 1, 1));
            PersonPose pose = new PersonPose(Skeleton.BLAZEPOSE_33, kps, List.of(), SyntheticPerson.box(kps), 1);
            stage.accept(new FramePoses(frame, frame / 30.0, 720, 1280, List.of(pose)));
            frame++;
        }
        Tracks tracks = stage.finish();
        assertThat(tracks.trackIds()).hasSize(1);
        TrackingStage.Subject s = TrackingStage.subject(tracks, java.util.Optional.empty(), FilterConfig.defaults());
        Skeleton sk = Skeleton.BLAZEPOSE_33;
        for (String side : new String[]{"left", "right"}) {
            int h = sk.indexOf(side + "_hip"), k = sk.indexOf(side + "_knee"), a = sk.indexOf(side + "_ankle");
            double[] raw = FilteringOnTruthTest.knee(s.raw(), h, k, a);
            double[] filt = FilteringOnTruthTest.knee(s.filtered().series(), h, k, a);
            double[] t = s.raw().timesS();
            double rawMax = max(raw), filtMax = max(filt), rawMin = min(raw), filtMin = min(filt);
            double accRaw = SyntheticPerson.meanSquaredAcceleration(t, raw), accF = SyntheticPerson.meanSquaredAcceleration(t, filt);
            System.out.printf("[measured] squat fixture %s knee flexion: peak raw %.2f / filtered %.2f deg, minimum raw %.2f / filtered %.2f deg, "
                    + "mean squared angular acceleration raw %.0f -> filtered %.0f (deg/s^2)^2, swaps repaired %d, side-confused samples %d%n",
                    side, rawMax, filtMax, rawMin, filtMin, accRaw, accF, s.filtered().swaps().size(), confused(s.filtered().sideConfused()));
            assertThat(confused(s.filtered().sideConfused())).as("no side confusion in MediaPipe's own landmarks of a frontal squat").isZero();
            assertThat(Math.abs(filtMax - rawMax)).isLessThan(3);
            assertThat(Math.abs(filtMin - rawMin)).isLessThan(3);
            assertThat(accF).isLessThan(accRaw);
        }
    }

    private static int confused(java.util.BitSet[] m) {
        int n = 0;
        for (java.util.BitSet row : m) n += row.cardinality();
        return n;
    }

    private static double max(double[] a) { return java.util.Arrays.stream(a).filter(Double::isFinite).max().orElseThrow(); }

    private static double min(double[] a) { return java.util.Arrays.stream(a).filter(Double::isFinite).min().orElseThrow(); }
}
