package org.poseanalytics.web.share;

import java.time.OffsetDateTime;

/**
 * A read-only link given to a patient: one video's session report ({@code videoId} set) or the subject's progress page
 * ({@code videoId} null). The token itself is never kept; only its hash, so a listed link cannot be re-sent, only
 * withdrawn and made anew.
 *
 * @param what      "Progress page" or "Session report of 2026-03-04 (squat, video 12)"
 * @param createdBy the clinician's display name, null when their account is gone
 */
public record ShareLink(long id, long subjectId, Long videoId, String what, boolean hasPin, int failedPins,
                        OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt, String createdBy) {

    public boolean locked() { return failedPins >= ShareLinks.MAX_FAILED_PINS; }

    public boolean usableAt(OffsetDateTime now) { return revokedAt == null && !locked() && now.isBefore(expiresAt); }

    /** As the list shows it: "active", "expired", "withdrawn" or "locked (too many wrong PINs)". */
    public String state(OffsetDateTime now) {
        if (revokedAt != null) return "withdrawn";
        if (!now.isBefore(expiresAt)) return "expired";
        if (locked()) return "locked (too many wrong PINs)";
        return "active";
    }

    public boolean report() { return videoId != null; }
}
