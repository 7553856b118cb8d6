package org.poseanalytics.web.progress;

import org.poseanalytics.kinematics.metric.MetricRecord;
import java.time.LocalDate;
import java.util.List;
import org.poseanalytics.kinematics.view.CameraView;

/**
 * One metric of one exercise across a subject's sessions, oldest first, compared like with like: the same metric
 * (side, 2D or 3D are part of its key) filmed from the same camera view. Invalid values are visits left out of the
 * trend (a gap, with the reason); the changes a clinician asks about (since the first and since the previous session)
 * are between the values kept.
 *
 * @param view         the dominant camera view of every visit here; null for analyses stored before the view was measured
 * @param headlineRank the metric's rank among the exercise's headline figures (latest analysis), null when it is not one
 */
public record MetricTrend(String exercise, String key, String label, String unit, CameraView view, Integer headlineRank,
                          List<Visit> visits) {

    /**
     * @param figure the value with its quality and reason
     * @param sinceFirst / sincePrevious between kept values; null for a left-out visit and the first kept one
     */
    public record Visit(LocalDate date, long sessionId, long videoId, MetricRecord figure, Double sinceFirst, Double sincePrevious) {
        /** Invalid or not measured: not part of the trend. */
        public boolean leftOut() { return !figure.shownAsNumber(); }

        public double value() { return figure.value(); }
    }

    public boolean headline() { return headlineRank != null; }

    /** A tracked point's mean concentric velocity per set (bar velocity), e.g. point_1_mean_concentric_velocity. */
    public boolean setVelocity() { return key.matches("point_\\d+_mean_concentric_velocity"); }

    public List<Visit> kept() { return visits.stream().filter(v -> !v.leftOut()).toList(); }

    public List<Visit> leftOut() { return visits.stream().filter(Visit::leftOut).toList(); }

    /** The latest kept visit, null when every visit was left out. */
    public Visit latest() { List<Visit> k = kept(); return k.isEmpty() ? null : k.getLast(); }
}
