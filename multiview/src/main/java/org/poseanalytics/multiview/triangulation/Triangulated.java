package org.poseanalytics.multiview.triangulation;

import java.util.Arrays;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * One person's triangulated keypoints over the common timeline, arrays [landmark][sample].
 *
 * @param x, y, z       world coordinates in metres in the calibration's frame; NaN where not triangulated
 * @param errorPx       mean reprojection error over the views used, pixels; NaN where not triangulated
 * @param viewMask      bit v set when view v was used
 * @param confidence    mean 2D confidence of the views used (0 where not triangulated)
 */
public record Triangulated(Skeleton skeleton, long[] frames, double[] timesS, double[][] x, double[][] y, double[][] z,
                           double[][] errorPx, int[][] viewMask, double[][] confidence) {

    public int length() { return frames.length; }

    public boolean found(int landmark, int sample) { return viewMask[landmark][sample] != 0; }

    public double[] point(int landmark, int sample) { return new double[]{x[landmark][sample], y[landmark][sample], z[landmark][sample]}; }

    /** Mean and 95th percentile of the reprojection error over every triangulated point (pixels). */
    public ErrorStats errorStats() {
        double[] all = Arrays.stream(errorPx).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (all.length == 0) return new ErrorStats(Double.NaN, Double.NaN, 0);
        double mean = Arrays.stream(all).average().orElse(Double.NaN);
        return new ErrorStats(mean, all[(int) Math.min(all.length - 1, Math.ceil(0.95 * all.length) - 1)], all.length);
    }

    public record ErrorStats(double mean, double p95, int points) {}

    /** Share of the landmark-samples triangulated from each view count: [v] = share with v views. */
    public double[] viewCountShares(int cameras) {
        double[] out = new double[cameras + 1];
        int total = 0;
        for (int[] row : viewMask) for (int m : row) { out[Integer.bitCount(m)]++; total++; }
        for (int i = 0; i < out.length; i++) out[i] = total == 0 ? 0 : out[i] / total;
        return out;
    }

    /**
     * The series kinematics reads: world arrays in the axes of {@link WorldAxes} (metres), image x/y the reprojection
     * into the first camera (pixels) with its depth in metres as z, visibility the mean confidence of the views used.
     */
    public KeypointSeries toSeries(Calibration calibration, String filter) {
        WorldAxes axes = WorldAxes.of(calibration);
        Camera first = calibration.camera(0);
        KeypointSeries s = KeypointSeries.empty(skeleton, frames.clone(), timesS.clone(), true, filter);
        for (int l = 0; l < skeleton.size(); l++) {
            for (int i = 0; i < length(); i++) {
                if (!found(l, i)) continue;
                double[] p = point(l, i);
                double[] w = axes.toSeries(p);
                double[] px = first.project(p);
                // A series holds float32 (micrometres in world, 1e-4 px in the image: far below what is measured).
                s.worldX().set(l, i, (float) w[0]);
                s.worldY().set(l, i, (float) w[1]);
                s.worldZ().set(l, i, (float) w[2]);
                s.x().set(l, i, (float) px[0]);
                s.y().set(l, i, (float) px[1]);
                s.z().set(l, i, (float) first.toCamera(p)[2]);
                s.visibility().set(l, i, (float) confidence[l][i]);
            }
        }
        return s;
    }

    /**
     * These triangulated points replaced by a filtered copy of {@link #toSeries} (same samples, world arrays in
     * {@link WorldAxes}), back in the calibration's frame: what the angles were computed from, for showing. Errors,
     * views and confidence stay the triangulation's; a point the filter filled in where nothing was triangulated stays
     * out (NaN), so nothing is shown that no camera saw.
     */
    public Triangulated withFilteredPoints(KeypointSeries filtered, Calibration calibration) {
        if (filtered.length() != length() || !filtered.hasWorld()) return this;
        WorldAxes axes = WorldAxes.of(calibration);
        int l = skeleton.size();
        double[][] fx = new double[l][length()], fy = new double[l][length()], fz = new double[l][length()];
        for (int j = 0; j < l; j++) {
            for (int i = 0; i < length(); i++) {
                double[] s = {filtered.worldX().get(j, i), filtered.worldY().get(j, i), filtered.worldZ().get(j, i)};
                boolean ok = found(j, i) && Double.isFinite(s[0]) && Double.isFinite(s[1]) && Double.isFinite(s[2]);
                double[] p = ok ? axes.fromSeries(s) : new double[]{Double.NaN, Double.NaN, Double.NaN};
                fx[j][i] = p[0];
                fy[j][i] = p[1];
                fz[j][i] = p[2];
            }
        }
        return new Triangulated(skeleton, frames, timesS, fx, fy, fz, errorPx, viewMask, confidence);
    }
}
