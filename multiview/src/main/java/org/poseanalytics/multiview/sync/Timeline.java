package org.poseanalytics.multiview.sync;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The common clock triangulation works on: the first view's frames, restricted to the stretch that at least two
 * views cover once their offsets are applied; every other view's keypoints are interpolated to those moments.
 */
public final class Timeline {
    private Timeline() {}

    /** The first view's sample indices inside the stretch at least two views cover. Empty when the videos do not overlap. */
    public static int[] common(List<KeypointSeries> views, SyncOffsets offsets) {
        KeypointSeries ref = views.getFirst();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < ref.length(); i++) {
            double t = ref.timesS()[i];
            int covering = 0;
            for (int v = 0; v < views.size(); v++) {
                double[] tv = views.get(v).timesS();
                if (tv.length == 0) continue;
                double local = t - offsets.offsetsS()[v];
                double half = v == 0 ? 0 : 0.5 * medianInterval(tv);
                if (local >= tv[0] - half && local <= tv[tv.length - 1] + half) covering++;
            }
            if (covering >= 2) keep.add(i);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * View {@code s} at the given moments of the first view's clock: linear interpolation between the two nearest
     * frames when both hold the point and lie at most 1.5 frame intervals apart, else the nearest frame within half
     * an interval, else a gap. Confidence is the smaller of the two frames'. World arrays are dropped.
     */
    public static KeypointSeries resample(KeypointSeries s, double offsetS, long[] frames, double[] timesS) {
        KeypointSeries out = KeypointSeries.empty(s.skeleton(), frames, timesS, false, s.filter());
        double[] t = s.timesS();
        if (t.length == 0) return out;
        double dt = medianInterval(t);
        int j = 0;
        for (int i = 0; i < timesS.length; i++) {
            double local = timesS[i] - offsetS;
            while (j < t.length - 1 && t[j + 1] <= local) j++;
            int a = j, b = Math.min(j + 1, t.length - 1);
            for (int l = 0; l < s.skeleton().size(); l++) {
                boolean okA = !s.isGap(l, a), okB = !s.isGap(l, b);
                if (okA && okB && b != a && t[a] <= local && local <= t[b] && t[b] - t[a] <= 1.5 * dt) {
                    double w = (local - t[a]) / (t[b] - t[a]);
                    set(out, s, l, i, a, b, w);
                } else {
                    int near = Math.abs(t[a] - local) <= Math.abs(t[b] - local) ? a : b;
                    if (!s.isGap(l, near) && Math.abs(t[near] - local) <= 0.5 * dt + 1e-9) set(out, s, l, i, near, near, 0);
                }
            }
        }
        return out;
    }

    private static void set(KeypointSeries out, KeypointSeries s, int l, int i, int a, int b, double w) {
        // Interpolated in double, stored as float32 like every series.
        out.x().set(l, i, (float) (s.x().get(l, a) + w * (s.x().get(l, b) - s.x().get(l, a))));
        out.y().set(l, i, (float) (s.y().get(l, a) + w * (s.y().get(l, b) - s.y().get(l, a))));
        double za = s.z().get(l, a), zb = s.z().get(l, b);
        out.z().set(l, i, Double.isFinite(za) && Double.isFinite(zb) ? (float) (za + w * (zb - za)) : Float.NaN);
        out.visibility().set(l, i, Math.min(s.visibility().get(l, a), s.visibility().get(l, b)));
    }

    static double medianInterval(double[] t) {
        if (t.length < 2) return 1.0 / 30;
        double[] d = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) d[i - 1] = t[i] - t[i - 1];
        java.util.Arrays.sort(d);
        return d[d.length / 2];
    }
}
