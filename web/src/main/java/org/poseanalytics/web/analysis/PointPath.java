package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.TrackedPoint;

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

    /** The tracker's trajectory in the stored form (float32, NaN where hidden). */
    public static PointPath of(PointTrajectory p) {
        int n = p.points().size();
        long[] frames = new long[n];
        double[] times = new double[n];
        float[] x = new float[n], y = new float[n], c = new float[n];
        for (int i = 0; i < n; i++) {
            TrackedPoint q = p.points().get(i);
            frames[i] = q.frame();
            times[i] = q.timeS();
            x[i] = q.occluded() ? Float.NaN : (float) q.xPx();
            y[i] = q.occluded() ? Float.NaN : (float) q.yPx();
            c[i] = (float) q.confidence();
        }
        return new PointPath(p.pointId(), p.spec().xPx(), p.spec().yPx(), p.spec().timeS(), p.anchorFrame(), frames, times, x, y, c);
    }

    /** Back to the tracking module's form, e.g. for its points.csv writer. */
    public PointTrajectory toTrajectory() {
        List<TrackedPoint> points = new ArrayList<>(frames.length);
        for (int i = 0; i < frames.length; i++) {
            boolean hidden = !Float.isFinite(xPx[i]) || !Float.isFinite(yPx[i]);
            points.add(new TrackedPoint(frames[i], timesS[i], hidden ? Double.NaN : xPx[i], hidden ? Double.NaN : yPx[i], confidence[i], hidden));
        }
        return new PointTrajectory(pointId, new PointSpec(specXPx, specYPx, specTimeS), anchorFrame, points);
    }

    /** Frames where the point was followed. */
    public int framesSeen() {
        int n = 0;
        for (int i = 0; i < xPx.length; i++) if (Float.isFinite(xPx[i]) && Float.isFinite(yPx[i])) n++;
        return n;
    }
}
