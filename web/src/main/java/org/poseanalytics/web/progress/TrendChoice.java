package org.poseanalytics.web.progress;

import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.web.analysis.TrendHeading;

/**
 * A trend the progress page offers, before its visits are read: what the chooser shows (label, exercise, headline) and
 * what picks the trend shown first (headline rank, how many visits are kept). Its visits: ProgressService#trend.
 */
public record TrendChoice(TrendHeading heading, String label) {
    public String exercise() { return heading.exercise(); }

    public String key() { return heading.key(); }

    public String unit() { return heading.unit(); }

    public CameraView view() { return heading.view(); }

    public Integer headlineRank() { return heading.headlineRank(); }

    public boolean headline() { return heading.headlineRank() != null; }

    /** Visits shown as a number (MetricTrend#kept's size). */
    public int kept() { return heading.kept(); }

    /** A tracked point's mean concentric velocity per set, as MetricTrend#setVelocity. */
    public boolean setVelocity() { return key().matches("point_\\d+_mean_concentric_velocity"); }
}
