package org.poseanalytics.web.audit;

import java.time.OffsetDateTime;

public record AuditEvent(long id, OffsetDateTime at, String username, AuditAction action, Long subjectId,
                         String subjectName, Long videoId, String detail) {}
