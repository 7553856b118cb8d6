package org.poseanalytics.multiview.sync;

import java.util.Arrays;

/**
 * How the views' clocks line up: a time t in view v's video is the moment {@code t + offsetsS[v]} on the first
 * view's clock (the first view's offset is 0).
 *
 * @param method      "timestamps" (the videos start together), "motion" (cross-correlated vertical keypoint
 *                    speeds) or "manual"
 * @param correlation per view, the peak normalised correlation the motion method found (1 for the first view; NaN
 *                    for the other methods): below about 0.5 the offset is a guess
 */
public record SyncOffsets(double[] offsetsS, String method, double[] correlation) {
    public SyncOffsets {
        offsetsS = offsetsS.clone();
        correlation = correlation.clone();
        if (offsetsS.length == 0) throw new IllegalArgumentException("no views");
        if (offsetsS.length != correlation.length) throw new IllegalArgumentException("one correlation per view");
    }

    public static SyncOffsets timestamps(int views) {
        double[] nan = new double[views];
        Arrays.fill(nan, Double.NaN);
        return new SyncOffsets(new double[views], "timestamps", nan);
    }

    /** Offsets the user gives, seconds, one per view; the first must be 0 (it is the reference clock). */
    public static SyncOffsets manual(double[] offsetsS) {
        if (offsetsS.length == 0 || offsetsS[0] != 0)
            throw new IllegalArgumentException("give one offset per video in seconds, the first 0 (it is the reference), e.g. 0,0.133");
        double[] nan = new double[offsetsS.length];
        Arrays.fill(nan, Double.NaN);
        return new SyncOffsets(offsetsS, "manual", nan);
    }

    public int views() { return offsetsS.length; }
}
