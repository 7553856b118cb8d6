package org.poseanalytics.web.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * One metric of one exercise across a subject's sessions, oldest first, with the changes a clinician asks about:
 * since the first session and since the previous one.
 */
public record MetricTrend(String exercise, String key, String label, String unit, List<Visit> visits) {

    public record Visit(LocalDate date, long sessionId, long videoId, double value, Double sinceFirst, Double sincePrevious) {}

    public Visit latest() { return visits.getLast(); }
}
