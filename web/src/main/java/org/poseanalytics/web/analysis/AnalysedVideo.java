package org.poseanalytics.web.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A video of the clinic with its result: the video's latest complete analysis (the one its results are read from, see
 * {@link AnalysisQueries#latestComplete}) and where it sits (session, subject), for lists across the clinic.
 * {@code exercise} is the template the analysis used (null: none); {@code hasVideo} is false for keypoints imported
 * without a video; {@code repetitions} counts the analysis' stored repetitions.
 */
public record AnalysedVideo(long analysisId, long videoId, String originalName, boolean hasVideo, long sessionId, LocalDate sessionDate,
                            long subjectId, String subjectName, String exercise, String model, OffsetDateTime startedAt,
                            OffsetDateTime completedAt, int repetitions) {}
