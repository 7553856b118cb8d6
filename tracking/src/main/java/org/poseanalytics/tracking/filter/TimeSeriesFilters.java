package org.poseanalytics.tracking.filter;

import java.util.Arrays;

/**
 * Operations on one scalar channel sampled at real (possibly uneven) timestamps, NaN marking gaps.
 * Variable frame rate is handled by resampling: each gap-free run is linearly resampled to a uniform grid at
 * its median frame interval, filtered there, and read back at the original timestamps. Runs whose timestamps
 * are already uniform (within 1% of the interval) are filtered in place with no resampling error.
 */
public final class TimeSeriesFilters {
    private TimeSeriesFilters() {}

    /**
     * Fills gaps no longer than {@code maxGapS} (time between the samples either side) by linear interpolation
     * in time; longer gaps and gaps at either end stay NaN. Returns which samples were filled.
     */
    public static boolean[] fillGaps(double[] timesS, double[] values, double maxGapS) {
        checkTimes(timesS, values);
        boolean[] filled = new boolean[values.length];
        int i = 0;
        while (i < values.length) {
            if (Double.isFinite(values[i])) { i++; continue; }
            int start = i;
            while (i < values.length && !Double.isFinite(values[i])) i++;
            int before = start - 1;
            int after = i;
            if (before < 0 || after >= values.length) continue;
            double span = timesS[after] - timesS[before];
            if (span > maxGapS + 1e-9) continue;
            for (int j = start; j < after; j++) {
                double f = (timesS[j] - timesS[before]) / span;
                values[j] = values[before] + f * (values[after] - values[before]);
                filled[j] = true;
            }
        }
        return filled;
    }

    /** Zero-phase Butterworth over each gap-free run; gaps stay gaps. Returns a new array. */
    public static double[] butterworth(double[] timesS, double[] values, int order, double cutoffHz) {
        double[] out = values.clone();
        new RunSmoother(timesS, order, cutoffHz).smoothInPlace(out);
        return out;
    }

    /** The highest cutoff we let through for a sample rate: 90% of Nyquist, so the design stays stable. */
    public static double maxCutoff(double sampleRateHz) { return 0.45 * sampleRateHz; }

    /** Median interval between consecutive timestamps in [from, to). */
    public static double medianInterval(double[] t, int from, int to) {
        double[] d = new double[to - from - 1];
        for (int i = from + 1; i < to; i++) d[i - from - 1] = t[i] - t[i - 1];
        Arrays.sort(d);
        double med = d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
        if (!(med > 0)) throw new IllegalArgumentException("timestamps must increase; the median frame interval is " + med + " s");
        return med;
    }

    static boolean isUniform(double[] t, int from, int to, double dt) {
        for (int i = from + 1; i < to; i++) if (Math.abs(t[i] - t[i - 1] - dt) > 0.01 * dt) return false;
        return true;
    }

    static void checkTimes(double[] t, double[] v) {
        checkLengths(t, v);
        checkIncreasing(t);
    }

    static void checkLengths(double[] t, double[] v) {
        if (t.length != v.length) throw new IllegalArgumentException("times and values differ in length: " + t.length + " vs " + v.length);
    }

    static void checkIncreasing(double[] t) {
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("timestamps must strictly increase; sample " + i + " is at " + t[i]
                        + " s after " + t[i - 1] + " s");
            }
        }
    }
}
