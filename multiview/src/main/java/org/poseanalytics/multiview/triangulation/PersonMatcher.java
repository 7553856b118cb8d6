package org.poseanalytics.multiview.triangulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Association: which person in each other view is the first view's subject. For every candidate track, the large
 * joints are triangulated from the subject in the first view and the candidate (two views, nothing dropped) over
 * up to {@value #SAMPLES} moments; the candidate whose median reprojection error is smallest is the same person
 * (the reprojection-consistency test, which also rejects a person in the background whom no epipolar line fits).
 */
public final class PersonMatcher {
    static final int SAMPLES = 300;
    static final int MIN_POINTS = 10;
    private static final String[] JOINTS = {"left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"};

    /** A person tracked in one view, already on the common timeline. */
    public record Candidate(int trackId, KeypointSeries series) {}

    /**
     * @param trackIds      per view the matched track (the first view's given subject at index 0)
     * @param medianErrorPx per view the median reprojection error of the match (0 for the first view)
     * @param points        per view how many joint-moments the match rests on
     */
    public record Match(int[] trackIds, double[] medianErrorPx, int[] points) {}

    /** No candidate of a view can be the subject; the message names the camera. */
    public static final class NotSeenException extends RuntimeException {
        public NotSeenException(String message) { super(message); }
    }

    private PersonMatcher() {}

    /**
     * @param subject    the first view's subject
     * @param candidates per view (index 0 ignored) the people tracked in it
     * @param maxMedianErrorPx a best match worse than this is no match
     */
    public static Match match(Calibration calibration, Candidate subject, List<List<Candidate>> candidates, double maxMedianErrorPx) {
        int views = calibration.size();
        int[] ids = new int[views];
        double[] errors = new double[views];
        int[] counts = new int[views];
        ids[0] = subject.trackId();
        counts[0] = subject.series().length();
        for (int v = 1; v < views; v++) {
            Camera[] pair = {calibration.camera(0), calibration.camera(v)};
            PointTriangulator pt = new PointTriangulator(pair, new TriangulationConfig(0.3, Double.MAX_VALUE, 2));
            String name = calibration.camera(v).name();
            if (candidates.get(v).isEmpty()) throw new NotSeenException("camera " + name + " (video " + (v + 1) + ") never sees a person");
            double best = Double.POSITIVE_INFINITY;
            int bestId = -1, bestCount = 0;
            for (Candidate c : candidates.get(v)) {
                double[] e = errors(pt, subject.series(), c.series());
                if (e.length < MIN_POINTS) continue;
                double median = e[e.length / 2];
                if (median < best) { best = median; bestId = c.trackId(); bestCount = e.length; }
            }
            if (bestId < 0) {
                throw new NotSeenException("camera " + name + " (video " + (v + 1) + ") never sees the person at the same moments as camera "
                        + calibration.camera(0).name() + " (check that the videos overlap in time)");
            }
            if (best > maxMedianErrorPx) {
                String how = best < 1e6 ? String.format(java.util.Locale.ROOT, "best median reprojection error %.0f px", best)
                        : "their rays do not meet in front of both cameras";
                throw new NotSeenException(String.format(java.util.Locale.ROOT,
                        "camera %s (video %d): no person there lines up with the subject of camera %s (%s): are the videos given in the "
                                + "calibration's camera order, and is the calibration for these cameras?", name, v + 1, calibration.camera(0).name(), how));
            }
            ids[v] = bestId;
            errors[v] = best;
            counts[v] = bestCount;
        }
        return new Match(ids, errors, counts);
    }

    private static double[] errors(PointTriangulator pt, KeypointSeries a, KeypointSeries b) {
        int n = Math.min(a.length(), b.length());
        int step = Math.max(1, n / SAMPLES);
        List<Double> out = new ArrayList<>();
        double[] u = new double[2], v = new double[2], c = new double[2];
        for (int i = 0; i < n; i += step) {
            for (String j : JOINTS) {
                int l = a.skeleton().indexOf(j);
                if (l < 0 || a.isGap(l, i) || b.isGap(l, i)) continue;
                u[0] = a.x().get(l, i); v[0] = a.y().get(l, i); c[0] = a.visibility().get(l, i);
                u[1] = b.x().get(l, i); v[1] = b.y().get(l, i); c[1] = b.visibility().get(l, i);
                PointTriangulator.Point p = pt.triangulate(u, v, c);
                out.add(p.found() ? p.errorPx() : Double.MAX_VALUE);
            }
        }
        double[] e = out.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(e);
        return e;
    }
}
