package org.poseanalytics.web.analysis;

import java.time.LocalDate;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.view.CameraView;

/**
 * One session-wide figure of a subject on one session date, from the latest complete analysis of one video of that
 * session: a point of a trend chart. A session with two videos gives two points on the same date.
 *
 * @param metric        the figure with its quality (null when stored before quality checks: "not rated")
 * @param view          the analysis' dominant camera view; null when stored before the view was measured
 * @param headlineRank  its rank among that analysis' headline figures, null when it is not one
 * @param headlineLabel the headline's label, null when it is not one
 * @param multiCamera   triangulated from several calibrated cameras (a multi-camera recording), not one camera's view
 */
public record MetricHistoryPoint(LocalDate sessionDate, long sessionId, long videoId, long analysisId, String exercise,
                                 String model, MetricRecord metric, CameraView view, Integer headlineRank, String headlineLabel,
                                 boolean multiCamera) {

    public String key() { return metric.key(); }

    public String name() { return metric.name(); }

    public Side side() { return metric.side(); }

    public double value() { return metric.value(); }

    public String unit() { return metric.unit(); }

    public Quality quality() { return metric.quality(); }

    public String reason() { return metric.reason(); }
}
