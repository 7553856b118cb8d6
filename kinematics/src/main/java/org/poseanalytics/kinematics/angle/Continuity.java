package org.poseanalytics.kinematics.angle;

import java.util.Arrays;

/** Keeps angles continuous over time and derives angular velocity. */
public final class Continuity {
    private Continuity() {}

    /**
     * Removes 360° jumps (an atan2 result crossing ±180°, e.g. an arm passing overhead) by comparing each sample
     * with the previous measurable one; gaps stay NaN. The whole series is then shifted by whole turns so that
     * its median lies in (-180, 180], so a session that starts on the "wrong" branch still reads naturally.
     */
    public static double[] unwrapDeg(double[] deg) {
        double[] out = deg.clone();
        double prev = Double.NaN, offset = 0;
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(deg[i])) continue;
            if (Double.isFinite(prev)) {
                double d = deg[i] + offset - prev;
                offset -= 360 * Math.round(d / 360);
            }
            out[i] = deg[i] + offset;
            prev = out[i];
        }
        double[] finite = Arrays.stream(out).filter(Double::isFinite).sorted().toArray();
        if (finite.length > 0) {
            double turns = Math.floor((finite[finite.length / 2] + 180) / 360);
            if (finite[finite.length / 2] - 360 * turns <= -180) turns -= 1;
            if (turns != 0) for (int i = 0; i < out.length; i++) out[i] -= 360 * turns;
        }
        return out;
    }

    /**
     * Angular velocity in deg/s on the real timestamps (frame intervals may vary): second-order central difference where
     * both neighbours are measurable, one-sided beside a gap or at the ends, NaN when neither neighbour is.
     */
    public static double[] velocity(double[] deg, double[] timesS) {
        int n = deg.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            boolean here = Double.isFinite(deg[i]);
            boolean before = i > 0 && Double.isFinite(deg[i - 1]) && here;
            boolean after = i + 1 < n && Double.isFinite(deg[i + 1]) && here;
            if (before && after) {
                // Second-order three-point derivative for unequal intervals (phone videos): the plain
                // (next - previous) / (2 intervals) is only first-order accurate when the intervals differ.
                double h1 = timesS[i] - timesS[i - 1], h2 = timesS[i + 1] - timesS[i];
                v[i] = (h1 * h1 * deg[i + 1] - h2 * h2 * deg[i - 1] + (h2 * h2 - h1 * h1) * deg[i]) / (h1 * h2 * (h1 + h2));
            }
            else if (after) v[i] = (deg[i + 1] - deg[i]) / (timesS[i + 1] - timesS[i]);
            else if (before) v[i] = (deg[i] - deg[i - 1]) / (timesS[i] - timesS[i - 1]);
            else v[i] = Double.NaN;
        }
        return v;
    }
}
