package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class HeatmapRefinementTest {
    @Test
    void movesAPointToTheConfidenceWeightedCentreOfItsWindow() {
        int size = 64, channels = 2;
        FloatBuffer heat = FloatBuffer.allocate(size * size * channels);
        for (int i = 0; i < heat.capacity(); i++) heat.put(i, -20f); // sigmoid ≈ 0
        // Channel 0: two equally confident cells at (col 20,row 30) and (22,30): centre col 21.
        heat.put((30 * size + 20) * channels, 10f);
        heat.put((30 * size + 22) * channels, 10f);
        // Channel 1: nothing confident, the point must stay.
        double[] x = {20.2 / size, 0.3}, y = {30.4 / size, 0.6};
        HeatmapRefinement.refine(heat, size, channels, x, y);
        assertThat(x[0]).isCloseTo(21.0 / size, within(1e-6));
        assertThat(y[0]).isCloseTo(30.0 / size, within(1e-6));
        assertThat(x[1]).isEqualTo(0.3);
        assertThat(y[1]).isEqualTo(0.6);
    }
}
