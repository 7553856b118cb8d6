package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesStorage;

/** A stored series read back: a long one (an hour's page) goes to files as it is decoded, with the same floats. */
class FloatArraysTest {
    @Test
    void aLongSeriesIsReadBackIntoFilesWithEveryFloat() {
        Skeleton skeleton = Skeleton.BLAZEPOSE_33;
        int n = SeriesStorage.SPILL_FROM_SAMPLES, l = skeleton.size();
        Random random = new Random(17);
        float[] keypoints = new float[n * l * FloatArrays.STRIDE], world = new float[n * l * 3];
        for (int i = 0; i < keypoints.length; i++) keypoints[i] = i % 97 == 0 ? Float.NaN : random.nextFloat() * 1000;
        for (int i = 0; i < world.length; i++) world[i] = random.nextFloat() - 0.5f;
        long[] frames = new long[n];
        double[] times = new double[n];
        for (int i = 0; i < n; i++) { frames[i] = i; times[i] = i / 30.0; }

        KeypointSeries s = FloatArrays.series(skeleton, frames, times, bytes(keypoints), bytes(world), "raw");

        assertThat(s.storage()).isEqualTo(SeriesStorage.SPILLED);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++) {
                int k = (i * l + j) * FloatArrays.STRIDE, w = (i * l + j) * 3;
                assertThat(bits(s.x().get(j, i), s.y().get(j, i), s.z().get(j, i), s.visibility().get(j, i)))
                        .isEqualTo(bits(keypoints[k], keypoints[k + 1], keypoints[k + 2], keypoints[k + 3]));
                assertThat(bits(s.worldX().get(j, i), s.worldY().get(j, i), s.worldZ().get(j, i)))
                        .isEqualTo(bits(world[w], world[w + 1], world[w + 2]));
            }
    }

    /** The floats' bits, so NaN compares with NaN. */
    private static List<Integer> bits(float... values) {
        List<Integer> out = new ArrayList<>();
        for (float v : values) out.add(Float.floatToRawIntBits(v));
        return out;
    }

    private static byte[] bytes(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }
}
