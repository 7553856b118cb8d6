package org.poseanalytics.web.analysis;

import java.time.LocalDate;

/**
 * One session-wide metric value of a subject on one session date, from the latest complete analysis of one video
 * of that session: a point of a trend chart. A session with two videos gives two points on the same date.
 */
public record MetricHistoryPoint(LocalDate sessionDate, long sessionId, long videoId, long analysisId, String exercise,
                                 String model, String name, BodySide side, double value, String unit) {

    public String key() { return side.prefix() + name; }
}
