package org.poseanalytics.tracking.swap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;

/**
 * Finds frames where a pose model exchanged a left and a right limb (common in side views) and exchanges
 * them back. Only labels move: every repaired value is one the model produced, for the other side, so no
 * motion is invented.
 *
 * <p>A limb is repaired whole or not at all: the leg (hip, knee, ankle, heel, foot index) and the arm
 * (shoulder, elbow, wrist, pinky, index, thumb), or whichever of them the skeleton has. Exchanging part of a
 * limb would join the hip of one leg to the knee of the other, and every angle across that joint would mix
 * both legs. Walking through time, each limb's points in a frame are compared with where each side was
 * expected from its recent path (last position plus velocity); one cost over all the limb's pairs seen on
 * both sides decides the frame: it is read as exchanged when the crossed pairing fits clearly better (cost
 * below {@code ratio} × the straight one, and by at least {@code minImprovementPx} per point). That yields a
 * labelling consistent over time but possibly inverted as a whole (if the first frames were swapped), so the
 * limb's labelling is finally oriented to agree with the model in the majority of frames.
 *
 * <p>When the model itself crossed only some of a limb's points, no whole-limb labelling is right. A pair
 * whose own fit clearly prefers the other labelling than the one chosen for its limb (same two tests, on that
 * pair alone, and only where its two sides, seen and expected, lie further apart than the model's jitter reaches) is
 * marked side-confused and both of its points are blanked (NaN) in that frame: they are never measured, and
 * the rest of the limb keeps one consistent labelling.
 */
public final class SwapRepair {
    /** A pair is judged on its own only when its sides lie at least this many times minImprovementPx apart, */
    private static final double MIN_SEPARATION_FACTOR = 4;
    /** and this many times the model's median jitter (so noise alone never marks a pair side-confused). */
    private static final double NOISE_FACTOR = 3;

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

    /** One whole limb ("legs" or "arms") exchanged back in one frame. */
    public record Repair(String group, long frame, double timeS) {}

    /**
     * @param series       the repaired copy; side-confused points are NaN in it
     * @param repairs      whole-limb exchanges, in frame order
     * @param sideConfused [landmark] samples where the model crossed part of a limb, so the point's side is
     *                     unknown and it was blanked (both points of the pair are marked)
     */
    public record Result(KeypointSeries series, List<Repair> repairs, BitSet[] sideConfused) {
        public Result {
            repairs = List.copyOf(repairs);
        }
    }

    /**
     * A limb as the left-side landmark indices of its pairs, in order from the trunk outwards.
     *
     * @param name "legs" or "arms"
     */
    public record Group(String name, int[] lefts) {}

