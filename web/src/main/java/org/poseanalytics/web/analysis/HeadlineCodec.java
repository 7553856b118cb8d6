package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;

/**
 * Table {@code analysis_headline}: the exercise's lead figures ({@link Headline}), in rank order. A headline keeps
 * the name and side of its session-wide figure, which {@link MetricCodec} stores; read back, it is joined to that
 * figure again, and one whose figure is missing reads as invalid, "not measured", rather than disappearing.
 */
final class HeadlineCodec {
    private HeadlineCodec() {}

    static final String NOT_MEASURED = "not measured in this analysis";

    static final String INSERT = """
            insert into analysis_headline (analysis_id, rank, label, definition, metric_name, metric_side)
            values (?, ?, ?, ?, ?, ?)""";
    static final String SELECT = """
            select h.rank, h.label, h.definition, h.metric_name, h.metric_side,
                   m.value, m.unit, m.quality, m.reason, m.name is not null as found
            from analysis_headline h join analysis a on a.id = h.analysis_id
            left join lateral (select * from analysis_metric m where m.analysis_id = h.analysis_id
                and m.name = h.metric_name and m.side = h.metric_side and m.repetition is null limit 1) m on true
            where a.id = :id and a.clinic_id = :clinic and a.complete
            order by h.rank""";

    static void insert(Connection c, long analysisId, List<Headline> headlines) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Headline h : headlines) {
                ps.setLong(1, analysisId);
                ps.setInt(2, h.rank());
                ps.setString(3, h.label());
                ps.setString(4, h.definition() == null ? "" : h.definition());
                ps.setString(5, h.metric().name());
                ps.setString(6, h.metric().side().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Headline read(ResultSet rs, int n) throws SQLException {
        String name = rs.getString("metric_name");
        Side side = Side.parse(rs.getString("metric_side"));
        MetricRecord figure = rs.getBoolean("found") ? MetricCodec.read(rs, name, side, null)
                : new MetricRecord(name, Double.NaN, "", side, null, Quality.INVALID, NOT_MEASURED);
        return new Headline(rs.getInt("rank"), rs.getString("label"), rs.getString("definition"), figure);
    }
}
