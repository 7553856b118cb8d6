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

/**
 * The point tracker on the shared squat video: 5 frames/s, so the knee moves up to ~15 px and the body up to
 * ~50 px between frames. A corner of the wooden box must stay put; the knee, picked where MediaPipe's reference put
 * it, must be followed through the squats and stay near the reference knee.
 */
class SquatVideoPointTest {
    static final int LEFT_KNEE = 25, LANDMARKS = 33;
    static VideoFrames video;
    static double[][] kneeRef; // [frame] {x, y} from the reference output

    @BeforeAll
    static void load() throws Exception {
        video = new FfmpegFrames(Fixtures.squatVideo());
        // The reference is [frame][landmark][x, y, z]; only the numbers are needed.
        Matcher m = Pattern.compile("-?[0-9.]+(?:[eE][-+]?[0-9]+)?").matcher(Files.readString(Fixtures.squatReference2d()));
        List<Double> v = new ArrayList<>();
        while (m.find()) v.add(Double.parseDouble(m.group()));
        int frames = v.size() / (LANDMARKS * 3);
        assertThat(v).hasSize(frames * LANDMARKS * 3);
        kneeRef = new double[frames][];
        for (int k = 0; k < frames; k++) {
            int o = (k * LANDMARKS + LEFT_KNEE) * 3;
            kneeRef[k] = new double[]{v.get(o), v.get(o + 1)};
        }
    }

    static PointTrajectory track(PointSpec spec) {
        List<PointTracker.Step> steps = new ArrayList<>();
        PointTrajectory tr = new PointTracker(PointTracker.Config.defaults(), steps::add).track(video, List.of(spec)).get(0);
        // Per-frame status, so a failure shows where and why the point was lost.
        for (PointTracker.Step s : steps) {
            if (s.method() != PointTracker.Method.FLOW) System.out.printf("[point] frame %d %s fb=%.2f ncc=%.3f window=%d %s%n",
                    s.frame(), s.method(), s.forwardBackwardPx(), s.appearance(), s.windowPx(), s.reason());
        }
        return tr;
    }

    @Test
    void aCornerOfTheBoxInTheBackgroundStaysPut() {
        PointTrajectory tr = track(new PointSpec(105, 733, 6.0)); // top-right corner of the wooden box, picked mid-video
        assertThat(tr.points()).hasSize(kneeRef.length);
        double max = 0;
        for (TrackedPoint p : tr.points()) {
            assertThat(p.occluded()).as("frame %d", p.frame()).isFalse();
            max = Math.max(max, Math.hypot(p.xPx() - 105, p.yPx() - 733));
        }
        System.out.printf("[measured] squat video, static box corner: tracked in %d of %d frames, furthest %.2f px from where it was picked%n",
                tr.points().size(), tr.points().size(), max);
        assertThat(max).isLessThan(3.0);
    }

    /** Picked standing (frame 0) and at the bottom of the second squat (frame 33). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 33})
    void theKneeIsFollowedThroughTheSquatsNearThePoseModelsKnee(int anchor) {
        PointTrajectory tr = track(new PointSpec(kneeRef[anchor][0], kneeRef[anchor][1], anchor / 5.0));
        int seen = 0;
        List<Double> errors = new ArrayList<>();
        for (TrackedPoint p : tr.points()) {
            if (p.occluded()) continue;
            seen++;
            double[] ref = kneeRef[(int) p.frame()];
            errors.add(Math.hypot(p.xPx() - ref[0], p.yPx() - ref[1]));
        }
        double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double refTravel = 0;
        for (int k = 1; k < kneeRef.length; k++) refTravel = Math.max(refTravel, Math.hypot(kneeRef[k][0] - kneeRef[0][0], kneeRef[k][1] - kneeRef[0][1]));
        System.out.printf("[measured] squat video, left knee picked at frame %d: tracked in %d of %d frames; distance to the reference knee"
                        + " median %.1f px, mean %.1f px, max %.1f px (the reference knee moves up to %.1f px from its start)%n",
                anchor, seen, tr.points().size(), e[e.length / 2], Arrays.stream(e).average().orElse(Double.NaN), e[e.length - 1], refTravel);
        assertThat(seen).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * tr.points().size()));
        // Following the knee, not staying where it was picked: closer to the reference than the start point is at the deepest squat.
        assertThat(e[e.length / 2]).isLessThan(20);
        assertThat(e[e.length - 1]).isLessThan(refTravel);
    }
}
