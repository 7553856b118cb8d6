package org.poseanalytics.web.recording;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table {@code multiview_recording}, read, and its job's state written (with the analysis it produced, once stored).
 */
final class RecordingRows {
    private RecordingRows() {}

    private static final String SELECT = """
            select r.id, r.session_id, r.video_ids, r.calibration_name, r.camera_names, r.state, r.message, r.fraction, r.analysis_id, r.model
            from multiview_recording r""";

    static Optional<MultiViewRecording> find(JdbcClient jdbc, long clinicId, long id) {
        return jdbc.sql(SELECT + " where r.id = :id and r.clinic_id = :clinic").param("id", id).param("clinic", clinicId)
                .query(RecordingRows::read).optional();
    }

    static List<MultiViewRecording> ofSession(JdbcClient jdbc, long clinicId, long sessionId) {
        return jdbc.sql(SELECT + " where r.session_id = :session and r.clinic_id = :clinic order by r.id desc")
                .param("session", sessionId).param("clinic", clinicId).query(RecordingRows::read).list();
    }

    /** For the job runner, which has no user: the row with its clinic and calibration file. */
    record Work(long id, long clinicId, List<Long> videoIds, String calibrationName, byte[] calibration, Long createdBy, String model) {}

    static Optional<Work> work(JdbcClient jdbc, long id) {
        return jdbc.sql("select id, clinic_id, video_ids, calibration_name, calibration_file, created_by, model from multiview_recording where id = :id")
                .param("id", id)
                .query((rs, n) -> new Work(rs.getLong("id"), rs.getLong("clinic_id"), longs(rs.getArray("video_ids")),
                        rs.getString("calibration_name"), rs.getBytes("calibration_file"), (Long) rs.getObject("created_by"), rs.getString("model")))
                .optional();
    }

    static void state(JdbcClient jdbc, long id, String state, String message, double fraction) {
        jdbc.sql("update multiview_recording set state = :state, message = :message, fraction = :fraction where id = :id")
                .param("state", state).param("message", message).param("fraction", fraction).param("id", id).update();
    }

    static void succeeded(JdbcClient jdbc, long id, long analysisId) {
        jdbc.sql("update multiview_recording set state = 'succeeded', message = null, fraction = 1, analysis_id = :a where id = :id")
                .param("a", analysisId).param("id", id).update();
    }

    static void fraction(JdbcClient jdbc, long id, double fraction) {
        jdbc.sql("update multiview_recording set fraction = :fraction where id = :id").param("fraction", fraction).param("id", id).update();
    }

    private static MultiViewRecording read(ResultSet rs, int n) throws SQLException {
        return new MultiViewRecording(rs.getLong("id"), rs.getLong("session_id"), longs(rs.getArray("video_ids")),
                rs.getString("calibration_name"), Arrays.asList((String[]) rs.getArray("camera_names").getArray()), rs.getString("state"),
                rs.getString("message"), rs.getDouble("fraction"), (Long) rs.getObject("analysis_id"), rs.getString("model"));
    }

    private static List<Long> longs(Array a) throws SQLException { return Arrays.asList((Long[]) a.getArray()); }
}
