package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;

/**
 * Table {@code analysis_metric}: the kinematics module's {@link MetricRecord}s, session-wide (repetition null) and
 * per repetition, each with its quality and reason. Figures stored before quality checks have neither and read back
 * {@linkplain MetricRecord#unrated unrated}. {@link #COLUMNS} and {@link #read} are shared by every query that
 * returns figures (the analysis' own, a subject's history).
 */
final class MetricCodec {
    private MetricCodec() {}

    /** The rows' columns for {@link BinaryCopy}, in the order {@link #insert} writes them. */
    static final String COPY_INTO = "analysis_metric (analysis_id, name, value, unit, side, repetition, quality, reason)";
    /** The columns {@link #read} maps, of {@code analysis_metric m}. */
    static final String COLUMNS = "m.name, m.value, m.unit, m.side, m.repetition, m.quality, m.reason";
    static final String SELECT = "select " + COLUMNS + """

            from analysis_metric m join analysis a on a.id = m.analysis_id
            where a.id = :id and a.clinic_id = :clinic and a.complete
            order by m.repetition nulls first, m.name, m.side""";

    /** A tracked point's figures ({@code point_<n>_…}, see PointVelocity), removed with the point. */
    static final String DELETE_POINT = "delete from analysis_metric where analysis_id = :analysis and name like :prefix";

    /** The name prefix of point {@code number}'s figures, as a LIKE pattern ("point\\_2\\_%"). */
    static String pointPrefix(int number) { return "point\\_" + number + "\\_%"; }

    /**
     * Every figure, and each headline's figure among them: a headline is stored by the name and side of its
     * session-wide figure ({@link HeadlineCodec}), so one the stage did not also list as a metric is added rather than lost.
     */
    static void insert(Connection c, long analysisId, List<MetricRecord> metrics, List<Headline> headlines) throws SQLException {
        List<MetricRecord> all = new ArrayList<>(metrics);
        for (Headline h : headlines) {
            MetricRecord m = h.metric();
            boolean listed = all.stream().anyMatch(o -> o.repetition() == null && o.key().equals(m.key()));
            if (!listed && m.repetition() == null) all.add(m);
        }
        // One COPY, not a batch of inserts: a batch is a statement per row, and each fires the figures' statement trigger
        // (V47, the subjects' change stamp): an hour's 64,000 figures took 9 s of a 12.9 s store that way; with one COPY
        // the whole store took 3–4.5 s (docs/BENCHMARKS.md, "An hour's results stored in under 3 s").
        try (BinaryCopy copy = BinaryCopy.into(c, COPY_INTO)) {
            for (MetricRecord m : all) {
                copy.row(8).int8(analysisId).text(m.name()).float8(m.value()).text(m.unit()).text(m.side().id()).int4(m.repetition())
                        .text(m.rated() ? m.quality().id() : null).text(m.rated() ? m.reason() : null);
            }
            copy.finish();
        }
    }

    static MetricRecord read(ResultSet rs, int n) throws SQLException {
        return read(rs, rs.getString("name"), Side.parse(rs.getString("side")), (Integer) rs.getObject("repetition"));
    }

    /** The value, unit, quality and reason columns of a row, as the figure named. */
    static MetricRecord read(ResultSet rs, String name, Side side, Integer repetition) throws SQLException {
        String quality = rs.getString("quality");
        if (quality == null) return MetricRecord.unrated(name, rs.getDouble("value"), rs.getString("unit"), side, repetition);
        return new MetricRecord(name, rs.getDouble("value"), rs.getString("unit"), side, repetition, Quality.parse(quality),
                rs.getString("reason"));
    }
}
