package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import java.util.Locale;

/** A clinician's note at a moment of a video ({@code endS} null) or over a span of it. */
public record TimelineNote(long id, long videoId, double startS, Double endS, String body, String createdBy, OffsetDateTime createdAt) {
    /** "1.20 s" or "1.20–1.80 s". */
    public String when() {
        return endS == null ? String.format(Locale.ROOT, "%.2f s", startS) : String.format(Locale.ROOT, "%.2f–%.2f s", startS, endS);
    }
}
