package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.kinematics.pipeline.MultiViewSummary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table {@code multiview_analysis}: what only a multi-camera analysis has, from the pipeline's {@link MultiViewSummary}
 * (cameras and their videos, the clocks' offsets, how well each view matched, the triangulation's reprojection error),
 * read back as a {@link MultiViewFacts}.
 */
final class MultiViewCodec {
    private MultiViewCodec() {}

    static final String INSERT = """
            insert into multiview_analysis (analysis_id, recording_id, calibration_source, sync_method, cameras, videos,
                sync_offsets_s, match_error_px, points_share, reprojection_mean_px, reprojection_p95_px, points, warnings)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String SELECT = """
            select m.recording_id, m.calibration_source, m.sync_method, m.cameras, m.videos, m.sync_offsets_s,
                   m.match_error_px, m.points_share, m.reprojection_mean_px, m.reprojection_p95_px, m.points, m.warnings,
                   r.video_ids
            from multiview_analysis m join analysis a on a.id = m.analysis_id
            join multiview_recording r on r.id = m.recording_id
            where m.analysis_id = :id and a.clinic_id = :clinic""";

    static void insert(Connection c, long analysisId, long recordingId, MultiViewSummary s) throws SQLException {
        List<MultiViewSummary.CameraEntry> cams = s.cameras();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 1;
            ps.setLong(i++, analysisId);
            ps.setLong(i++, recordingId);
            ps.setString(i++, s.calibrationSource() == null ? "" : s.calibrationSource());
            ps.setString(i++, s.syncMethod());
            ps.setArray(i++, c.createArrayOf("text", cams.stream().map(MultiViewSummary.CameraEntry::name).toArray()));
            ps.setArray(i++, c.createArrayOf("text", cams.stream().map(MultiViewSummary.CameraEntry::video).toArray()));
            ps.setArray(i++, c.createArrayOf("float8", cams.stream().map(e -> s.syncOffsetsS().get(e.name())).toArray()));
            ps.setArray(i++, c.createArrayOf("float8", cams.stream().map(MultiViewSummary.CameraEntry::matchErrorPx).toArray()));
            ps.setArray(i++, c.createArrayOf("float8", cams.stream().map(MultiViewSummary.CameraEntry::pointsShare).toArray()));
            AnalysisCodec.setDouble(ps, i++, s.reprojectionErrorPx().mean());
            AnalysisCodec.setDouble(ps, i++, s.reprojectionErrorPx().p95());
            ps.setInt(i++, s.reprojectionErrorPx().points());
            ps.setArray(i++, c.createArrayOf("text", s.warnings().toArray()));
            ps.executeUpdate();
        }
    }

    static Optional<MultiViewFacts> read(JdbcClient jdbc, long clinicId, long analysisId) {
        return jdbc.sql(SELECT).param("id", analysisId).param("clinic", clinicId).query((rs, n) -> {
            String[] cams = SqlArrays.strings(rs, "cameras");
            String[] videos = SqlArrays.strings(rs, "videos");
            Double[] offsets = (Double[]) rs.getArray("sync_offsets_s").getArray();
            Double[] match = (Double[]) rs.getArray("match_error_px").getArray();
            Double[] share = (Double[]) rs.getArray("points_share").getArray();
            long[] videoIds = SqlArrays.longs(rs, "video_ids");
            List<MultiViewFacts.Camera> list = new java.util.ArrayList<>();
            for (int v = 0; v < cams.length; v++)
                list.add(new MultiViewFacts.Camera(cams[v], videos[v], v < videoIds.length ? videoIds[v] : 0, nan(offsets[v]), nan(match[v]), nan(share[v])));
            return new MultiViewFacts(rs.getLong("recording_id"), rs.getString("calibration_source"), rs.getString("sync_method"), list,
                    AnalysisCodec.dbl(rs, "reprojection_mean_px"), AnalysisCodec.dbl(rs, "reprojection_p95_px"), rs.getInt("points"),
                    List.of(SqlArrays.strings(rs, "warnings")));
        }).optional();
    }

    private static double nan(Double d) { return d == null ? Double.NaN : d; }
}
