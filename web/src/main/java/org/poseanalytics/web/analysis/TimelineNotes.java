package org.poseanalytics.web.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.Video;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a video's timeline (table {@code video_note}): written, edited and deleted by clinicians, read by everyone of
 * the clinic. Each change is audited without the note's text (it may name the patient). A note outside the video, an
 * empty one or one over 500 characters is refused with the reason.
 */
@Service
public class TimelineNotes {
    public static final int MAX_LENGTH = 500;
    private static final String SELECT = """
            select n.id, n.video_id, n.start_s, n.end_s, n.body, acc.display_name as created_by_name, n.created_at
            from video_note n left join account acc on acc.id = n.created_by
            where n.video_id = :video and n.clinic_id = :clinic order by n.start_s, n.id""";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SessionService sessions;

    TimelineNotes(JdbcClient jdbc, CurrentUser currentUser, AuditService audit, SessionService sessions) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.sessions = sessions;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<TimelineNote> of(long videoId) {
        return jdbc.sql(SELECT).param("video", videoId).param("clinic", currentUser.clinicId()).query(TimelineNotes::read).list();
    }

    /** A new note at {@code startS} (to {@code endS}, null for a moment). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public TimelineNote add(Video video, double startS, Double endS, String body) {
        String text = validated(video, startS, endS, body);
        long id = jdbc.sql("""
                        insert into video_note (clinic_id, video_id, start_s, end_s, body, created_by)
                        values (:clinic, :video, :start, :end, :body, :by) returning id""")
                .param("clinic", currentUser.clinicId()).param("video", video.id()).param("start", startS).param("end", endS, Types.DOUBLE)
                .param("body", text).param("by", currentUser.get().accountId()).query(Long.class).single();
        audit.record(AuditAction.CREATED, subjectOf(video), video.id(), "note " + id + " on video " + video.id() + " at " + time(startS, endS));
        return get(video, id);
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public TimelineNote change(Video video, long noteId, double startS, Double endS, String body) {
        String text = validated(video, startS, endS, body);
        int n = jdbc.sql("""
                        update video_note set start_s = :start, end_s = :end, body = :body, changed_at = now()
                        where id = :id and video_id = :video and clinic_id = :clinic""")
                .param("start", startS).param("end", endS, Types.DOUBLE).param("body", text).param("id", noteId)
                .param("video", video.id()).param("clinic", currentUser.clinicId()).update();
        if (n == 0) throw new NotFoundException("Note " + noteId);
        audit.record(AuditAction.CHANGED, subjectOf(video), video.id(), "note " + noteId + " on video " + video.id() + " changed");
        return get(video, noteId);
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void delete(Video video, long noteId) {
        int n = jdbc.sql("delete from video_note where id = :id and video_id = :video and clinic_id = :clinic")
                .param("id", noteId).param("video", video.id()).param("clinic", currentUser.clinicId()).update();
        if (n == 0) throw new NotFoundException("Note " + noteId);
        audit.record(AuditAction.DELETED, subjectOf(video), video.id(), "note " + noteId + " on video " + video.id() + " deleted");
    }

    private TimelineNote get(Video video, long id) {
        return of(video.id()).stream().filter(n -> n.id() == id).findFirst().orElseThrow(() -> new NotFoundException("Note " + id));
    }

    static String validated(Video video, double startS, Double endS, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) throw new UserInputException("Write the note first.", "note");
        if (text.length() > MAX_LENGTH) throw new UserInputException("A note holds at most " + MAX_LENGTH + " characters; this one has "
                + text.length() + ".", "note");
        double end = video.durationS() > 0 ? video.durationS() + 0.05 : Double.POSITIVE_INFINITY;
        if (!Double.isFinite(startS) || startS < 0 || startS > end)
            throw new UserInputException("A note must lie within the video (0 to " + AnalysisView.fmt(video.durationS(), 2) + " s).", "note");
        if (endS != null && (!Double.isFinite(endS) || endS <= startS || endS > end))
            throw new UserInputException("A span must end after it starts and within the video.", "note");
        return text;
    }

    private static String time(double startS, Double endS) {
        return AnalysisView.fmt(startS, 2) + (endS == null ? "" : "–" + AnalysisView.fmt(endS, 2)) + " s";
    }

    private long subjectOf(Video video) { return sessions.get(video.sessionId()).subjectId(); }

    private static TimelineNote read(ResultSet rs, int n) throws SQLException {
        Object end = rs.getObject("end_s");
        return new TimelineNote(rs.getLong("id"), rs.getLong("video_id"), rs.getDouble("start_s"), end == null ? null : rs.getDouble("end_s"),
                rs.getString("body"), rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
