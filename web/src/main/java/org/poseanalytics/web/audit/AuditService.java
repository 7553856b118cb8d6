package org.poseanalytics.web.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Who viewed, uploaded, exported or deleted which subject's media, and when. Admins read it. */
@Service
public class AuditService {
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    AuditService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    public void record(AuditAction action, long subjectId, String subjectName, Long videoId, String detail) {
        AccountPrincipal user = currentUser.get();
        jdbc.sql("""
                        insert into audit_event (clinic_id, account_id, username, action, subject_id, subject_name, video_id, detail)
                        values (:clinic, :account, :username, :action, :subject, :subjectName, :video, :detail)""")
                .param("clinic", user.clinicId()).param("account", user.accountId()).param("username", user.getUsername())
                .param("action", action.code()).param("subject", subjectId).param("subjectName", subjectName)
                .param("video", videoId).param("detail", detail).update();
    }

    /**
     * A page of thumbnails is one look, not twenty: the same user viewing the same video again within five
     * minutes is not recorded again.
     */
    public void recordView(long subjectId, String subjectName, long videoId, String detail) {
        AccountPrincipal user = currentUser.get();
        jdbc.sql("""
                        insert into audit_event (clinic_id, account_id, username, action, subject_id, subject_name, video_id, detail)
                        select :clinic, :account, :username, 'viewed', :subject, :subjectName, :video, :detail
                        where not exists (select 1 from audit_event where clinic_id = :clinic and account_id = :account
                                          and video_id = :video and action = 'viewed' and detail = :detail
                                          and at > now() - interval '5 minutes')""")
                .param("clinic", user.clinicId()).param("account", user.accountId()).param("username", user.getUsername())
                .param("subject", subjectId).param("subjectName", subjectName).param("video", videoId)
                .param("detail", detail).update();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEvent> latest(int limit) {
        return jdbc.sql("select * from audit_event where clinic_id = :clinic order by at desc, id desc limit :limit")
                .param("clinic", currentUser.clinicId()).param("limit", limit)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("username"), AuditAction.of(rs.getString("action")),
                        rs.getObject("subject_id", Long.class), rs.getString("subject_name"),
                        rs.getObject("video_id", Long.class), rs.getString("detail")))
                .list();
    }
}
