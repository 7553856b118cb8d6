package org.poseanalytics.web.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
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
 * Drawings on a video's frames (table {@code video_drawing}): made, relabelled and deleted by clinicians, read by everyone
 * of the clinic; each change audited without its text. Points outside the frame, the wrong number of points for the
 * kind, a time outside the video or a text without words are refused with the reason.
 */
@Service
public class FrameDrawings {
    public static final int MAX_LABEL = 200;
    private static final String SELECT = """
            select d.id, d.video_id, d.time_s, d.kind, d.points, d.label, acc.display_name as created_by_name, d.created_at
            from video_drawing d left join account acc on acc.id = d.created_by
            where d.video_id = :video and d.clinic_id = :clinic order by d.time_s, d.id""";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SessionService sessions;

    FrameDrawings(JdbcClient jdbc, CurrentUser currentUser, AuditService audit, SessionService sessions) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.sessions = sessions;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<FrameDrawing> of(long videoId) {
        return jdbc.sql(SELECT).param("video", videoId).param("clinic", currentUser.clinicId()).query(FrameDrawings::read).list();
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public FrameDrawing add(Video video, double timeS, FrameDrawing.Kind kind, List<FrameDrawing.Point> points, String label) {
        String text = validated(video, timeS, kind, points, label);
        long id = jdbc.sql("""
                        insert into video_drawing (clinic_id, video_id, time_s, kind, points, label, created_by)
                        values (:clinic, :video, :t, :kind, cast(:points as double precision[]), :label, :by) returning id""")
                .param("clinic", currentUser.clinicId()).param("video", video.id()).param("t", timeS).param("kind", kind.code())
                .param("points", literal(points)).param("label", text).param("by", currentUser.get().accountId())
                .query(Long.class).single();
        audit.record(AuditAction.CREATED, subjectOf(video), video.id(), kind.code() + " drawing " + id + " on video " + video.id()
                + " at " + String.format(Locale.ROOT, "%.2f s", timeS));
        return get(video, id);
    }

    /** A new text (or label) for a drawing; its points and time stay. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public FrameDrawing relabel(Video video, long drawingId, String label) {
        FrameDrawing d = get(video, drawingId);
        String text = validated(video, d.timeS(), d.kind(), d.points(), label);
        jdbc.sql("update video_drawing set label = :label, changed_at = now() where id = :id and video_id = :video and clinic_id = :clinic")
                .param("label", text).param("id", drawingId).param("video", video.id()).param("clinic", currentUser.clinicId()).update();
        audit.record(AuditAction.CHANGED, subjectOf(video), video.id(), "drawing " + drawingId + " on video " + video.id() + " changed");
        return get(video, drawingId);
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void delete(Video video, long drawingId) {
        int n = jdbc.sql("delete from video_drawing where id = :id and video_id = :video and clinic_id = :clinic")
                .param("id", drawingId).param("video", video.id()).param("clinic", currentUser.clinicId()).update();
        if (n == 0) throw new NotFoundException("Drawing " + drawingId);
        audit.record(AuditAction.DELETED, subjectOf(video), video.id(), "drawing " + drawingId + " on video " + video.id() + " deleted");
    }

    private FrameDrawing get(Video video, long id) {
        return of(video.id()).stream().filter(d -> d.id() == id).findFirst().orElseThrow(() -> new NotFoundException("Drawing " + id));
    }

    static String validated(Video video, double timeS, FrameDrawing.Kind kind, List<FrameDrawing.Point> points, String label) {
        String text = label == null ? "" : label.strip();
        if (text.length() > MAX_LABEL) throw new UserInputException("A drawing's text holds at most " + MAX_LABEL + " characters.", "drawing");
        if (kind == FrameDrawing.Kind.TEXT && text.isEmpty()) throw new UserInputException("Write the text first, then click where it goes.", "drawing");
        if (points == null || points.size() != kind.points())
            throw new UserInputException("A " + kind.label().toLowerCase(Locale.ROOT) + " takes " + kind.points() + " point(s) on the frame.", "drawing");
        for (FrameDrawing.Point p : points) {
            if (!(p.x() >= 0 && p.y() >= 0 && p.x() <= video.width() + 0.5 && p.y() <= video.height() + 0.5))
                throw new UserInputException("Click inside the picture (" + video.width() + " × " + video.height() + " px).", "drawing");
        }
        double end = video.durationS() > 0 ? video.durationS() + 0.05 : Double.POSITIVE_INFINITY;
        if (!Double.isFinite(timeS) || timeS < 0 || timeS > end)
            throw new UserInputException("A drawing must lie within the video (0 to " + AnalysisView.fmt(video.durationS(), 2) + " s).", "drawing");
        return text;
    }

    private static String literal(List<FrameDrawing.Point> points) {
        return points.stream().map(p -> Double.toString(p.x()) + "," + p.y()).collect(Collectors.joining(",", "{", "}"));
    }

    private long subjectOf(Video video) { return sessions.get(video.sessionId()).subjectId(); }

    private static FrameDrawing read(ResultSet rs, int n) throws SQLException {
        double[] xy = SqlArrays.doubles(rs, "points");
        List<FrameDrawing.Point> points = new ArrayList<>();
        for (int i = 0; i + 1 < xy.length; i += 2) points.add(new FrameDrawing.Point(xy[i], xy[i + 1]));
        return new FrameDrawing(rs.getLong("id"), rs.getLong("video_id"), rs.getDouble("time_s"), FrameDrawing.Kind.of(rs.getString("kind")),
                List.copyOf(points), rs.getString("label"), rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
