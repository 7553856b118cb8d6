package org.poseanalytics.web.analysis;

import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.view.CameraView;

/**
 * One of a subject's trends without its visits: which exercise, figure, unit and view it follows, how many visits it
 * has and how many of them are kept, and the headline its latest visit is (AnalysisQueries#trendHeadings). The progress
 * page lists these, and reads the visits of the one shown only (AnalysisQueries#trendVisits).
 *
 * @param exercise      the exercise id, "other" for analyses without one
 * @param viewKey       the stored dominant view the trend keeps to; null for a triangulated trend, or for analyses stored
 *                      before the view was measured
 * @param view          the view of its first visit (of a triangulated trend too), null when not measured
 * @param visits        visits with a value or a reason (a figure never measured is none)
 * @param kept          of which shown as a number (finite, not invalid)
 * @param headlineRank  the figure's rank among the headline figures of the latest visit's analysis, null if not one
 * @param headlineLabel that headline's label, null if not one
 */
public record TrendHeading(String exercise, String name, Side side, String unit, boolean multiCamera, String viewKey,
                           CameraView view, int visits, int kept, Integer headlineRank, String headlineLabel) {

    /** The figure's key as {@link MetricRecord#key()} writes it (side prefix, then the name). */
    public String key() { return side.prefix() + name; }
}
