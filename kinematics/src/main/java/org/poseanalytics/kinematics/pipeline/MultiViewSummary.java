package org.poseanalytics.kinematics.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsSummary;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.Camera;

/**
 * What a multi-camera analysis found, as {@code analyze3d} writes it to summary.json (snake-case names) and the web
 * app stores it: the cameras with their videos and how well each lined up,
 * 
 * the synchronisation, the triangulation's reprojection error, then exercise, repetitions and the 3D metrics as
 * {@code analyze} reports them. {@code angles} says the angles are "triangulated" (3D from several calibrated views).
 */
public record MultiViewSummary(List<CameraEntry> cameras, String calibrationSource, Map<String, Double> syncOffsetsS, String syncMethod,
                 ReprojectionError reprojectionErrorPx, List<Double> viewsUsedShare, String angles, String worldFrame,
                 KinematicsSummary.ExerciseEntry exercise, List<KinematicsSummary.RepetitionEntry> repetitions,
                 Map<String, Measure> metrics, String filter, List<String> warnings) {

    /**
     * @param calibrationErrorPx the calibration's own reprojection error (null when the file does not say)
     * @param matchErrorPx       median reprojection error of this view's subject against the first view's
     * @param syncCorrelation    the motion synchronisation's peak correlation (null for other methods)
     */
    public record CameraEntry(String name, String video, int width, int height, int subjectTrackId, Double calibrationErrorPx,
                       double matchErrorPx, Double syncCorrelation, double pointsShare) {}

    public record ReprojectionError(double mean, double p95, int points) {}

    public static MultiViewSummary of(List<String> videos, MultiViewStage.Result r, KinematicsResult k, Map<String, Measure> metrics3d, List<String> warnings) {
        List<CameraEntry> cams = new ArrayList<>();
        Map<String, Double> offsets = new LinkedHashMap<>();
        var tri = r.triangulated();
        int total = 0;
        int[] used = new int[r.calibration().size()];
        for (int[] row : tri.viewMask()) {
            for (int m : row) {
                total++;
                for (int v = 0; v < used.length; v++) if ((m & (1 << v)) != 0) used[v]++;
            }
        }
        for (int v = 0; v < r.calibration().size(); v++) {
            Camera c = r.calibration().camera(v);
            double e = r.calibration().reprojectionErrorPx()[v];
            double corr = r.offsets().correlation()[v];
            cams.add(new CameraEntry(c.name(), videos.get(v), c.width(), c.height(), r.match().trackIds()[v], Double.isFinite(e) ? round(e) : null,
                    round(r.match().medianErrorPx()[v]), Double.isFinite(corr) ? round(corr) : null, total == 0 ? 0 : round(used[v] / (double) total)));
            offsets.put(c.name(), round(r.offsets().offsetsS()[v]));
        }
        var stats = tri.errorStats();
        List<Double> shares = new ArrayList<>();
        for (double s : tri.viewCountShares(r.calibration().size())) shares.add(round(s));
        KinematicsSummary ks = k.summary();
        return new MultiViewSummary(cams, r.calibration().source(), offsets, r.offsets().method(),
                new ReprojectionError(round(stats.mean()), round(stats.p95()), stats.points()), shares, "triangulated",
                "keypoints_3d.csv: the calibration's world frame, metres; keypoints_3d.trc: the same points with Y up (OpenSim)",
                ks.exercise(), ks.repetitions(), metrics3d, r.filtered().series().filter(), warnings);
    }

    private static double round(double v) { return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : Double.NaN; }
}
