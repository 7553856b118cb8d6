package org.poseanalytics.tracking.filter;

import java.util.Arrays;

/**
 * Hampel outlier detection on real timestamps: a sample is an outlier when it lies more than {@code k}
 * scaled median absolute deviations from what its neighbours within ±{@code halfWindowS} seconds predict.
 * The prediction is a robust local line (Theil–Sen slope, median intercept) rather than the plain window median:
 * a limb moving fast spreads the window's values so much that the plain median/MAD misses real spikes, while
 * the residuals around the local line stay as small as the noise. The centre sample is left out of its own fit.
 * The window is in seconds, not samples, so a phone video with a variable frame rate gets the same time
 * support everywhere. Outliers are reported, not replaced: the caller turns them into gaps and lets the gap
 * filler bridge them, so no value is invented here. Above 60 fps the window is thinned to evenly spaced neighbours
 * (at most {@link #MAX_NEIGHBOURS}), so a 1000 fps clip costs about what a 60 fps one does per sample; below 15 fps
 * it is widened to hold three samples a side ({@link #MIN_PER_SIDE}), as a median of fewer deviations says nothing.
 */
public final class Hampel {
    /** Makes the MAD a consistent estimator of the standard deviation for Gaussian noise. */
    private static final double MAD_SCALE = 1.4826;
    /** The most neighbours a sample is judged against: a ±0.2 s window at 60 fps. */
    static final int MAX_NEIGHBOURS = 24;
    /** The fewest samples a side a sample is judged against, where the time window allows ({@link #MAX_WIDENING}). */
    static final int MIN_PER_SIDE = 3;
    /** How far the window may widen to find them: 1.75 × ±0.2 s = ±0.35 s, three samples a side down to 8.6 fps. */
    static final double MAX_WIDENING = 1.75;

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
        // Sized to the widest window met, not to the series: an hour's series is 108,000 samples, a window a few dozen.
        double[] window = new double[0];
        double[] wt = new double[0];
        double[] resid = new double[0];
        double[] slopes = new double[0];
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) continue;
            while (timesS[lo] < timesS[i] - halfWindowS) lo++;
            if (hi < i) hi = i;
            while (hi + 1 < n && timesS[hi + 1] <= timesS[i] + halfWindowS) hi++;
            // Below 15 fps the window holds too few samples for their median deviation to mean anything (at 10 fps,
            // two a side: a walking limb's curve then fits its four neighbours' line better than the centre, and most
            // samples were condemned). Widen it to three a side, up to MAX_WIDENING times its span (±0.3 s at 10 fps).
            int from = lo, to = hi;
            double reach = halfWindowS * MAX_WIDENING;
            while (i - from < MIN_PER_SIDE && from > 0 && timesS[from - 1] >= timesS[i] - reach) from--;
            while (to - i < MIN_PER_SIDE && to + 1 < n && timesS[to + 1] <= timesS[i] + reach) to++;
            // At the ends the local line would be extrapolated from one side only: too weak to condemn a sample.
            if (from == i || to == i) continue;
            int span = to - from + 1;
            if (window.length < span) {
                window = new double[span];
                wt = new double[span];
                resid = new double[span];
            }
            if (slopes.length < span * span / 2 + 1) slopes = new double[span * span / 2 + 1];
            // A high-speed camera puts hundreds of samples in the window (400 at 1000 fps), and the slopes of every
            // pair grow with its square: keep at most MAX_NEIGHBOURS, evenly spaced and centred on the sample. Up to
            // 60 fps the whole window is used, as before.
            int stride = Math.max(1, (to - from + MAX_NEIGHBOURS - 1) / MAX_NEIGHBOURS);
            int m = 0;
            for (int j = i - (i - from) / stride * stride; j <= to; j += stride) {
                if (j != i && Double.isFinite(values[j])) { wt[m] = timesS[j] - timesS[i]; window[m++] = values[j]; }
            }
            if (m < 3) continue; // too few neighbours to judge
            int s = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) if (wt[b] != wt[a]) slopes[s++] = (window[b] - window[a]) / (wt[b] - wt[a]);
            }
            double slope = s == 0 ? 0 : median(slopes, s);
            for (int j = 0; j < m; j++) resid[j] = window[j] - slope * wt[j];
            double level = median(resid, m);
            for (int j = 0; j < m; j++) resid[j] = Math.abs(resid[j] - level);
            double mad = MAD_SCALE * median(resid, m);
            out[i] = Math.abs(values[i] - level) > Math.max(k * mad, minDeviation);
        }
        return out;
    }

    private static double median(double[] a, int m) {
        Arrays.sort(a, 0, m);
        return m % 2 == 1 ? a[m / 2] : 0.5 * (a[m / 2 - 1] + a[m / 2]);
    }
}
