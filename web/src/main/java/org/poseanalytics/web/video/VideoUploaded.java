package org.poseanalytics.web.video;

import java.nio.file.Path;

/**
 * A video row and its file are stored ({@code VideoService#store} publishes it inside the insert's transaction).
 * Its listeners: {@code analysis.AnalysisJobs#analyseUpload} queues the video's analysis, {@link BrowserCopies} its
 * browser copy (when browsers cannot play the upload). Listeners
 * use {@code @TransactionalEventListener} (after commit, the default phase) so they only see videos that exist.
 */
public record VideoUploaded(long videoId, long clinicId, long sessionId, Path file) {}