    /** Limbs found by name, so any skeleton with left_/right_ names works (COCO-17: hip, knee, ankle; shoulder, elbow, wrist). */
    public static List<Group> groups(Skeleton skeleton) {
        String[][] spec = {
                {"legs", "left_hip", "left_knee", "left_ankle", "left_heel", "left_foot_index"},
                {"arms", "left_shoulder", "left_elbow", "left_wrist", "left_pinky", "left_index", "left_thumb"}};
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

    /** Returns a repaired copy; the input is left untouched. Gaps (NaN) never take part. */
    public Result repair(KeypointSeries in, String label) { return repairInPlace(in.copy(label)); }

    /**
     * Repairs {@code s} itself (the result's series is {@code s}), for a caller that owns a copy already: on an hour-long
     * video another copy is 200 MB.
     */
    public Result repairInPlace(KeypointSeries s) {
        Skeleton sk = s.skeleton();
        BitSet[] confused = new BitSet[sk.size()];
        for (int l = 0; l < confused.length; l++) confused[l] = new BitSet();
        List<Repair> repairs = new ArrayList<>();
        for (Group g : groups(sk)) {
            Labelling lab = continuityLabels(s, g);
            int agree = 0, disagree = 0;
            for (int i = 0; i < s.length(); i++) {
                if (!hasAny(s, g, i)) continue;
                if (lab.swapped[i]) disagree++; else agree++;
            }
            boolean invert = disagree > agree;
            for (int i = 0; i < s.length(); i++) {
                if (!hasAny(s, g, i)) continue;
                if (lab.swapped[i] != invert) {
                    exchange(s, g, i);
                    repairs.add(new Repair(g.name(), s.frames()[i], s.timesS()[i]));
                }
                for (int j = 0; j < g.lefts().length; j++) {
                    if (!lab.confused[j][i]) continue;
                    int l = g.lefts()[j], r = sk.mirror(l);
                    confused[l].set(i);
                    confused[r].set(i);
                    blank(s, l, i);
                    blank(s, r, i);
                }
            }
        }
        repairs.sort((a, b) -> a.frame() != b.frame() ? Long.compare(a.frame(), b.frame()) : a.group().compareTo(b.group()));
        return new Result(s, repairs, confused);
    }

    /**
     * @param swapped  [sample] whether the model's labels of the limb are crossed relative to a labelling continuous over time
     * @param confused [pair][sample] whether that pair clearly disagrees with its limb's labelling
     */
    private record Labelling(boolean[] swapped, boolean[][] confused) {}

    private Labelling continuityLabels(KeypointSeries s, Group g) {
        Skeleton sk = s.skeleton();
        int n = s.length();
        int pairs = g.lefts().length;
        int[] points = new int[pairs * 2]; // point 2j is the left of pair j, 2j+1 its right
        for (int j = 0; j < pairs; j++) {
            points[2 * j] = g.lefts()[j];
            points[2 * j + 1] = sk.mirror(g.lefts()[j]);
        }
        // A pair can only be told apart when its sides lie further apart than the prediction errors reach.
        double minSeparation = Math.max(MIN_SEPARATION_FACTOR * minImprovementPx, NOISE_FACTOR * medianResidual(s, points));
        Reference[] ref = new Reference[points.length];
        for (int p = 0; p < points.length; p++) ref[p] = new Reference();
        boolean[] swapped = new boolean[n];
        boolean[][] confused = new boolean[pairs][n];
        double[][] e = new double[points.length][];
        double[] straightOf = new double[pairs], crossedOf = new double[pairs];
        boolean[] decides = new boolean[pairs];
        for (int i = 0; i < n; i++) {
            double t = s.timesS()[i];
            for (int p = 0; p < points.length; p++) e[p] = ref[p].predict(t, maxAgeS);
            double straight = 0, crossed = 0;
            int used = 0;
            for (int j = 0; j < pairs; j++) {
                int l = points[2 * j], r = points[2 * j + 1];
                double[] el = e[2 * j], er = e[2 * j + 1];
                // Only pairs seen on both sides decide: with one side hidden, a stale reference could fake a swap.
                decides[j] = !s.isGap(l, i) && !s.isGap(r, i) && el != null && er != null;
                if (!decides[j]) continue;
                double lx = s.x().get(l, i), ly = s.y().get(l, i), rx = s.x().get(r, i), ry = s.y().get(r, i);
                straightOf[j] = Math.hypot(lx - el[0], ly - el[1]) + Math.hypot(rx - er[0], ry - er[1]);
                crossedOf[j] = Math.hypot(lx - er[0], ly - er[1]) + Math.hypot(rx - el[0], ry - el[1]);
                straight += straightOf[j];
                crossed += crossedOf[j];
                used++;
                // Overlapping sides (seen or expected) give no verdict of their own.
                decides[j] = Math.hypot(lx - rx, ly - ry) >= minSeparation && Math.hypot(el[0] - er[0], el[1] - er[1]) >= minSeparation;
            }
            swapped[i] = clearlyBetter(crossed, straight, 2 * used);
            for (int j = 0; j < pairs; j++) {
                if (!decides[j]) continue;
                confused[j][i] = swapped[i] ? clearlyBetter(straightOf[j], crossedOf[j], 2) : clearlyBetter(crossedOf[j], straightOf[j], 2);
            }
            for (int j = 0; j < pairs; j++) {
                // A confused pair's reference follows its own best fit, so the side it really is stays tracked.
                boolean cross = confused[j][i] != swapped[i];
                for (int side = 0; side < 2; side++) {
                    int p = 2 * j + side;
                    int source = cross ? points[p ^ 1] : points[p];
                    if (!s.isGap(source, i)) ref[p].observe(s.x().get(source, i), s.y().get(source, i), t);
                }
            }
        }
        return new Labelling(swapped, confused);
    }

    /** The median distance between a point and where its own recent path put it: the pose model's jitter, in px. */
    private double medianResidual(KeypointSeries s, int[] points) {
        List<Double> d = new ArrayList<>();
        for (int p : points) {
            Reference ref = new Reference();
            for (int i = 0; i < s.length(); i++) {
                if (s.isGap(p, i)) continue;
                double[] e = ref.predict(s.timesS()[i], maxAgeS);
                if (e != null) d.add(Math.hypot(s.x().get(p, i) - e[0], s.y().get(p, i) - e[1]));
                ref.observe(s.x().get(p, i), s.y().get(p, i), s.timesS()[i]);
            }
        }
        if (d.isEmpty()) return 0;
        d.sort(null);
        return d.get(d.size() / 2);
    }

    /** A point's last two observations, to say where it is expected next. */
    private static final class Reference {
        private double x0 = Double.NaN, y0 = Double.NaN, t0 = Double.NaN, x1 = Double.NaN, y1 = Double.NaN, t1 = Double.NaN;

        /** The expected (x, y) at time t, or null when the last observation is older than maxAgeS. */
        double[] predict(double t, double maxAgeS) {
            if (Double.isNaN(t1) || t - t1 > maxAgeS) return null;
            if (Double.isNaN(t0) || !(t1 - t0 > 0) || t - t0 > 0.2) return new double[]{x1, y1}; // extrapolate velocity only briefly
            double dt = t - t1;
            return new double[]{x1 + (x1 - x0) / (t1 - t0) * dt, y1 + (y1 - y0) / (t1 - t0) * dt};
        }

        void observe(double x, double y, double t) {
            x0 = x1; y0 = y1; t0 = t1;
            x1 = x; y1 = y; t1 = t;
        }
    }

    /** Whether cost a beats cost b clearly: below ratio × b and by more than minImprovementPx per point. */
    private boolean clearlyBetter(double a, double b, int points) {
        return points > 0 && a < ratio * b && (b - a) / points > minImprovementPx;
    }

    private static boolean hasAny(KeypointSeries s, Group g, int i) {
        for (int l : g.lefts()) if (!s.isGap(l, i) || !s.isGap(s.skeleton().mirror(l), i)) return true;
        return false;
    }

    private static void exchange(KeypointSeries s, Group g, int i) {
        for (int l : g.lefts()) {
            int r = s.skeleton().mirror(l);
            for (SeriesChannel a : channels(s)) {
                if (a == null) continue;
                float t = a.get(l, i);
                a.set(l, i, a.get(r, i));
                a.set(r, i, t);
            }
        }
    }

    private static void blank(KeypointSeries s, int l, int i) {
        for (SeriesChannel a : channels(s)) {
            if (a == null || a == s.visibility()) continue;
            a.set(l, i, Float.NaN);
        }
    }

    private static SeriesChannel[] channels(KeypointSeries s) {
        return new SeriesChannel[]{s.x(), s.y(), s.z(), s.visibility(), s.worldX(), s.worldY(), s.worldZ()};
    }
}
