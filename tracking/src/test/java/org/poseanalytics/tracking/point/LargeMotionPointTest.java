package org.poseanalytics.tracking.point;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.video.GrayFrame;
import org.poseanalytics.pose.video.GrayFrames;

/**
 * Large motion between frames, as in a phone video at 5 fps or a fast bar: a textured patch jumps by known
 * 30–60 px steps (in x and in y at once, so up to 85 px; changing direction at the edges) over a textured background.
 */
class LargeMotionPointTest {
    static final int W = 640, H = 480, OBJ = 80, FRAMES = 60;

    /** Known top-left corners, sub-pixel, each step 30–60 px in x and in y. */
    static double[][] path(long seed) {
        Random r = new Random(seed);
        double[][] p = new double[FRAMES][];
        double x = 100.3, y = 80.6, dx = 1, dy = 1;
        for (int k = 0; k < FRAMES; k++) {
            p[k] = new double[]{x, y};
            double sx = 30 + 30 * r.nextDouble(), sy = 30 + 30 * r.nextDouble();
            if (x + dx * sx < 10 || x + dx * sx > W - OBJ - 10) dx = -dx;
            if (y + dy * sy < 10 || y + dy * sy > H - OBJ - 10) dy = -dy;
            x += dx * sx;
            y += dy * sy;
        }
        return p;
    }

    static VideoFrames frames(double[][] path, long seed) {
        Random r = new Random(seed);
        byte[] background = new byte[W * H], object = new byte[OBJ * OBJ];
        PointTrackerTest.Scene.blobs(background, W, H, r, 1600);
        PointTrackerTest.Scene.blobs(object, OBJ, OBJ, r, 60);
        return () -> new GrayFrames() {
            int k = 0;

            @Override
            public Optional<GrayFrame> next() {
                if (k >= path.length) return Optional.empty();
                int i = k++;
                byte[] px = background.clone();
                PointTrackerTest.Scene.paste(px, W, H, object, OBJ, path[i][0], path[i][1]);
                return Optional.of(new GrayFrame(i, i / 5.0, W, H, px));
            }

            @Override
            public void close() { }
        };
    }

    @Test
    void followsAPatchJumpingThirtyToSixtyPixelsAFrame() {
        double[][] path = path(7);
        double minStep = Double.MAX_VALUE, maxStep = 0;
        for (int k = 1; k < FRAMES; k++) {
            minStep = Math.min(minStep, Math.min(Math.abs(path[k][0] - path[k - 1][0]), Math.abs(path[k][1] - path[k - 1][1])));
            maxStep = Math.max(maxStep, Math.hypot(path[k][0] - path[k - 1][0], path[k][1] - path[k - 1][1]));
        }
        assertThat(minStep).isGreaterThanOrEqualTo(30); // the test really moves the patch that far
        int anchor = 25;
        double u = 38.5, v = 41.25;
        PointSpec spec = new PointSpec(path[anchor][0] + u, path[anchor][1] + v, anchor / 5.0);
        PointTrajectory tr = new PointTracker().track(frames(path, 8), List.of(spec)).get(0);
        int seen = 0;
        double sum = 0, max = 0;
        for (TrackedPoint p : tr.points()) {
            int k = (int) p.frame();
            assertThat(p.occluded()).as("frame %d", k).isFalse();
            seen++;
            double e = Math.hypot(p.xPx() - (path[k][0] + u), p.yPx() - (path[k][1] + v));
            sum += e;
            max = Math.max(max, e);
        }
        System.out.printf("[measured] point tracking, patch jumping %.0f-%.0f px per frame (30-60 px per axis) over %d frames: tracked in %d, mean error %.3f px, max %.3f px%n",
                minStep, maxStep, FRAMES, seen, sum / seen, max);
        assertThat(max).isLessThan(1.0);
    }
}
