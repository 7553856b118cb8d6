package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Table {@code analysis_subject_series}: the analysed subject's keypoints as the tracking module's
 * {@link KeypointSeries}, one row per {@link Kind}: the model's output for the subject's track (raw) and the offline
 * filter chain's (filtered, what the angles were computed from and the overlay draws). Layout: {@link FloatArrays}.
 */
final class SubjectSeriesCodec {
    private SubjectSeriesCodec() {}

    public enum Kind {
        RAW, FILTERED;

        String code() { return name().toLowerCase(Locale.ROOT); }
    }

    static final String INSERT = """
            insert into analysis_subject_series (analysis_id, kind, filter, frames, times_s, keypoints, world)
            values (?, ?, ?, ?, ?, ?, ?)""";
    static final String SELECT = """
            select s.filter, s.frames, s.times_s, s.keypoints, s.world, a.skeleton
            from analysis_subject_series s join analysis a on a.id = s.analysis_id
            where a.id = :id and a.clinic_id = :clinic and a.complete and s.kind = :kind""";

    /** Copies the model's raw series of analysis {@code base} (2nd parameter) to a corrected analysis (1st): it is not corrected. */
    static final String COPY_RAW = """
            insert into analysis_subject_series (analysis_id, kind, filter, frames, times_s, keypoints, world)
            select ?, kind, filter, frames, times_s, keypoints, world from analysis_subject_series where analysis_id = ? and kind = 'raw'""";

    static void insert(Connection c, long analysisId, Kind kind, KeypointSeries s) throws SQLException {
        if (s == null) return;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setLong(1, analysisId);
            ps.setString(2, kind.code());
            ps.setString(3, s.filter());
            ps.setArray(4, SqlArrays.of(c, "int4", SqlArrays.ints(s.frames())));
            ps.setArray(5, SqlArrays.of(c, "float8", s.timesS()));
            ps.setBytes(6, FloatArrays.keypoints(s));
            ps.setBytes(7, FloatArrays.world(s));
            ps.executeUpdate();
        }
    }

    static KeypointSeries read(ResultSet rs, int n) throws SQLException {
        return FloatArrays.series(AnalysisCodec.skeleton(rs.getString("skeleton")), SqlArrays.longs(rs, "frames"),
                SqlArrays.doubles(rs, "times_s"), rs.getBytes("keypoints"), rs.getBytes("world"), rs.getString("filter"));
    }
}
