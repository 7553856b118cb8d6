package org.poseanalytics.web.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code multiview_calibration}: read, and its job's state and result written. */
final class CalibrationRows {
    private CalibrationRows() {}

    private static final String SELECT = """
            select c.id, c.session_id, c.board_columns, c.board_rows, c.square_m, c.camera_names, c.state, c.message,
                   c.reprojection_px, c.created_at
            from multiview_calibration c""";

    static Optional<CheckerboardCalibration> find(JdbcClient jdbc, long clinicId, long id) {
        return jdbc.sql(SELECT + " where c.id = :id and c.clinic_id = :clinic").param("id", id).param("clinic", clinicId)
                .query(CalibrationRows::read).optional();
    }

    static List<CheckerboardCalibration> ofSession(JdbcClient jdbc, long clinicId, long sessionId) {
        return jdbc.sql(SELECT + " where c.session_id = :session and c.clinic_id = :clinic order by c.id desc")
                .param("session", sessionId).param("clinic", clinicId).query(CalibrationRows::read).list();
    }

    /** The clinic's calibrations that were made, newest first: a camera set-up is often used for many subjects. */
    static List<CheckerboardCalibration> madeInClinic(JdbcClient jdbc, long clinicId) {
        return jdbc.sql(SELECT + " where c.clinic_id = :clinic and c.state = 'succeeded' order by c.id desc limit 50")
                .param("clinic", clinicId).query(CalibrationRows::read).list();
    }

    static Optional<String> json(JdbcClient jdbc, long clinicId, long id) {
        return jdbc.sql("select calibration_json from multiview_calibration where id = :id and clinic_id = :clinic and state = 'succeeded'")
                .param("id", id).param("clinic", clinicId).query(String.class).optional();
    }

    /** For the job, which has no user. */
    record Work(long id, int columns, int rows, double squareM, List<String> cameraNames, List<UUID> videos) {}

    static Optional<Work> work(JdbcClient jdbc, long id) {
        return jdbc.sql("select id, board_columns, board_rows, square_m, camera_names, video_storage from multiview_calibration where id = :id")
                .param("id", id).query((rs, n) -> new Work(rs.getLong("id"), rs.getInt("board_columns"), rs.getInt("board_rows"),
                        rs.getDouble("square_m"), Arrays.asList((String[]) rs.getArray("camera_names").getArray()),
                        Arrays.asList((UUID[]) rs.getArray("video_storage").getArray()))).optional();
    }

    static void state(JdbcClient jdbc, long id, String state, String message) {
        jdbc.sql("update multiview_calibration set state = :state, message = :message where id = :id")
                .param("state", state).param("message", message).param("id", id).update();
    }

    /** The result, and the checkerboard videos forgotten (their files are deleted by the caller). */
    static void succeeded(JdbcClient jdbc, long id, String json, double[] errorsPx) {
        jdbc.sql("""
                        update multiview_calibration set state = 'succeeded', message = null, calibration_json = :json,
                            reprojection_px = :errors, video_storage = '{}' where id = :id""")
                .param("json", json).param("errors", Arrays.stream(errorsPx).boxed().toArray(Double[]::new)).param("id", id).update();
    }

    static void failed(JdbcClient jdbc, long id, String message) {
        jdbc.sql("update multiview_calibration set state = 'failed', message = :message, video_storage = '{}' where id = :id")
                .param("message", message).param("id", id).update();
    }

    private static CheckerboardCalibration read(ResultSet rs, int n) throws SQLException {
        var errors = rs.getArray("reprojection_px");
        return new CheckerboardCalibration(rs.getLong("id"), rs.getLong("session_id"), rs.getInt("board_columns"), rs.getInt("board_rows"),
                rs.getDouble("square_m"), Arrays.asList((String[]) rs.getArray("camera_names").getArray()), rs.getString("state"),
                rs.getString("message"), errors == null ? List.of() : Arrays.asList((Double[]) errors.getArray()),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
