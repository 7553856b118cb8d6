package org.poseanalytics.kinematics.repetition;

import java.util.Arrays;

/** Small signal helpers shared by the repetition, gait and jump stages. */
public final class Signals {
    private Signals() {}

    /**
     * Linear interpolation across gaps (NaN) and the nearest value at the ends, or null when fewer than 3
     * samples are measurable. Event detection needs a value everywhere; reported values only come from
     * measured samples or these straight-line bridges.
     */
    public static double[] fillGaps(double[] v) {
        int valid = (int) Arrays.stream(v).filter(Double::isFinite).count();
        if (valid < 3) return null;
        double[] out = v.clone();
        int prev = -1;
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(v[i])) continue;
            if (prev < 0) Arrays.fill(out, 0, i, v[i]);
            else for (int j = prev + 1; j < i; j++) out[j] = v[prev] + (v[i] - v[prev]) * (j - prev) / (double) (i - prev);
            prev = i;
        }
        Arrays.fill(out, prev + 1, out.length, v[prev]);
        return out;
    }

    /** Running median over an odd window, shrinking at the ends: removes single-sample spikes without lag. */
    public static double[] medianFilter(double[] v, int window) {
        int h = window / 2;
        double[] out = new double[v.length], buf = new double[window];
        for (int i = 0; i < v.length; i++) {
            int from = Math.max(0, i - h), to = Math.min(v.length - 1, i + h), m = 0;
            for (int j = from; j <= to; j++) buf[m++] = v[j];
            Arrays.sort(buf, 0, m);
            out[i] = buf[m / 2];
        }
        return out;
    }

    /** Percentile (0..100) of the finite values, linear between order statistics; NaN when none. */
    public static double percentile(double[] v, double p) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        double r = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(r), hi = (int) Math.ceil(r);
        return s[lo] + (s[hi] - s[lo]) * (r - lo);
    }

    /** Mean of the finite values; NaN when none. */
    public static double mean(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** Mean of two series where both are measurable, else whichever is. */
    public static double[] meanOfTwo(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            boolean fa = Double.isFinite(a[i]), fb = Double.isFinite(b[i]);
            out[i] = fa && fb ? (a[i] + b[i]) / 2 : fa ? a[i] : fb ? b[i] : Double.NaN;
        }
        return out;
    }
}
