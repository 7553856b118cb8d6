package org.poseanalytics.web.audit;

import java.time.LocalDate;

/**
 * Which entries of the clinic's audit log to show or export; a null field does not filter.
 *
 * @param from     first day (inclusive, server time zone)
 * @param to       last day (inclusive)
 * @param username who did it, exactly (ignoring case)
 * @param limit    at most this many entries, newest first
 */
public record AuditFilter(LocalDate from, LocalDate to, String username, AuditAction action, Long subjectId, int limit) {
    public static AuditFilter latest(int limit) { return new AuditFilter(null, null, null, null, null, limit); }

    /** In words, for the audit entry of an export. */
    String describe() {
        StringBuilder s = new StringBuilder();
        if (from != null) s.append(" from ").append(from);
        if (to != null) s.append(" to ").append(to);
        if (username != null) s.append(" user ").append(username);
        if (action != null) s.append(" action ").append(action.code());
        if (subjectId != null) s.append(" subject ").append(subjectId);
        return s.isEmpty() ? "all entries" : s.toString().trim();
    }
}
