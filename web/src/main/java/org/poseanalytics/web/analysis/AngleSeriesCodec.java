package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.ViewSigns;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table {@code analysis_angle}, plus the sample axis and sign convention on the {@code analysis} row: the kinematics
 * module's {@link AngleTable}. One row per {@link AngleSeries}, in the pipeline's order; degrees and velocities as
 * float32 bytea, per-sample issues one byte each ({@link SampleIssue#code()}). Analyses stored before samples were
 * rated have no issues and read back unrated; those stored before version 27 have no sign convention (null).
 */
final class AngleSeriesCodec {
    private AngleSeriesCodec() {}

    /** The rows' columns for {@link BinaryCopy}, in the order {@link #insert} writes them. */
    static final String COPY_INTO = """
            analysis_angle (analysis_id, ord, column_name, joint, side, dimension, unit, values_deg, velocity_deg_per_s,
                issue_codes)""";
    static final String UPDATE_AXIS = """
            update analysis set angle_frames = ?, angle_times_s = ?, view_facing = ?, view_left_on_image_right = ?
            where id = ?""";
    static final String SELECT_AXIS = """
            select angle_frames, angle_times_s, view_facing, view_left_on_image_right from analysis
            where id = :id and clinic_id = :clinic and complete""";
    static final String SELECT = """
            select joint, side, dimension, values_deg, velocity_deg_per_s, issue_codes
            from analysis_angle where analysis_id = :id order by ord""";

    static void insert(Connection c, long analysisId, AngleTable t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_AXIS)) {
            ps.setArray(1, SqlArrays.of(c, "int4", SqlArrays.ints(t.frames())));
            ps.setArray(2, SqlArrays.of(c, "float8", t.timesS()));
            ps.setObject(3, t.viewSigns() == null ? null : t.viewSigns().facing(), Types.SMALLINT);
            ps.setObject(4, t.viewSigns() == null ? null : t.viewSigns().leftOnImageRight(), Types.SMALLINT);
            ps.setLong(5, analysisId);
            ps.executeUpdate();
        }
        try (BinaryCopy copy = BinaryCopy.into(c, COPY_INTO)) {
            int ord = 0;
            for (AngleSeries s : t.series()) {
                copy.row(10).int8(analysisId).int4(ord++).text(s.column()).text(s.angle().id()).text(s.side().id())
                        .text(dimensionId(s.dimension())).text("deg").float32(s.valuesDeg()).float32(s.velocityDegPerS())
                        .bytea(s.rated() ? issueBytes(s.issues()) : null);
            }
            copy.finish();
        }
    }

    /** The analysis' angles, empty when it is not a complete analysis of the clinic. */
    static Optional<AngleTable> read(JdbcClient jdbc, long analysisId, long clinicId) {
        record Axis(long[] frames, double[] timesS, ViewSigns signs) {}
        Optional<Axis> axis = jdbc.sql(SELECT_AXIS).param("id", analysisId).param("clinic", clinicId)
                .query((rs, n) -> {
                    Number facing = (Number) rs.getObject("view_facing"), left = (Number) rs.getObject("view_left_on_image_right");
                    return new Axis(SqlArrays.longs(rs, "angle_frames"), SqlArrays.doubles(rs, "angle_times_s"),
                            facing == null || left == null ? null : new ViewSigns(facing.intValue(), left.intValue()));
                }).optional();
        if (axis.isEmpty()) return Optional.empty();
        List<AngleSeries> series = new ArrayList<>();
        jdbc.sql(SELECT).param("id", analysisId).query(rs -> {
            JointAngle angle = joint(rs.getString("joint"));
            // An angle a later version no longer computes cannot be one of this version's records: it is left out.
            if (angle == null) return;
            Side side = Side.parse(rs.getString("side"));
            Dimension dim = dimension(rs.getString("dimension"));
            double[] values = FloatArrays.fromBytes(rs.getBytes("values_deg"));
            double[] velocity = FloatArrays.fromBytes(rs.getBytes("velocity_deg_per_s"));
            byte[] issues = rs.getBytes("issue_codes");
            series.add(issues == null ? new AngleSeries(angle, side, dim, values, velocity)
                    : new AngleSeries(angle, side, dim, values, velocity, issues(issues)));
        });
        Axis a = axis.get();
        return Optional.of(new AngleTable(a.frames(), a.timesS(), series, a.signs()));
    }

    /** As stored: "2d", "3d". */
    static String dimensionId(Dimension d) { return d == Dimension.WORLD_3D ? "3d" : "2d"; }

    static Dimension dimension(String id) {
        return switch (id) {
            case "2d" -> Dimension.IMAGE_2D;
            case "3d" -> Dimension.WORLD_3D;
            default -> throw new IllegalArgumentException("unknown angle dimension " + id);
        };
    }

    private static JointAngle joint(String id) {
        for (JointAngle j : JointAngle.values()) if (j.id().equals(id)) return j;
        return null;
    }

    private static byte[] issueBytes(SampleIssue[] issues) {
        byte[] out = new byte[issues.length];
        for (int i = 0; i < issues.length; i++) out[i] = (byte) (issues[i] == null ? 0 : issues[i].code());
        return out;
    }

    private static SampleIssue[] issues(byte[] bytes) {
        SampleIssue[] out = new SampleIssue[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = SampleIssue.ofCode(bytes[i] & 0xff);
        return out;
    }
}
