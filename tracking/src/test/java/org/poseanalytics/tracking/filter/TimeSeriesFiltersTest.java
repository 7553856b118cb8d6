package org.poseanalytics.tracking.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeSeriesFiltersTest {

    @Test
    void fillsShortGapsInTimeAndLeavesLongOnes() {
        double[] t = {0, 0.1, 0.2, 0.5, 0.6, 0.7, 1.5, 1.6};
        double[] v = {0, 1, Double.NaN, 5, 6, Double.NaN, Double.NaN, 16};
        boolean[] filled = TimeSeriesFilters.fillGaps(t, v, 0.3);
        // Gap between 0.1 s and 0.5 s is 0.4 s: too long. Between 0.6 s and 1.6 s: too long.
        assertThat(filled).containsOnly(false);
        double[] v2 = {0, 1, Double.NaN, 5, 6, Double.NaN, Double.NaN, 16};
        boolean[] filled2 = TimeSeriesFilters.fillGaps(t, v2, 0.4);
        assertThat(filled2[2]).isTrue();
        // Linear in time, not in index: 0.2 s is a quarter of the way from 0.1 s to 0.5 s.
        assertThat(v2[2]).isCloseTo(2, within(1e-9));
        assertThat(v2[5]).isNaN();
    }

    @Test
    void variableFrameRateIsFilteredAsWellAsAUniformOne() {
        Random rnd = new Random(7);
        int n = 400;
        double[] t = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            t[i] = acc;
            acc += (rnd.nextDouble() < 0.3 ? 2 : 1) / 30.0 * (0.9 + 0.2 * rnd.nextDouble()); // dropped frames + jitter
        }
        double[] v = new double[n];
        double[] clean = new double[n];
        for (int i = 0; i < n; i++) {
            clean[i] = 80 * Math.sin(2 * Math.PI * 0.7 * t[i]);
            v[i] = clean[i] + 3 * rnd.nextGaussian();
        }
        double[] y = TimeSeriesFilters.butterworth(t, v, 4, 6);
        double rawErr = 0, err = 0;
        for (int i = 0; i < n; i++) {
            rawErr += Math.pow(v[i] - clean[i], 2);
            err += Math.pow(y[i] - clean[i], 2);
        }
        assertThat(Math.sqrt(err / n)).isLessThan(0.8 * Math.sqrt(rawErr / n));
        assertThat(Math.sqrt(err / n)).isLessThan(2.0);
    }

    @Test
    void gapsSplitTheFilterAndStayGaps() {
        double[] t = new double[100];
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) { t[i] = i / 30.0; v[i] = i < 50 ? 10 : 200; }
        for (int i = 45; i < 55; i++) v[i] = Double.NaN;
        double[] y = TimeSeriesFilters.butterworth(t, v, 4, 6);
        assertThat(y[50]).isNaN();
        // No smearing of the level of one run into the other across the gap.
        assertThat(y[44]).isCloseTo(10, within(1e-6));
        assertThat(y[55]).isCloseTo(200, within(1e-6));
    }

    @Test
    void timestampsMustIncrease() {
        assertThatThrownBy(() -> TimeSeriesFilters.butterworth(new double[]{0, 0.1, 0.1}, new double[]{1, 2, 3}, 4, 6))
                .hasMessageContaining("strictly increase");
    }
}
