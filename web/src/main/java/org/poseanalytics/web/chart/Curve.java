package org.poseanalytics.web.chart;

import java.util.BitSet;

/**
 * One line of a time chart: x in seconds, y in the chart's unit; NaN leaves a gap (no pose in that frame, or no
 * measurement). {@code low}: the samples whose value is of low quality (interpolated, guessed depth, an oblique view),
 * which the chart marks so a clinician tells them from measured ones; empty for a curve without ratings.
 */
public record Curve(String name, double[] x, double[] y, BitSet low) {
    public Curve {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length for " + name);
        low = low == null ? new BitSet() : (BitSet) low.clone();
    }

    /** A curve without ratings. */
    public Curve(String name, double[] x, double[] y) { this(name, x, y, null); }

    /** Whether any sample with a value is of low quality. */
    public boolean anyLow() {
        for (int i = low.nextSetBit(0); i >= 0 && i < y.length; i = low.nextSetBit(i + 1)) if (Double.isFinite(y[i])) return true;
        return false;
    }

    /** Whether any sample holds a value (a curve of gaps only draws nothing). */
    public boolean measured() {
        for (double v : y) if (Double.isFinite(v)) return true;
        return false;
    }

    /**
     * The curve as a chart can draw it with at most about {@code maxPoints} points: unchanged when it has no more;
     * else, for each of {@code maxPoints / 2} runs of consecutive samples, its lowest and highest value and its first
     * gap, in time order. A chart a few thousand pixels wide draws exactly that envelope, so every peak and trough a
     * clinician reads (a repetition's deepest knee flexion) and every gap stays where it was, while an hour's curve
     * (108,000 samples) costs the page 4,000 points instead.
     */
    public Curve envelope(int maxPoints) {
        int n = x.length, runs = Math.max(1, maxPoints / 2);
        if (n <= maxPoints) return this;
        double[] ex = new double[3 * runs], ey = new double[3 * runs];
        BitSet el = new BitSet();
        int m = 0;
        for (int r = 0; r < runs; r++) {
            int from = (int) ((long) r * n / runs), to = (int) ((long) (r + 1) * n / runs);
            int lo = -1, hi = -1, gap = -1;
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(y[i])) {
                    if (gap < 0) gap = i;
                } else {
                    if (lo < 0 || y[i] < y[lo]) lo = i;
                    if (hi < 0 || y[i] > y[hi]) hi = i;
                }
            }
            int[] keep = {lo, hi, gap};
            java.util.Arrays.sort(keep);
            int last = -1;
            for (int i : keep) {
                if (i < 0 || i == last) continue;
                if (low.get(i)) el.set(m);
                ex[m] = x[i];
                ey[m++] = y[i];
                last = i;
            }
        }
        return new Curve(name, java.util.Arrays.copyOf(ex, m), java.util.Arrays.copyOf(ey, m), el);
    }
}
