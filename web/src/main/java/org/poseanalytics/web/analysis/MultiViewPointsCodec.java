package org.poseanalytics.web.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.triangulation.Triangulated;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table {@code multiview_points}: a multi-camera analysis's {@link MultiViewSkeleton}. The points are the filtered ones
 * (what the angles came from) put back in the calibration's frame ({@link Triangulated#withFilteredPoints}); errors,
 * views and confidence are the triangulation's. Layout as {@link FloatArrays}: little-endian float32
 * [sample][landmark][x, y, z], [sample][landmark] for errors and confidence, one byte per [sample][landmark] for views.
 */
final class MultiViewPointsCodec {
    private MultiViewPointsCodec() {}

    static final String INSERT = """
            insert into multiview_points (analysis_id, calibration_json, landmarks, frames, times_s, points, error_px, view_masks, confidence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String SELECT = """
            select p.calibration_json, p.landmarks, p.frames, p.times_s, p.points, p.error_px, p.view_masks, p.confidence, a.skeleton
            from multiview_points p join analysis a on a.id = p.analysis_id
            where p.analysis_id = :id and a.clinic_id = :clinic and a.complete""";

    static void insert(Connection c, long analysisId, MultiViewStage.Result views) throws SQLException {
        Triangulated t = views.triangulated().withFilteredPoints(views.filtered().series(), views.calibration());
        int n = t.length(), l = t.skeleton().size();
        FloatBuffer points = floats(n * l * 3), errors = floats(n * l), confidence = floats(n * l);
        byte[] masks = new byte[n * l];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) {
                points.put((float) t.x()[j][i]).put((float) t.y()[j][i]).put((float) t.z()[j][i]);
                errors.put((float) t.errorPx()[j][i]);
                confidence.put((float) t.confidence()[j][i]);
                masks[i * l + j] = (byte) t.viewMask()[j][i];
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setLong(1, analysisId);
            ps.setString(2, CalibrationFiles.projectJson(views.calibration()));
            ps.setInt(3, l);
            ps.setArray(4, SqlArrays.of(c, "int4", SqlArrays.ints(t.frames())));
            ps.setArray(5, SqlArrays.of(c, "float8", t.timesS()));
            ps.setBytes(6, bytes(points));
            ps.setBytes(7, bytes(errors));
            ps.setBytes(8, masks);
            ps.setBytes(9, bytes(confidence));
            ps.executeUpdate();
        }
    }

    static Optional<MultiViewSkeleton> read(JdbcClient jdbc, long clinicId, long analysisId) {
        return jdbc.sql(SELECT).param("id", analysisId).param("clinic", clinicId).query((rs, row) -> {
            Skeleton skeleton = AnalysisCodec.skeleton(rs.getString("skeleton"));
            int l = rs.getInt("landmarks");
            long[] frames = SqlArrays.longs(rs, "frames");
            double[] times = SqlArrays.doubles(rs, "times_s");
            int n = times.length;
            FloatBuffer p = read(rs.getBytes("points")), e = read(rs.getBytes("error_px")), conf = read(rs.getBytes("confidence"));
            byte[] masks = rs.getBytes("view_masks");
            double[][] x = new double[l][n], y = new double[l][n], z = new double[l][n], err = new double[l][n], cf = new double[l][n];
            int[][] views = new int[l][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < l; j++) {
                    int k = i * l + j;
                    x[j][i] = p.get(3 * k);
                    y[j][i] = p.get(3 * k + 1);
                    z[j][i] = p.get(3 * k + 2);
                    err[j][i] = e.get(k);
                    cf[j][i] = conf.get(k);
                    views[j][i] = masks[k] & 0xff;
                }
            }
            return new MultiViewSkeleton(CalibrationFiles.readProjectJson(rs.getString("calibration_json"), "the stored calibration"),
                    new Triangulated(skeleton, frames, times, x, y, z, err, views, cf));
        }).optional();
    }

    private static FloatBuffer floats(int count) {
        return ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    private static byte[] bytes(FloatBuffer f) {
        ByteBuffer b = ByteBuffer.allocate(f.capacity() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(f.flip());
        return b.array();
    }

    private static FloatBuffer read(byte[] bytes) { return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer(); }
}
