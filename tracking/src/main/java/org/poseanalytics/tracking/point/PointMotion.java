package org.poseanalytics.tracking.point;

import org.poseanalytics.tracking.filter.TimeSeriesFilters;

/**
 * A followed point's path after filtering, with its velocity from the real timestamps, in pixels and (given a
 * scale) metres. The path is the tracker's positions with short losses (up to {@link #MAX_GAP_S}) bridged linearly
 * and a zero-phase 4th-order Butterworth at {@link #CUTOFF_HZ} (capped below Nyquist), as the keypoints are
 * filtered; velocity is the central difference over the two neighbouring samples' own times (one-sided at the ends
 * of a run), so a variable frame rate is read as it is.
 *
 * <p>Metres: x to the right, y up, origin at the point's first followed sample; {@code metresPerPx} is NaN without a
 * scale, and then every metre value is NaN (points.csv leaves those cells empty).
 *
 * @param interpolated samples bridged over a short loss (not measured)
 * @param gap          samples with no position (a longer loss, or before the first / after the last sighting)
 */
public record PointMotion(int pointId, long[] frames, double[] timesS, double[] xPx, double[] yPx,
                          double[] vxPxPerS, double[] vyPxPerS, boolean[] interpolated, boolean[] gap, double metresPerPx) {

    /**
     * A bar's path in a lift carries its information below this (a concentric phase of 0.3 s is a 1.7 Hz half-wave);
     * above it is mostly the tracker's jitter, which a velocity amplifies: with 0.5 px of jitter a 6 Hz cutoff left
     * 8 % errors in peak velocity at 30 fps, 4 Hz 4 % (docs/SCALE.md).
     */
    public static final double CUTOFF_HZ = 4;
    /** Losses up to this long are bridged, as the keypoint chain bridges them; longer ones stay gaps. */
    public static final double MAX_GAP_S = 0.25;

    /** The filtered path of one followed point; {@code metresPerPx} NaN when no scale is known. */
    public static PointMotion of(PointTrajectory trajectory, double metresPerPx) {
        var pts = trajectory.points();
        int n = pts.size();
        long[] frames = new long[n];
        double[] t = new double[n], x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            TrackedPoint p = pts.get(i);
            frames[i] = p.frame();
            t[i] = p.timeS();
            boolean seen = !p.occluded() && Double.isFinite(p.xPx()) && Double.isFinite(p.yPx());
            x[i] = seen ? p.xPx() : Double.NaN;
            y[i] = seen ? p.yPx() : Double.NaN;
        }
        boolean[] filled = TimeSeriesFilters.fillGaps(t, x, MAX_GAP_S);
        TimeSeriesFilters.fillGaps(t, y, MAX_GAP_S);
        double[] fx = n >= 2 ? TimeSeriesFilters.butterworth(t, x, 4, CUTOFF_HZ) : x.clone();
        double[] fy = n >= 2 ? TimeSeriesFilters.butterworth(t, y, 4, CUTOFF_HZ) : y.clone();
        boolean[] gap = new boolean[n];
        for (int i = 0; i < n; i++) gap[i] = !Double.isFinite(fx[i]) || !Double.isFinite(fy[i]);
        return new PointMotion(trajectory.pointId(), frames, t, fx, fy, derivative(t, fx), derivative(t, fy), filled, gap,
                metresPerPx > 0 ? metresPerPx : Double.NaN);
    }

    public int length() { return timesS.length; }

    public boolean scaled() { return Double.isFinite(metresPerPx); }

    /** The first sample with a position (the metres' origin), -1 when the point was never followed. */
    public int origin() {
        for (int i = 0; i < gap.length; i++) if (!gap[i]) return i;
        return -1;
    }

    /** Metres to the right of the first sample; NaN without a scale or position. */
    public double xM(int i) {
        int o = origin();
        return o < 0 ? Double.NaN : (xPx[i] - xPx[o]) * metresPerPx;
    }

    /** Metres above the first sample (image y points down, so this is flipped); NaN without a scale or position. */
    public double yM(int i) {
        int o = origin();
        return o < 0 ? Double.NaN : (yPx[o] - yPx[i]) * metresPerPx;
    }

    public double vxMPerS(int i) { return vxPxPerS[i] * metresPerPx; }

    /** Upward velocity in m/s. */
    public double vyMPerS(int i) { return -vyPxPerS[i] * metresPerPx; }

    public double speedMPerS(int i) { return Math.hypot(vxPxPerS[i], vyPxPerS[i]) * metresPerPx; }

    /** Upward velocity in pixels per second (image y points down). */
    public double upPxPerS(int i) { return -vyPxPerS[i]; }

    /**
     * The derivative on the samples' own times: the five-point stencil where five evenly spaced samples surround a
     * sample (a plain central difference under-reads a 1 s lift's peak speed by about 3 % at 10 fps; this one by 0.1 %),
     * else the central difference, one-sided at the ends of each gap-free run; NaN in gaps.
     */
    static double[] derivative(double[] t, double[] v) {
        int n = v.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) { d[i] = Double.NaN; continue; }
            if (i >= 2 && i + 2 < n && evenlySpaced(t, i - 2, i + 2) && Double.isFinite(v[i - 2]) && Double.isFinite(v[i - 1])
                    && Double.isFinite(v[i + 1]) && Double.isFinite(v[i + 2])) {
                double h = (t[i + 2] - t[i - 2]) / 4;
                d[i] = (-v[i + 2] + 8 * v[i + 1] - 8 * v[i - 1] + v[i - 2]) / (12 * h);
                continue;
            }
            boolean prev = i > 0 && Double.isFinite(v[i - 1]);
            boolean next = i + 1 < n && Double.isFinite(v[i + 1]);
            if (prev && next) d[i] = (v[i + 1] - v[i - 1]) / (t[i + 1] - t[i - 1]);
            else if (next) d[i] = (v[i + 1] - v[i]) / (t[i + 1] - t[i]);
            else if (prev) d[i] = (v[i] - v[i - 1]) / (t[i] - t[i - 1]);
            else d[i] = Double.NaN;
        }
        return d;
    }

    /** Whether the intervals from sample a to b differ by less than 1 % (a constant frame rate there). */
    private static boolean evenlySpaced(double[] t, int a, int b) {
        double h = (t[b] - t[a]) / (b - a);
        for (int i = a + 1; i <= b; i++) if (Math.abs(t[i] - t[i - 1] - h) > 0.01 * h) return false;
        return true;
    }
}
