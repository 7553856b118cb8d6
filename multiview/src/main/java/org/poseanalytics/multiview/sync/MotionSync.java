package org.poseanalytics.multiview.sync;

import java.util.List;
import org.poseanalytics.tracking.filter.TimeSeriesFilters;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Synchronisation by movement, as Pose2Sim does it: each view's vertical keypoint speed (the mean image height of
 * the large joints, differentiated) is resampled to {@value #RATE_HZ} Hz, low-passed and normalised; each view is
 * shifted against the first until their correlation peaks, the peak refined to below a sample by a parabola.
 * Vertical image speed has the same sign in every upright camera, whatever its distance or direction, which makes
 * it comparable across views.
 */
public final class MotionSync {
    static final double RATE_HZ = 120;
    private static final double CUTOFF_HZ = 6;
    /** How much better (in correlation) a farther offset must be to win over a nearer one. */
    static final double TIE = 0.05;
    private static final String[] JOINTS = {"left_shoulder", "right_shoulder", "left_hip", "right_hip", "left_knee", "right_knee",
            "left_ankle", "right_ankle", "left_wrist", "right_wrist"};

    private MotionSync() {}

    /**
     * @param views    one person's raw series per view, each on its own clock
     * @param maxLagS  offsets beyond ±maxLagS are not considered
     */
    public static SyncOffsets find(List<KeypointSeries> views, double maxLagS) {
        if (!(maxLagS > 0)) throw new IllegalArgumentException("the largest offset searched must be > 0 s");
        Signal ref = Signal.of(views.getFirst());
        double[] offsets = new double[views.size()];
        double[] corr = new double[views.size()];
        corr[0] = 1;
        for (int v = 1; v < views.size(); v++) {
            Signal s = Signal.of(views.get(v));
            double[] best = bestLag(ref, s, maxLagS);
            offsets[v] = best[0];
            corr[v] = best[1];
        }
        return new SyncOffsets(offsets, "motion", corr);
    }

    /** Normalised vertical speed on a regular grid starting at t0. */
    record Signal(double t0, double[] values) {
        static Signal of(KeypointSeries s) {
            double[] t = s.timesS();
            if (s.length() < 4) throw new IllegalArgumentException("too few frames to synchronise by movement");
            int n = s.length();
            double[] height = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                int c = 0;
                for (String j : JOINTS) {
                    int l = s.skeleton().indexOf(j);
                    if (l < 0 || s.isGap(l, i) || s.visibility().get(l, i) < 0.3) continue;
                    sum += s.y().get(l, i);
                    c++;
                }
                height[i] = c >= 3 ? sum / c : Double.NaN;
            }
            // Short gaps bridged; the rest contributes nothing (zero after normalisation).
            TimeSeriesFilters.fillGaps(t, height, 0.5);
            int m = (int) Math.floor((t[n - 1] - t[0]) * RATE_HZ) + 1;
            double[] grid = new double[m], h = new double[m];
            int j = 0;
            for (int i = 0; i < m; i++) {
                double ti = t[0] + i / RATE_HZ;
                grid[i] = ti;
                while (j < n - 2 && t[j + 1] < ti) j++;
                double a = (ti - t[j]) / (t[j + 1] - t[j]);
                h[i] = height[j] + Math.max(0, Math.min(1, a)) * (height[j + 1] - height[j]);
            }
            h = TimeSeriesFilters.butterworth(grid, h, 4, CUTOFF_HZ);
            double[] speed = new double[m];
            for (int i = 1; i < m - 1; i++) speed[i] = (h[i + 1] - h[i - 1]) * RATE_HZ / 2;
            double mean = 0, sd = 0;
            int c = 0;
            for (double v : speed) if (Double.isFinite(v)) { mean += v; c++; }
            mean = c == 0 ? 0 : mean / c;
            for (double v : speed) if (Double.isFinite(v)) sd += (v - mean) * (v - mean);
            sd = c < 2 ? 0 : Math.sqrt(sd / (c - 1));
            for (int i = 0; i < m; i++) speed[i] = Double.isFinite(speed[i]) && sd > 0 ? (speed[i] - mean) / sd : 0;
            return new Signal(t[0], speed);
        }
    }

    /** [offset s, peak correlation]: b's sample at time tb lines up with a's at tb + offset. */
    static double[] bestLag(Signal a, Signal b, double maxLagS) {
        int maxLag = (int) Math.round(maxLagS * RATE_HZ);
        // b index ib ↔ time b.t0 + ib/R; a index ia = ib + shift ↔ time a.t0 + ia/R; offset = a.t0 - b.t0 + shift/R
        double base = (b.t0() - a.t0()) * RATE_HZ;
        int lo = (int) Math.floor(base) - maxLag, hi = (int) Math.ceil(base) + maxLag;
        double[] r = new double[hi - lo + 1];
        for (int shift = lo; shift <= hi; shift++) {
            double sab = 0, saa = 0, sbb = 0;
            int overlap = 0;
            for (int ib = 0; ib < b.values().length; ib++) {
                int ia = ib + shift;
                if (ia < 0 || ia >= a.values().length) continue;
                double x = a.values()[ia], y = b.values()[ib];
                sab += x * y; saa += x * x; sbb += y * y;
                overlap++;
            }
            r[shift - lo] = overlap >= RATE_HZ && saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NEGATIVE_INFINITY;
        }
        // Nearest offsets first, and a farther one wins only when clearly better: a repetitive movement matches itself
        // one repetition later almost as well, and cameras are seldom started seconds apart.
        int bestIdx = -1;
        double best = Double.NEGATIVE_INFINITY;
        Integer[] order = new Integer[r.length];
        for (int i = 0; i < r.length; i++) order[i] = i;
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> Math.abs(i + lo - base)));
        for (int i : order) {
            if (r[i] > best + (bestIdx < 0 ? 0 : TIE))  { best = r[i]; bestIdx = i; }
        }
        if (bestIdx < 0 || !Double.isFinite(best))
            throw new IllegalArgumentException("the views do not overlap by a second within ±" + maxLagS + " s: no offset can be found from movement");
        // The local peak around the chosen lag, then a parabola through it and its neighbours.
        while (bestIdx > 0 && r[bestIdx - 1] > r[bestIdx]) bestIdx--;
        while (bestIdx < r.length - 1 && r[bestIdx + 1] > r[bestIdx]) bestIdx++;
        best = r[bestIdx];
        double shift = bestIdx + lo;
        if (bestIdx > 0 && bestIdx < r.length - 1) {
            double y0 = r[bestIdx - 1], y1 = best, y2 = r[bestIdx + 1];
            double den = y0 - 2 * y1 + y2;
            if (Double.isFinite(den) && den < 0) shift += 0.5 * (y0 - y2) / den;
        }
        return new double[]{a.t0() - b.t0() + shift / RATE_HZ, best};
    }
}
