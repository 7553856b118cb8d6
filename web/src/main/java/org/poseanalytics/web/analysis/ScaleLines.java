package org.poseanalytics.web.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.Video;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scale line of each video (table {@code video_scale_line}): drawn with two clicks on a paused frame of the analysis
 * page and given its real length, it is what a "line" scale of the video's next analysis is made from. One per video;
 * drawing again replaces it. The library's {@link ScaleSpec.Line} checks it (a non-positive length, a line of a few
 * pixels) and {@link ScaleSpec#validateInFrame} its ends against the displayed frame: a bad line is refused with that
 * message and nothing is stored. Drawing and removing are in the audit log, like a tracked point (a subject's stored
 * data changes). Clinic-scoped: another clinic's video answers like one without a line.
 */
@Service
public class ScaleLines {
    private static final String SELECT = """
            select l.video_id, l.x1_px, l.y1_px, l.x2_px, l.y2_px, l.length_m, l.time_s, acc.display_name as created_by_name,
                   l.created_at
            from video_scale_line l left join account acc on acc.id = l.created_by
            where l.video_id = :video and l.clinic_id = :clinic""";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SessionService sessions;

    ScaleLines(JdbcClient jdbc, CurrentUser currentUser, AuditService audit, SessionService sessions) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.sessions = sessions;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public Optional<ScaleLine> of(long videoId) {
        return ofClinic(currentUser.clinicId(), videoId);
    }

    /** For the job runner, which has no signed-in user: the clinic comes with the job. */
    Optional<ScaleLine> ofClinic(long clinicId, long videoId) {
        return jdbc.sql(SELECT).param("video", videoId).param("clinic", clinicId).query(ScaleLines::read).optional();
    }

    /**
     * Stores the line from (x1, y1) to (x2, y2), pixels of the video's displayed frame, whose real length is
     * {@code lengthM} metres, drawn at video time {@code timeS}; replaces the video's earlier line.
     *
     * @throws UserInputException with the reason when it cannot be a scale (nothing is stored then)
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public ScaleLine draw(Video video, double x1, double y1, double x2, double y2, double lengthM, double timeS) {
        ScaleSpec.Line line = validated(video, x1, y1, x2, y2, lengthM);
        jdbc.sql("""
                        insert into video_scale_line (video_id, clinic_id, x1_px, y1_px, x2_px, y2_px, length_m, time_s, created_by)
                        values (:video, :clinic, :x1, :y1, :x2, :y2, :m, :t, :by)
                        on conflict (video_id) do update set x1_px = excluded.x1_px, y1_px = excluded.y1_px,
                            x2_px = excluded.x2_px, y2_px = excluded.y2_px, length_m = excluded.length_m, time_s = excluded.time_s,
                            created_by = excluded.created_by, created_at = now()
                        where video_scale_line.clinic_id = excluded.clinic_id""")
                .param("video", video.id()).param("clinic", currentUser.clinicId())
                .param("x1", line.x1()).param("y1", line.y1()).param("x2", line.x2()).param("y2", line.y2())
                .param("m", line.metres()).param("t", Double.isFinite(timeS) ? timeS : null, Types.DOUBLE)
                .param("by", currentUser.get().accountId()).update();
        Session s = sessions.get(video.sessionId());
        audit.record(AuditAction.TRACKED, s.subjectId(), video.id(), String.format(Locale.ROOT,
                "scale line drawn on video %d: (%.0f, %.0f)–(%.0f, %.0f) px = %s m", video.id(),
                line.x1(), line.y1(), line.x2(), line.y2(), org.poseanalytics.web.ui.ScaleText.metres(line.metres())));
        return of(video.id()).orElseThrow();
    }

    /** Removes the video's line; false when it had none. Analyses that used it keep their scale. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public boolean remove(Video video) {
        boolean removed = jdbc.sql("delete from video_scale_line where video_id = :video and clinic_id = :clinic")
                .param("video", video.id()).param("clinic", currentUser.clinicId()).update() == 1;
        if (removed) {
            Session s = sessions.get(video.sessionId());
            audit.record(AuditAction.DELETED, s.subjectId(), video.id(), "scale line removed from video " + video.id());
        }
        return removed;
    }

    /** The library's checks, with its message as the user's: the line's own, then against the video's displayed frame. */
    static ScaleSpec.Line validated(Video video, double x1, double y1, double x2, double y2, double lengthM) {
        try {
            ScaleSpec.Line line = new ScaleSpec.Line(x1, y1, x2, y2, lengthM);
            line.validateInFrame(video.width(), video.height());
            return line;
        } catch (IllegalArgumentException e) {
            throw new UserInputException(org.poseanalytics.web.ui.ScaleText.sentence(e.getMessage()), "scaleLine");
        }
    }

    private static ScaleLine read(ResultSet rs, int n) throws SQLException {
        double t = rs.getDouble("time_s");
        Double time = rs.wasNull() ? null : t;
        return new ScaleLine(rs.getLong("video_id"),
                new ScaleSpec.Line(rs.getDouble("x1_px"), rs.getDouble("y1_px"), rs.getDouble("x2_px"), rs.getDouble("y2_px"), rs.getDouble("length_m")),
                time, rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
