package org.poseanalytics.tracking.series;

import java.util.Arrays;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * One person's landmarks over time, column-wise: arrays are indexed [landmark][sample]. A gap (landmark
 * not seen, or seen with too little visibility) is NaN in x and y. {@code worldX/Y/Z} are metres (BlazePose
 * world landmarks) or null when the model gives no 3D. {@code filter} says which filters the series went
 * through ("raw", "one-euro", "hampel+butterworth-4-6hz", ...) so every output can state it.
 */
public record KeypointSeries(Skeleton skeleton, long[] frames, double[] timesS,
                             double[][] x, double[][] y, double[][] z, double[][] visibility,
                             double[][] worldX, double[][] worldY, double[][] worldZ,
                             String filter) {

    public KeypointSeries {
        int n = frames.length;
        if (timesS.length != n) throw new IllegalArgumentException("frames and times differ in length");
        for (double[][] a : new double[][][]{x, y, z, visibility}) {
            if (a.length != skeleton.size()) throw new IllegalArgumentException("expected " + skeleton.size() + " landmarks");
            for (double[] row : a) if (row.length != n) throw new IllegalArgumentException("landmark row length differs from frames");
        }
    }

    public int length() { return frames.length; }

    public boolean hasWorld() { return worldX != null; }

    public boolean isGap(int landmark, int sample) {
        return Double.isNaN(x[landmark][sample]) || Double.isNaN(y[landmark][sample]);
    }

    /** An empty series of n samples, every landmark a gap, ready to be filled. */
    public static KeypointSeries empty(Skeleton skeleton, long[] frames, double[] timesS, boolean withWorld, String filter) {
        int k = skeleton.size();
        return new KeypointSeries(skeleton, frames, timesS,
                nan(k, frames.length), nan(k, frames.length), nan(k, frames.length), new double[k][frames.length],
                withWorld ? nan(k, frames.length) : null, withWorld ? nan(k, frames.length) : null,
                withWorld ? nan(k, frames.length) : null, filter);
    }

    /** A deep copy carrying a new filter label, for stages that change values without touching the input. */
    public KeypointSeries copy(String newFilter) {
        return new KeypointSeries(skeleton, frames.clone(), timesS.clone(), deep(x), deep(y), deep(z), deep(visibility),
                deep(worldX), deep(worldY), deep(worldZ), newFilter);
    }

    /** The same arrays under another filter label (no copy): for a stage that takes the series over. */
    public KeypointSeries withFilter(String newFilter) {
        return new KeypointSeries(skeleton, frames, timesS, x, y, z, visibility, worldX, worldY, worldZ, newFilter);
    }

    /** The sample index of a frame number, or -1. */
    public int indexOfFrame(long frame) {
        for (int i = 0; i < frames.length; i++) if (frames[i] == frame) return i;
        return -1;
    }

    private static double[][] deep(double[][] a) {
        if (a == null) return null;
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    private static double[][] nan(int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) Arrays.fill(row, Double.NaN);
        return a;
    }
}
