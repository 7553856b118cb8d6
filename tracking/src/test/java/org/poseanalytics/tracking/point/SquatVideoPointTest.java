package org.poseanalytics.tracking.point;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.video.VideoSource;

/**
 * The point tracker on the shared squat video: 5 frames/s, so the knee moves up to ~15 px and the body up to
 * ~50 px between frames. A corner of the wooden box must stay put; the knee, picked where MediaPipe's reference put
 * it, must be followed through the squats and stay near the reference knee.
 */
class SquatVideoPointTest {
    static final int LEFT_HIP = 23, LEFT_KNEE = 25, LANDMARKS = 33;
    static VideoFrames video;
    static double[][][] ref; // [frame][landmark] {x, y} from the reference output

    @BeforeAll
    static void load() throws Exception {
        video = VideoSource.of(Fixtures.squatVideo())::gray;
        // The reference is [frame][landmark][x, y, z]; only the numbers are needed.
        Matcher m = Pattern.compile("-?[0-9.]+(?:[eE][-+]?[0-9]+)?").matcher(Files.readString(Fixtures.squatReference2d()));
        List<Double> v = new ArrayList<>();
        while (m.find()) v.add(Double.parseDouble(m.group()));
        int frames = v.size() / (LANDMARKS * 3);
        assertThat(v).hasSize(frames * LANDMARKS * 3);
        ref = new double[frames][LANDMARKS][];
        for (int k = 0; k < frames; k++) {
            for (int j = 0; j < LANDMARKS; j++) {
                int o = (k * LANDMARKS + j) * 3;
                ref[k][j] = new double[]{v.get(o), v.get(o + 1)};
            }
        }
    }

    static PointTrajectory track(PointSpec spec) {
        // -Dpoint.trace=true prints every frame's step, not only the searches and losses.
        List<PointTracker.Step> steps = new ArrayList<>();
        PointTrajectory tr = new PointTracker(PointTracker.Config.defaults(), steps::add).track(video, List.of(spec)).get(0);
        // Per-frame status, so a failure shows where and why the point was lost.
        for (PointTracker.Step s : steps) {
            if (s.method() != PointTracker.Method.FLOW || Boolean.getBoolean("point.trace")) System.out.printf("[point] frame %d %s (%.1f, %.1f) fb=%.2f ncc=%.3f window=%d %s%n",
                    s.frame(), s.method(), s.xPx(), s.yPx(), s.forwardBackwardPx(), s.appearance(), s.windowPx(), s.reason());
        }
        return tr;
    }

    @Test
    void aCornerOfTheBoxInTheBackgroundStaysPut() {
        PointTrajectory tr = track(new PointSpec(105, 733, 6.0)); // top-right corner of the wooden box, picked mid-video
        assertThat(tr.points()).hasSize(ref.length);
        double max = 0;
        for (TrackedPoint p : tr.points()) {
            assertThat(p.occluded()).as("frame %d", p.frame()).isFalse();
            max = Math.max(max, Math.hypot(p.xPx() - 105, p.yPx() - 733));
        }
        System.out.printf("[measured] squat video, static box corner: tracked in %d of %d frames, furthest %.2f px from where it was picked%n",
                tr.points().size(), tr.points().size(), max);
        assertThat(max).isLessThan(3.0);
    }

    /** The knee picked standing (frame 0) and at the bottom of the second squat (frame 33). */
    @org.junit.jupiter.params.ParameterizedTest(name = "knee picked at frame {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 33})
    void theKneeIsFollowedThroughTheSquatsNearThePoseModelsKnee(int anchor) {
        double[] e = follow(LEFT_KNEE, anchor, 0.9);
        // Following the knee, not staying where it was picked: nearer the keypoint than the keypoint's own travel.
        assertThat(e[e.length / 2]).isLessThan(20);
    }

    /**
     * The hip, on the hem of the shirt, drops ~35 px a frame while the trunk tips forward and the hem folds: the flow's
     * round trip fails on the fastest descents and the point is flagged lost until the template finds it again. A
     * known limit at 5 fps, measured here so a change shows: it must still be followed on most frames and, where it
     * is, stay near the hip.
     */
    @Test
    void theHipIsFollowedOnMostFramesAndNearTheHipWhereItIs() {
        double[] e = follow(LEFT_HIP, 0, 0.5);
        assertThat(e[e.length / 2]).isLessThan(25);
    }

    /** Tracks the landmark from where the reference has it at the anchor; returns the sorted distances to the reference. */
    private double[] follow(int landmark, int anchor, double minShareSeen) {
        PointTrajectory tr = track(new PointSpec(ref[anchor][landmark][0], ref[anchor][landmark][1], anchor / 5.0));
        int seen = 0;
        List<Double> errors = new ArrayList<>();
        for (TrackedPoint p : tr.points()) {
            if (p.occluded()) continue;
            seen++;
            double[] r = ref[(int) p.frame()][landmark];
            errors.add(Math.hypot(p.xPx() - r[0], p.yPx() - r[1]));
        }
        double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double travel = 0;
        for (int k = 1; k < ref.length; k++) travel = Math.max(travel, Math.hypot(ref[k][landmark][0] - ref[anchor][landmark][0], ref[k][landmark][1] - ref[anchor][landmark][1]));
        System.out.printf("[measured] squat video, landmark %d picked at frame %d: tracked in %d of %d frames; distance to the reference"
                        + " keypoint median %.1f px, mean %.1f px, max %.1f px (the reference keypoint moves up to %.1f px from there)%n",
                landmark, anchor, seen, tr.points().size(), e[e.length / 2], Arrays.stream(e).average().orElse(Double.NaN), e[e.length - 1], travel);
        assertThat(seen).isGreaterThanOrEqualTo((int) Math.ceil(minShareSeen * tr.points().size()));
        assertThat(e[e.length - 1]).as("largest distance to the reference, against its travel").isLessThan(travel);
        return e;
    }
}
