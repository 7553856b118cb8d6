package org.poseanalytics.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.testing.SyntheticWalker;

/**
 * The model's 3D (world) guess jumping while the point in the image holds costs the 3D sample, not the 2D one: on a
 * small person walking at 10 fps the world landmarks jumped by centimetres from frame to frame, and blanking the whole
 * sample for it turned half of the measured image samples into gaps (docs/BENCHMARKS.md, "A small walker at 10 fps").
 */
class DepthJumpTest {
    private static final SyntheticWalker WALKER = new SyntheticWalker(400, 120, 0.9, 25, 20);
    private static final int N = 180;
    private static final double FPS = 30;

    @Test
    void aWorldOnlyJumpBlanksTheWorldPointAndKeepsTheImageOne() {
        int knee = SyntheticWalker.SK.indexOf("left_knee"), hip = SyntheticWalker.SK.indexOf("left_hip");
        KeypointSeries raw = walker(new Random(7));
        int[] depthJumps = {40, 95, 150};
        for (int i : depthJumps) raw.worldZ().set(knee, i, raw.worldZ().get(knee, i) + 0.3f);
        int imageSpike = 120;
        raw.x().set(hip, imageSpike, raw.x().get(hip, imageSpike) + 40);

        FilteredSeries f = SeriesPipeline.filter(raw, FilterConfig.defaults());

        for (int i : depthJumps) {
            double[] truth = WALKER.truth(i / FPS)[knee];
            assertThat(f.isGap(knee, i)).as("image sample %d", i).isFalse();
            assertThat(f.isInterpolated(knee, i)).as("image sample %d measured, not filled", i).isFalse();
            assertThat(f.isOutlier(knee, i)).isFalse();
            assertThat((double) f.series().x().get(knee, i)).as("image x %d", i).isCloseTo(truth[0], within(2.0));
            // The world point was rejected and bridged over its neighbours: the jump is gone.
            assertThat((double) f.series().worldZ().get(knee, i)).as("world z %d", i).isCloseTo(worldZ(knee), within(0.05));
        }
        // A jump in the image still costs the whole sample: the image point is bridged, and so is the world one.
        assertThat(f.isOutlier(hip, imageSpike)).isTrue();
        assertThat(f.isInterpolated(hip, imageSpike)).isTrue();
        assertThat((double) f.series().x().get(hip, imageSpike)).isCloseTo(WALKER.truth(imageSpike / FPS)[hip][0], within(3.0));
        assertThat((double) f.series().worldX().get(hip, imageSpike)).isCloseTo(WALKER.truth(imageSpike / FPS)[hip][0] / WALKER.heightPx() * 1.7, within(0.02));
    }

    /** The walker in the image (±0.5 px of noise) and a world guess of it in metres (±5 mm), z a fixed depth per side. */
    private static KeypointSeries walker(Random rnd) {
        int k = SyntheticWalker.SK.size();
        float[][] x = new float[k][N], y = new float[k][N], z = new float[k][N], v = new float[k][N];
        float[][] wx = new float[k][N], wy = new float[k][N], wz = new float[k][N];
        long[] frames = new long[N];
        double[] t = new double[N];
        for (int i = 0; i < N; i++) {
            frames[i] = i;
            t[i] = i / FPS;
            double[][] p = WALKER.truth(t[i]);
            for (int l = 0; l < k; l++) {
                x[l][i] = (float) (p[l][0] + 0.5 * rnd.nextGaussian());
                y[l][i] = (float) (p[l][1] + 0.5 * rnd.nextGaussian());
                v[l][i] = 0.99f;
                wx[l][i] = (float) (p[l][0] / WALKER.heightPx() * 1.7 + 0.005 * rnd.nextGaussian());
                wy[l][i] = (float) (p[l][1] / WALKER.heightPx() * 1.7 + 0.005 * rnd.nextGaussian());
                wz[l][i] = (float) (worldZ(l) + 0.005 * rnd.nextGaussian());
            }
        }
        return KeypointSeries.of(SyntheticWalker.SK, frames, t, x, y, z, v, wx, wy, wz, "raw");
    }

    private static double worldZ(int landmark) {
        return SyntheticWalker.SK.name(landmark).startsWith("left") ? 0.1 : -0.1;
    }
}
