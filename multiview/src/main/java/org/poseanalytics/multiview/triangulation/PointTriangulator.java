package org.poseanalytics.multiview.triangulation;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.poseanalytics.multiview.calibration.Camera;

/**
 * One point from several views by the direct linear transform, each view's two equations weighted by its 2D
 * confidence and scaled by its focal length (so the residual is in pixels for every camera), after undistorting the
 * pixel to normalised coordinates. When a view's reprojection error exceeds the threshold, the subsets of fewer views
 * are tried, and the largest one whose views all agree within the threshold (the smallest error among equals) wins.
 */
public final class PointTriangulator {
    /**
     * @param xyz           the point in world coordinates (metres), NaN when it could not be triangulated
     * @param errorPx       mean reprojection error over the views used, pixels
     * @param viewMask      bit v set when view v was used
     * @param confidence    mean 2D confidence of the views used
     */
    public record Point(double[] xyz, double errorPx, int viewMask, double confidence) {
        static final Point NONE = new Point(new double[]{Double.NaN, Double.NaN, Double.NaN}, Double.NaN, 0, 0);

        public boolean found() { return viewMask != 0; }

        public int views() { return Integer.bitCount(viewMask); }
    }

    /** Up to this many cameras every subset of views is tried; beyond, the worst view is dropped one at a time. */
    static final int EXHAUSTIVE_UP_TO = 6;

    private final Camera[] cameras;
    private final TriangulationConfig config;

    public PointTriangulator(Camera[] cameras, TriangulationConfig config) {
        if (cameras.length > 31) throw new IllegalArgumentException("at most 31 cameras");
        this.cameras = cameras.clone();
        this.config = config;
    }

    /** @param u, v pixels per view (NaN when unseen); c confidence per view */
    public Point triangulate(double[] u, double[] v, double[] c) {
        int n = cameras.length;
        int mask = 0;
        double[][] norm = new double[n][];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(u[i]) || !Double.isFinite(v[i]) || !(c[i] >= config.minConfidence())) continue;
            norm[i] = cameras[i].undistort(u[i], v[i]);
            if (Double.isFinite(norm[i][0])) mask |= 1 << i;
        }
        if (Integer.bitCount(mask) < config.minViews()) return Point.NONE;
        Point all = fit(mask, norm, u, v, c);
        if (all != null) return all;
        if (n <= EXHAUSTIVE_UP_TO) {
            // As Pose2Sim: of all subsets with one view fewer, then two, ..., the one whose reprojection error is
            // smallest, taken as soon as every view in it is within the threshold. Dropping the worst view of the full
            // fit instead can drop a good one, when a bad view pulls the point towards itself.
            for (int k = Integer.bitCount(mask) - 1; k >= config.minViews(); k--) {
                Point best = null;
                for (int sub = mask; sub > 0; sub = (sub - 1) & mask) {
                    if (Integer.bitCount(sub) != k) continue;
                    Point p = fit(sub, norm, u, v, c);
                    if (p != null && (best == null || p.errorPx() < best.errorPx())) best = p;
                }
                if (best != null) return best;
            }
            return Point.NONE;
        }
        while (Integer.bitCount(mask) > config.minViews()) {
            double[] x = solve(mask, norm, c);
            int worstView = -1;
            double worst = -1;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) == 0) continue;
                double e = error(i, x, u[i], v[i]);
                if (e > worst) { worst = e; worstView = i; }
            }
            mask &= ~(1 << worstView);
            Point p = fit(mask, norm, u, v, c);
            if (p != null) return p;
        }
        return Point.NONE;
    }

    /** The point from exactly these views, or null when any of them is off by more than the threshold. */
    private Point fit(int mask, double[][] norm, double[] u, double[] v, double[] c) {
        double[] x = solve(mask, norm, c);
        double sum = 0, conf = 0;
        for (int i = 0; i < cameras.length; i++) {
            if ((mask & (1 << i)) == 0) continue;
            double e = error(i, x, u[i], v[i]);
            if (!(e <= config.maxReprojectionErrorPx())) return null;
            sum += e;
            conf += c[i];
        }
        int k = Integer.bitCount(mask);
        return new Point(x, sum / k, mask, conf / k);
    }

    /** Reprojection error of view i in pixels; infinite when the point is behind that camera. */
    double error(int i, double[] x, double u, double v) {
        if (x == null) return Double.POSITIVE_INFINITY;
        double[] p = cameras[i].project(x);
        double e = Math.hypot(p[0] - u, p[1] - v);
        return Double.isFinite(e) ? e : Double.POSITIVE_INFINITY;
    }

    private double[] solve(int mask, double[][] norm, double[] c) {
        int k = Integer.bitCount(mask);
        double[][] a = new double[2 * k][4];
        int row = 0;
        for (int i = 0; i < cameras.length; i++) {
            if ((mask & (1 << i)) == 0) continue;
            Camera cam = cameras[i];
            double[] r = cam.r(), t = cam.t();
            double[] p1 = {r[0], r[1], r[2], t[0]}, p2 = {r[3], r[4], r[5], t[1]}, p3 = {r[6], r[7], r[8], t[2]};
            double w = Math.max(c[i], 1e-3) * 0.5 * (cam.fx() + cam.fy());
            for (int j = 0; j < 4; j++) {
                a[row][j] = w * (norm[i][0] * p3[j] - p1[j]);
                a[row + 1][j] = w * (norm[i][1] * p3[j] - p2[j]);
            }
            row += 2;
        }
        double[] h = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getV().getColumn(3);
        if (Math.abs(h[3]) < 1e-12) return null;
        return new double[]{h[0] / h[3], h[1] / h[3], h[2] / h[3]};
    }
}
