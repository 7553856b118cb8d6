package org.poseanalytics.tracking.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One smoother for many channels must give each channel exactly what filtering it on its own gives. */
class RunSmootherTest {
    private static final int ORDER = 4;
    private static final double CUTOFF = 6;

    @Test
    void eachRunIsFilteredExactlyAsACopyOfItOnItsOwn() {
        double[] t = uniform(500, 30);
        double[] v = noisy(t, new Random(1));
        gap(v, 120, 131);
        gap(v, 300, 302);
        v[498] = Double.NaN; // a run of one sample at the end stays as it is

        double[] y = v.clone();
        new RunSmoother(t, ORDER, CUTOFF).smoothInPlace(y);

        double[] expected = v.clone();
        for (int[] run : new int[][]{{0, 120}, {131, 300}, {302, 498}}) {
            double[] seg = TimeSeriesFilters.butterworth(Arrays.copyOfRange(t, run[0], run[1]), Arrays.copyOfRange(v, run[0], run[1]),
                    ORDER, CUTOFF);
            System.arraycopy(seg, 0, expected, run[0], seg.length);
        }
        assertThat(y).containsExactly(expected);
        assertThat(y[125]).isNaN();
        assertThat(y[499]).isEqualTo(v[499]);
    }

    @Test
    void reusingItAcrossChannelsChangesNothing() {
        Random rnd = new Random(2);
        double[] t = variableRate(900, rnd);
        double[][] channels = new double[6][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = noisy(t, rnd);
            // Different gaps per channel, so runs of several lengths follow each other through one work array.
            gap(channels[c], 100 + 60 * c, 100 + 60 * c + 5 + 3 * c);
            if (c % 2 == 0) gap(channels[c], 700, 720);
        }
        RunSmoother shared = new RunSmoother(t, ORDER, CUTOFF);
        for (double[] ch : channels) {
            double[] alone = TimeSeriesFilters.butterworth(t, ch, ORDER, CUTOFF);
            double[] reused = ch.clone();
            shared.smoothInPlace(reused);
            assertThat(reused).containsExactly(alone);
        }
        // The same channels again, now with a longer history in the shared arrays: still the same.
        double[] again = channels[3].clone();
        shared.smoothInPlace(again);
        assertThat(again).containsExactly(TimeSeriesFilters.butterworth(t, channels[3], ORDER, CUTOFF));
    }

    @Test
    void refusesTimesThatDoNotIncreaseAndRowsOfAnotherLength() {
        assertThatThrownBy(() -> new RunSmoother(new double[]{0, 0.1, 0.1}, ORDER, CUTOFF))
                .hasMessageContaining("strictly increase");
        RunSmoother s = new RunSmoother(uniform(10, 30), ORDER, CUTOFF);
        assertThatThrownBy(() -> s.smoothInPlace(new double[9])).hasMessageContaining("differ in length");
    }

    private static double[] uniform(int n, double fs) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i / fs;
        return t;
    }

    private static double[] variableRate(int n, Random rnd) {
        double[] t = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            t[i] = acc;
            acc += (rnd.nextDouble() < 0.2 ? 2 : 1) / 30.0 * (0.9 + 0.2 * rnd.nextDouble());
        }
        return t;
    }

    private static double[] noisy(double[] t, Random rnd) {
        double[] v = new double[t.length];
        for (int i = 0; i < v.length; i++) v[i] = 50 * Math.sin(2 * Math.PI * 0.6 * t[i]) + 4 * rnd.nextGaussian();
        return v;
    }

    private static void gap(double[] v, int from, int to) {
        Arrays.fill(v, from, to, Double.NaN);
    }
}
