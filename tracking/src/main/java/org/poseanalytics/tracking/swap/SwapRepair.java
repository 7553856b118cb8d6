package org.poseanalytics.tracking.swap;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Finds frames where a pose model exchanged a left and a right limb (common in side views) and exchanges
 * them back. Only labels move: every repaired value is one the model produced, for the other side, so no
 * motion is invented.
 *
 * <p>Each limb group (hips, legs, shoulders, arms) is decided on its own. Walking through time, the group's
 * points in a frame are compared with where each side was expected from its recent path (last position plus
 * velocity); the frame is read as exchanged when the crossed pairing fits clearly better (cost below
 * {@code ratio} × the straight one, and by at least {@code minImprovementPx} per point). That yields a labelling
 * consistent over time but possibly inverted as a whole (if the first frames were swapped), so the whole
 * group's labelling is finally oriented to agree with the model in the majority of frames.
 */
public final class SwapRepair {
    private final double ratio;
    private final double minImprovementPx;
    private final double maxAgeS;

    /**
     * @param ratio            crossed cost must be below this fraction of the straight cost (0 < ratio < 1)
     * @param minImprovementPx and better by at least this much per point, so jitter on overlapping legs is left alone
     * @param maxAgeS          how long a side's last position serves as a reference across gaps
     */
    public SwapRepair(double ratio, double minImprovementPx, double maxAgeS) {
        if (!(ratio > 0 && ratio < 1)) throw new IllegalArgumentException("swap ratio must be in (0, 1), got " + ratio);
        if (minImprovementPx < 0) throw new IllegalArgumentException("min improvement must be >= 0 px, got " + minImprovementPx);
        if (!(maxAgeS > 0)) throw new IllegalArgumentException("max reference age must be > 0 s, got " + maxAgeS);
        this.ratio = ratio;
        this.minImprovementPx = minImprovementPx;
        this.maxAgeS = maxAgeS;
    }

    public SwapRepair() { this(0.5, 2.0, 0.5); }

    /** One limb group exchanged back in one frame. */
    public record Repair(String group, long frame, double timeS) {}

    public record Result(KeypointSeries series, List<Repair> repairs) {}

    /** Limb groups as lists of left-side landmark indices, found by name so any skeleton with left_/right_ names works. */
    public static List<Group> groups(Skeleton skeleton) {
        String[][] spec = {
                {"hips", "left_hip"},
                {"legs", "left_knee", "left_ankle", "left_heel", "left_foot_index"},
                {"shoulders", "left_shoulder"},
                {"arms", "left_elbow", "left_wrist", "left_pinky", "left_index", "left_thumb"}};
        List<Group> out = new ArrayList<>();
        for (String[] g : spec) {
            List<Integer> lefts = new ArrayList<>();
            for (int i = 1; i < g.length; i++) {
                int l = skeleton.indexOf(g[i]);
                if (l >= 0 && skeleton.mirror(l) != l) lefts.add(l);
            }
            if (!lefts.isEmpty()) out.add(new Group(g[0], lefts.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    public record Group(String name, int[] lefts) {}

    /** Returns a repaired copy; the input is left untouched. Gaps (NaN) never take part. */
    public Result repair(KeypointSeries in, String label) {
        KeypointSeries s = in.copy(label);
        List<Repair> repairs = new ArrayList<>();
        for (Group g : groups(s.skeleton())) {
            boolean[] swapped = continuityLabels(s, g);
            int agree = 0, disagree = 0;
            for (int i = 0; i < s.length(); i++) {
                if (!hasAny(s, g, i)) continue;
                if (swapped[i]) disagree++; else agree++;
            }
            boolean invert = disagree > agree;
            for (int i = 0; i < s.length(); i++) {
                if (!hasAny(s, g, i)) continue;
                if (swapped[i] != invert) {
                    exchange(s, g, i);
                    repairs.add(new Repair(g.name(), s.frames()[i], s.timesS()[i]));
                }
            }
        }
        repairs.sort((a, b) -> a.frame() != b.frame() ? Long.compare(a.frame(), b.frame()) : a.group().compareTo(b.group()));
        return new Result(s, repairs);
    }

    /** For each frame, whether the model's labels are crossed relative to a labelling continuous over time. */
    private boolean[] continuityLabels(KeypointSeries s, Group g) {
        Skeleton sk = s.skeleton();
        int n = s.length();
        int[] points = new int[g.lefts().length * 2];
        for (int j = 0; j < g.lefts().length; j++) {
            points[2 * j] = g.lefts()[j];
            points[2 * j + 1] = sk.mirror(g.lefts()[j]);
        }
        // Reference track per point in the continuous labelling: last two observations.
        double[][] refX = new double[points.length][2], refY = new double[points.length][2], refT = new double[points.length][2];
        for (int p = 0; p < points.length; p++) for (int k = 0; k < 2; k++) refT[p][k] = Double.NaN;
        boolean[] swapped = new boolean[n];
        double[] ex = new double[points.length], ey = new double[points.length];
        for (int i = 0; i < n; i++) {
            double t = s.timesS()[i];
            for (int p = 0; p < points.length; p++) {
                ex[p] = Double.NaN;
                ey[p] = Double.NaN;
                double t1 = refT[p][1];
                if (Double.isNaN(t1) || t - t1 > maxAgeS) continue;
                ex[p] = refX[p][1];
                ey[p] = refY[p][1];
                double t0 = refT[p][0];
                if (!Double.isNaN(t0) && t1 - t0 > 0 && t - t0 <= 0.2) { // extrapolate velocity only briefly
                    double dt = t - t1;
                    ex[p] += (refX[p][1] - refX[p][0]) / (t1 - t0) * dt;
                    ey[p] += (refY[p][1] - refY[p][0]) / (t1 - t0) * dt;
                }
            }
            double straight = 0, crossed = 0;
            int used = 0;
            for (int p = 0; p < points.length; p++) {
                int lm = points[p];
                int other = p ^ 1; // partner index in the pair
                // Only pairs seen on both sides decide: with one side hidden, a stale reference could fake a swap.
                if (s.isGap(lm, i) || s.isGap(points[other], i) || Double.isNaN(ex[p]) || Double.isNaN(ex[other])) continue;
                double x = s.x()[lm][i], y = s.y()[lm][i];
                straight += Math.hypot(x - ex[p], y - ey[p]);
                crossed += Math.hypot(x - ex[other], y - ey[other]);
                used++;
            }
            swapped[i] = used > 0 && crossed < ratio * straight && (straight - crossed) / used > minImprovementPx;
            for (int p = 0; p < points.length; p++) {
                int source = swapped[i] ? points[p ^ 1] : points[p];
                if (s.isGap(source, i)) continue;
                refX[p][0] = refX[p][1]; refY[p][0] = refY[p][1]; refT[p][0] = refT[p][1];
                refX[p][1] = s.x()[source][i]; refY[p][1] = s.y()[source][i]; refT[p][1] = t;
            }
        }
        return swapped;
    }

    private static boolean hasAny(KeypointSeries s, Group g, int i) {
        for (int l : g.lefts()) if (!s.isGap(l, i) || !s.isGap(s.skeleton().mirror(l), i)) return true;
        return false;
    }

    private static void exchange(KeypointSeries s, Group g, int i) {
        for (int l : g.lefts()) {
            int r = s.skeleton().mirror(l);
            for (double[][] a : new double[][][]{s.x(), s.y(), s.z(), s.visibility(), s.worldX(), s.worldY(), s.worldZ()}) {
                if (a == null) continue;
                double t = a[l][i];
                a[l][i] = a[r][i];
                a[r][i] = t;
            }
        }
    }
}
