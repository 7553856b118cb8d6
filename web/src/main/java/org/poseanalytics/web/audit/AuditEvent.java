package org.poseanalytics.web.audit;

import java.time.OffsetDateTime;

/**
 * One audit entry. It names the subject and the video by id only: an erased subject leaves no name behind, and no
 * file name (which often carries the patient's name) is kept. {@code detail} says what, in ids and dates.
 */
public record AuditEvent(long id, OffsetDateTime at, String username, AuditAction action, Long subjectId, Long videoId,
                         String detail) {}
