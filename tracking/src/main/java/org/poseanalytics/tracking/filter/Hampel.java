package org.poseanalytics.tracking.filter;

import java.util.Arrays;

/**
 * Hampel outlier detection on real timestamps: a sample is an outlier when it lies more than {@code k}
 * scaled median absolute deviations from the median of the samples within ±{@code halfWindowS} seconds.
 * The window is in seconds, not samples, so a phone video with a variable frame rate gets the same time
 * support everywhere. Outliers are reported, not replaced: the caller turns them into gaps and lets the gap
 * filler bridge them, so no value is invented here.
 */
public final class Hampel {
    /** Makes the MAD a consistent estimator of the standard deviation for Gaussian noise. */
    private static final double MAD_SCALE = 1.4826;

    private final double halfWindowS;
    private final double k;
    private final double minDeviation;

    /**
     * @param minDeviation absolute floor on the threshold (same unit as the values), so a perfectly still
     *                     segment with MAD 0 does not flag sub-pixel noise
     */
    public Hampel(double halfWindowS, double k, double minDeviation) {
        if (!(halfWindowS > 0)) throw new IllegalArgumentException("Hampel half window must be > 0 s, got " + halfWindowS);
        if (!(k > 0)) throw new IllegalArgumentException("Hampel threshold k must be > 0, got " + k);
        if (minDeviation < 0) throw new IllegalArgumentException("Hampel minimum deviation must be >= 0, got " + minDeviation);
        this.halfWindowS = halfWindowS;
        this.k = k;
        this.minDeviation = minDeviation;
    }

    /** Flags outliers among the finite values; NaN samples are ignored and never flagged. */
    public boolean[] outliers(double[] timesS, double[] values) {
        if (timesS.length != values.length) throw new IllegalArgumentException("times and values differ in length");
        int n = values.length;
        boolean[] out = new boolean[n];
        double[] window = new double[n];
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) continue;
            while (timesS[lo] < timesS[i] - halfWindowS) lo++;
            if (hi < i) hi = i;
            while (hi + 1 < n && timesS[hi + 1] <= timesS[i] + halfWindowS) hi++;
            int m = 0;
            for (int j = lo; j <= hi; j++) if (Double.isFinite(values[j])) window[m++] = values[j];
            if (m < 3) continue; // too few neighbours to judge
            double med = median(window, m);
            for (int j = 0; j < m; j++) window[j] = Math.abs(window[j] - med);
            double mad = MAD_SCALE * median(window, m);
            out[i] = Math.abs(values[i] - med) > Math.max(k * mad, minDeviation);
        }
        return out;
    }

    private static double median(double[] a, int m) {
        Arrays.sort(a, 0, m);
        return m % 2 == 1 ? a[m / 2] : 0.5 * (a[m / 2 - 1] + a[m / 2]);
    }
}
