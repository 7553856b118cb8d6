package org.poseanalytics.web.analysis;

import java.time.LocalDate;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.view.CameraView;

/**
 * One session-wide metric value of a subject on one session date, from the latest complete analysis of one video
 * of that session: a point of a trend chart. A session with two videos gives two points on the same date.
 *
 * @param quality       null when stored before quality checks ("not rated")
 * @param reason        why it is not valid ("" when valid or not rated)
 * @param view          the analysis' dominant camera view; null when stored before the view was measured
 * @param headlineRank  its rank among that analysis' headline figures, null when it is not one
 * @param headlineLabel the headline's label, null when it is not one
 */
public record MetricHistoryPoint(LocalDate sessionDate, long sessionId, long videoId, long analysisId, String exercise,
                                 String model, String name, BodySide side, double value, String unit, Quality quality,
                                 String reason, CameraView view, Integer headlineRank, String headlineLabel) {

    public MetricHistoryPoint {
        if (reason == null) reason = "";
    }

    public String key() { return side.prefix() + name; }

    /** The figure as the analysis page shows it (value, unit, quality, reason). */
    public MetricResult metric() { return new MetricResult(name, value, unit, side, null, quality, reason); }
}
