package org.poseanalytics.tracking.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ButterworthTest {

    @Test
    void zeroPhaseResponseIsMinus3dBAtTheCutoffAndUnityAtDc() {
        for (int order : new int[]{2, 4, 6}) {
            Butterworth b = new Butterworth(order, 6, 30);
            assertThat(b.gainAt(0)).isCloseTo(1, within(1e-9));
            assertThat(b.gainAt(6)).as("order %d", order).isCloseTo(Math.sqrt(0.5), within(1e-6));
            assertThat(b.gainAt(12)).isLessThan(0.2);
        }
    }

    @Test
    void keepsSlowMotionAndItsTimingWhileRemovingFastNoise() {
        double fs = 30;
        int n = 300;
        double[] clean = new double[n];
        double[] noisy = new double[n];
        for (int i = 0; i < n; i++) {
            clean[i] = 100 * Math.sin(2 * Math.PI * 0.5 * i / fs);
            noisy[i] = clean[i] + 10 * Math.sin(2 * Math.PI * 13 * i / fs);
        }
        double[] y = new Butterworth(4, 6, fs).filtfilt(noisy);
        double maxErr = 0;
        // The outermost samples are anchored by the odd reflection to their own (noisy) values, as in scipy's
        // filtfilt; judge the interior.
        for (int i = 3; i < n - 3; i++) maxErr = Math.max(maxErr, Math.abs(y[i] - clean[i]));
        assertThat(maxErr).as("13 Hz removed, 0.5 Hz kept, no phase lag").isLessThan(1.0);
        // Ends are not pulled towards zero.
        double[] ramp = new double[60];
        for (int i = 0; i < 60; i++) ramp[i] = 500 + 2 * i;
        double[] r = new Butterworth(4, 6, fs).filtfilt(ramp);
        assertThat(r[0]).isCloseTo(500, within(0.5));
        assertThat(r[59]).isCloseTo(618, within(0.5));
    }

    @Test
    void rejectsBadSettingsWithReasons() {
        assertThatThrownBy(() -> new Butterworth(3, 6, 30)).hasMessageContaining("even");
        assertThatThrownBy(() -> new Butterworth(4, 15, 30)).hasMessageContaining("Nyquist");
        assertThatThrownBy(() -> new Butterworth(4, 6, 0)).hasMessageContaining("sample rate");
        assertThatThrownBy(() -> new Butterworth(4, 6, 30).filtfilt(new double[]{1, Double.NaN, 2, 3, 4}))
                .hasMessageContaining("gap-free");
    }

    @Test
    void aRangeFilteredInPlaceWithALeftoverWorkArrayEqualsTheRangeFilteredOnItsOwn() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) x[i] = 30 * Math.cos(i / 9.0) + (i % 7) - 3;
        Butterworth b = new Butterworth(4, 6, 30);
        double[] expected = b.filtfilt(java.util.Arrays.copyOfRange(x, 40, 170));
        double[] work = new double[b.workLength(x.length)];
        java.util.Arrays.fill(work, 1e9); // what an earlier, longer row left behind
        double[] y = x.clone();
        b.filtfilt(y, 40, 170, y, work);
        assertThat(java.util.Arrays.copyOfRange(y, 40, 170)).containsExactly(expected);
        assertThat(java.util.Arrays.copyOfRange(y, 0, 40)).containsExactly(java.util.Arrays.copyOfRange(x, 0, 40));
        assertThat(java.util.Arrays.copyOfRange(y, 170, 200)).containsExactly(java.util.Arrays.copyOfRange(x, 170, 200));
        assertThatThrownBy(() -> b.filtfilt(x, 0, 200, new double[200], new double[10])).hasMessageContaining("work array");
    }
}
