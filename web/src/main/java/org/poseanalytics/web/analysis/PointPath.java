package org.poseanalytics.web.analysis;

/**
 * A point the user picked (e.g. the end of a bar) followed through the video. NaN x/y where it was occluded or lost.
 *
 * @param specXPx,specYPx,specTimeS where and when it was picked
 */
public record PointPath(int pointId, double specXPx, double specYPx, double specTimeS, long anchorFrame,
                        long[] frames, double[] timesS, float[] xPx, float[] yPx, float[] confidence) {

    public PointPath {
        int n = frames.length;
        if (timesS.length != n || xPx.length != n || yPx.length != n || confidence.length != n)
            throw new IllegalArgumentException("point " + pointId + ": arrays differ in length");
    }
}
