package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table {@code analysis_tracked_point}: points a user clicked on the analysis page and had followed through the video
 * ({@link PointPath}), numbered per analysis, with who added them. Unlike the rest of an analysis they are added and
 * removed one at a time after it was stored, and carried over to the video's next analysis (they follow pixels, not
 * the pose model).
 */
final class TrackedPointCodec {
    private TrackedPointCodec() {}

    static final String SELECT = """
            select p.id, p.analysis_id, p.point_no, p.spec_x_px, p.spec_y_px, p.spec_time_s, p.anchor_frame, p.frames, p.times_s,
                   p.x_px, p.y_px, p.confidence, acc.display_name as created_by_name, p.created_at
            from analysis_tracked_point p
            join analysis a on a.id = p.analysis_id and a.clinic_id = p.clinic_id
            left join account acc on acc.id = p.created_by
            where p.analysis_id = :id and p.clinic_id = :clinic and a.complete order by p.point_no""";
    /** Locks the analysis row: two points added at once must not take the same number. */
    static final String LOCK_ANALYSIS = "select id from analysis where id = :id and clinic_id = :clinic and complete for update";
    static final String INSERT = """
            insert into analysis_tracked_point (clinic_id, analysis_id, point_no, spec_x_px, spec_y_px, spec_time_s,
                                                anchor_frame, frames, times_s, x_px, y_px, confidence, created_by)
            values (:clinic, :analysis,
                    (select coalesce(max(point_no), 0) + 1 from analysis_tracked_point where analysis_id = :analysis),
                    :sx, :sy, :st, :anchor, :frames, :times, :x, :y, :c, :by)
            returning id""";
    static final String DELETE = "delete from analysis_tracked_point where id = :id and analysis_id = :analysis and clinic_id = :clinic";
    /** Copies the points of the video's latest other complete analysis onto a new one (same numbers, same authors). */
    static final String CARRY = """
            insert into analysis_tracked_point (clinic_id, analysis_id, point_no, spec_x_px, spec_y_px, spec_time_s,
                anchor_frame, frames, times_s, x_px, y_px, confidence, created_by, created_at)
            select clinic_id, ?, point_no, spec_x_px, spec_y_px, spec_time_s, anchor_frame, frames, times_s, x_px, y_px,
                confidence, created_by, created_at
            from analysis_tracked_point
            where clinic_id = ? and analysis_id = (select a.id from analysis a
                where a.clinic_id = ? and a.video_id = ? and a.complete and a.id <> ?
                order by a.completed_at desc, a.id desc limit 1)""";

    static List<TrackedPath> list(JdbcClient jdbc, long clinicId, long analysisId) {
        return jdbc.sql(SELECT).param("id", analysisId).param("clinic", clinicId).query(TrackedPointCodec::read).list();
    }

    /** Inserts under the next free number of the analysis (the path's own pointId is ignored); false without such an analysis. */
    static Long insert(JdbcClient jdbc, long clinicId, long analysisId, PointPath path, Long createdBy) {
        if (jdbc.sql(LOCK_ANALYSIS).param("id", analysisId).param("clinic", clinicId).query(Long.class).optional().isEmpty()) return null;
        return jdbc.sql(INSERT)
                .param("clinic", clinicId).param("analysis", analysisId)
                .param("sx", path.specXPx()).param("sy", path.specYPx()).param("st", path.specTimeS())
                .param("anchor", path.anchorFrame()).param("frames", SqlArrays.ints(path.frames()))
                .param("times", path.timesS()).param("x", path.xPx()).param("y", path.yPx()).param("c", path.confidence())
                .param("by", createdBy)
                .query(Long.class).single();
    }

    static boolean delete(JdbcClient jdbc, long clinicId, long analysisId, long id) {
        return jdbc.sql(DELETE).param("id", id).param("analysis", analysisId).param("clinic", clinicId).update() == 1;
    }

    static void carry(Connection c, long clinicId, long videoId, long analysisId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CARRY)) {
            ps.setLong(1, analysisId);
            ps.setLong(2, clinicId);
            ps.setLong(3, clinicId);
            ps.setLong(4, videoId);
            ps.setLong(5, analysisId);
            ps.executeUpdate();
        }
    }

    static TrackedPath read(ResultSet rs, int n) throws SQLException {
        return new TrackedPath(rs.getLong("id"), rs.getLong("analysis_id"),
                new PointPath(rs.getInt("point_no"), rs.getDouble("spec_x_px"), rs.getDouble("spec_y_px"),
                        rs.getDouble("spec_time_s"), rs.getLong("anchor_frame"), SqlArrays.longs(rs, "frames"),
                        SqlArrays.doubles(rs, "times_s"), SqlArrays.floats(rs, "x_px"), SqlArrays.floats(rs, "y_px"),
                        SqlArrays.floats(rs, "confidence")),
                rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
