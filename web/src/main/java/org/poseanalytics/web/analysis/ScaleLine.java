package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import org.poseanalytics.kinematics.scale.ScaleSpec;

/**
 * The reference line a clinician drew on a paused frame of a video, as stored ({@link ScaleLines}): the library's
 * {@link ScaleSpec.Line} (ends in pixels of the displayed frame, real length in metres), the video time it was drawn
 * at (null when not known), and who drew it when.
 */
public record ScaleLine(long videoId, ScaleSpec.Line line, Double timeS, String createdBy, OffsetDateTime createdAt) {}
