package org.poseanalytics.web.video;

import java.nio.file.Path;

/**
 * Published when a video row and its file are stored; listeners should use
 * {@code @TransactionalEventListener} (after commit, the default phase) so they only see videos that exist.
 * This is where the job runner enqueues the analysis.
 */
public record VideoUploaded(long videoId, long clinicId, long sessionId, Path file) {}
