package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.TrackedPoint;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table {@code analysis_tracked_point}: points a user clicked on the analysis page and had followed through the video
 * ({@link PointTrajectory}), numbered per analysis, with who added them. Unlike the rest of an analysis they are added and
 * removed one at a time after it was stored, and carried over to the video's next analysis (they follow pixels, not
 * the pose model). A trajectory is stored as columns, one array per field: x, y and confidence as float32, x and y NaN
 * where the point was occluded (that NaN is what marks an occluded frame on reading).
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
    static final String DELETE = "delete from analysis_tracked_point where id = :id and analysis_id = :analysis and clinic_id = :clinic returning point_no";
    /** The points of an analysis being stored (not yet complete): those just carried over to it. */
    static final String OF_UNFINISHED = """
            select p.id, p.analysis_id, p.point_no, p.spec_x_px, p.spec_y_px, p.spec_time_s, p.anchor_frame, p.frames, p.times_s,
                   p.x_px, p.y_px, p.confidence, null as created_by_name, p.created_at
            from analysis_tracked_point p where p.analysis_id = ? order by p.point_no""";
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

    /** Inserts under the next free number of the analysis (the trajectory's own pointId is ignored); null without such an analysis. */
    static Long insert(JdbcClient jdbc, long clinicId, long analysisId, PointTrajectory trajectory, Long createdBy) {
        if (jdbc.sql(LOCK_ANALYSIS).param("id", analysisId).param("clinic", clinicId).query(Long.class).optional().isEmpty()) return null;
        List<TrackedPoint> points = trajectory.points();
        int n = points.size();
        int[] frames = new int[n];
        double[] times = new double[n];
        float[] x = new float[n], y = new float[n], c = new float[n];
        for (int i = 0; i < n; i++) {
            TrackedPoint p = points.get(i);
            frames[i] = Math.toIntExact(p.frame());
            times[i] = p.timeS();
            x[i] = p.occluded() ? Float.NaN : (float) p.xPx();
            y[i] = p.occluded() ? Float.NaN : (float) p.yPx();
            c[i] = (float) p.confidence();
        }
        PointSpec spec = trajectory.spec();
        return jdbc.sql(INSERT)
                .param("clinic", clinicId).param("analysis", analysisId)
                .param("sx", spec.xPx()).param("sy", spec.yPx()).param("st", spec.timeS())
                .param("anchor", trajectory.anchorFrame()).param("frames", frames)
                .param("times", times).param("x", x).param("y", y).param("c", c)
                .param("by", createdBy)
                .query(Long.class).single();
    }

    /** The removed point's number, empty when the clinic has no such point. */
    static java.util.Optional<Integer> delete(JdbcClient jdbc, long clinicId, long analysisId, long id) {
        return jdbc.sql(DELETE).param("id", id).param("analysis", analysisId).param("clinic", clinicId).query(Integer.class).optional();
    }

    /** The points carried over to an analysis being stored, as trajectories. */
    static List<PointTrajectory> carried(Connection c, long analysisId) throws SQLException {
        List<PointTrajectory> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OF_UNFINISHED)) {
            ps.setLong(1, analysisId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs, out.size()).trajectory());
            }
        }
        return out;
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

    static TrackedPath read(ResultSet rs, int row) throws SQLException {
        long[] frames = SqlArrays.longs(rs, "frames");
        double[] times = SqlArrays.doubles(rs, "times_s");
        float[] x = SqlArrays.floats(rs, "x_px"), y = SqlArrays.floats(rs, "y_px"), c = SqlArrays.floats(rs, "confidence");
        int n = frames.length;
        if (times.length != n || x.length != n || y.length != n || c.length != n)
            throw new IllegalStateException("tracked point " + rs.getLong("id") + ": stored arrays differ in length");
        List<TrackedPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean hidden = !Float.isFinite(x[i]) || !Float.isFinite(y[i]);
            points.add(new TrackedPoint(frames[i], times[i], hidden ? Double.NaN : x[i], hidden ? Double.NaN : y[i], c[i], hidden));
        }
        PointTrajectory trajectory = new PointTrajectory(rs.getInt("point_no"),
                new PointSpec(rs.getDouble("spec_x_px"), rs.getDouble("spec_y_px"), rs.getDouble("spec_time_s")),
                rs.getLong("anchor_frame"), points);
        return new TrackedPath(rs.getLong("id"), rs.getLong("analysis_id"), trajectory,
                rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
