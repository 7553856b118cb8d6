package org.poseanalytics.web.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.web.Csv;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's audit log: who read or changed which subject's data, who managed which user, who signed in, and when.
 * Entries name subjects and videos by id and never carry a patient's or a file's name (see {@link AuditEvent}).
 * Clinic admins read, filter and export it.
 */
@Service
public class AuditService {
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    AuditService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** A change (or an export) by the signed-in user; {@code detail} in ids and dates, no names. */
    public void record(AuditAction action, Long subjectId, Long videoId, String detail) {
        AccountPrincipal user = currentUser.get();
        insert(user.clinicId(), user.accountId(), user.getUsername(), action, subjectId, videoId, detail);
    }

    /**
     * A read of a subject's data by the signed-in user. A page of thumbnails, a player fetching ranges or a client
     * polling the API is one look, not hundreds: the same user reading the same thing ({@code detail}) of the same
     * subject and video again within five minutes is not recorded again.
     */
    public void viewed(long subjectId, Long videoId, String detail) {
        AccountPrincipal user = currentUser.get();
        jdbc.sql("""
                        insert into audit_event (clinic_id, account_id, username, action, subject_id, video_id, detail)
                        select :clinic, :account, :username, 'viewed', :subject, :video, :detail
                        where not exists (select 1 from audit_event where clinic_id = :clinic and account_id = :account
                                          and action = 'viewed' and subject_id = :subject
                                          and video_id is not distinct from cast(:video as bigint)
                                          and detail = :detail and at > now() - interval '5 minutes')""")
                .param("clinic", user.clinicId()).param("account", user.accountId()).param("username", user.getUsername())
                .param("subject", subjectId).param("video", videoId).param("detail", detail).update();
    }

    /**
     * An event by someone without an account (a patient opening a shared link): no account id, {@code who} names what
     * let them in (e.g. "share link 12").
     */
    public void recordAnonymous(long clinicId, String who, AuditAction action, Long subjectId, Long videoId, String detail) {
        insert(clinicId, null, who, action, subjectId, videoId, detail);
    }

    /** For events outside a signed-in request (sign-ins, an invite accepted): the clinic and account are given. */
    void insert(long clinicId, Long accountId, String username, AuditAction action, Long subjectId, Long videoId, String detail) {
        jdbc.sql("""
                        insert into audit_event (clinic_id, account_id, username, action, subject_id, video_id, detail)
                        values (:clinic, :account, :username, :action, :subject, :video, :detail)""")
                .param("clinic", clinicId).param("account", accountId).param("username", username)
                .param("action", action.code()).param("subject", subjectId).param("video", videoId)
                .param("detail", detail).update();
    }

    /**
     * As {@link #insert}, unless the same account wrote the same entry (action and detail) within the last minute: for
     * uses of an API token, where a script polling a status would otherwise write an entry a second.
     */
    void insertOncePerMinute(long clinicId, long accountId, String username, AuditAction action, String detail) {
        jdbc.sql("""
                        insert into audit_event (clinic_id, account_id, username, action, detail)
                        select :clinic, :account, :username, :action, :detail
                        where not exists (select 1 from audit_event where clinic_id = :clinic and account_id = :account
                                          and action = :action and detail = :detail and at > now() - interval '1 minute')""")
                .param("clinic", clinicId).param("account", accountId).param("username", username)
                .param("action", action.code()).param("detail", detail).update();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEvent> latest(int limit) { return search(AuditFilter.latest(limit)); }

    /** The clinic's entries that match, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEvent> search(AuditFilter filter) {
        StringBuilder sql = new StringBuilder("select * from audit_event where clinic_id = :clinic");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clinic", currentUser.clinicId());
        ZoneId zone = ZoneId.systemDefault();
        if (filter.from() != null) {
            sql.append(" and at >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            sql.append(" and at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.username() != null && !filter.username().isBlank()) {
            sql.append(" and lower(username) = lower(:username)");
            params.put("username", filter.username().trim());
        }
        if (filter.action() != null) {
            sql.append(" and action = :action");
            params.put("action", filter.action().code());
        }
        if (filter.subjectId() != null) {
            sql.append(" and subject_id = :subject");
            params.put("subject", filter.subjectId());
        }
        sql.append(" order by at desc, id desc limit :limit");
        params.put("limit", Math.max(0, filter.limit()));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("username"), AuditAction.of(rs.getString("action")),
                        rs.getObject("subject_id", Long.class), rs.getObject("video_id", Long.class), rs.getString("detail")))
                .list();
    }

    /** The user names that appear in the clinic's log, for the page's filter. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<String> usernames() {
        return jdbc.sql("select distinct username from audit_event where clinic_id = :clinic order by username")
                .param("clinic", currentUser.clinicId()).query(String.class).list();
    }

    /**
     * The matching entries as CSV (one header line, then one line per entry, times in ISO 8601 with offset). The export
     * is itself an entry of the log, with the filter it used.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int writeCsv(AuditFilter filter, Writer out) {
        List<AuditEvent> events = search(filter);
        List<String> lines = new ArrayList<>(events.size() + 1);
        lines.add("id,at,user,action,subject_id,video_id,detail");
        for (AuditEvent e : events) {
            lines.add(e.id() + "," + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.at()) + "," + Csv.text(e.username()) + ","
                    + e.action().code() + "," + (e.subjectId() == null ? "" : e.subjectId()) + ","
                    + (e.videoId() == null ? "" : e.videoId()) + "," + Csv.text(e.detail()));
        }
        try {
            for (String line : lines) out.write(line + "\r\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(AuditAction.EXPORTED, filter.subjectId(), null, "audit log CSV, " + events.size() + " entries: " + filter.describe());
        return events.size();
    }
}
