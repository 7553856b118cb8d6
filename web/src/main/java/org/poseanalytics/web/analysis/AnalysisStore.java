package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;
import javax.sql.DataSource;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one analysis result set, all or nothing: the rows are inserted in one transaction that also sets
 * {@code complete}, so a reader (or a crash) never sees half a result. Keyed by the job id: a job that runs again
 * (retry, or recovery after a worker died) finds its own committed result and stores nothing new, so a video is
 * never analysed into two result sets by one job.
 *
 * <p>Called by the job runner, not by users: no principal, the clinic comes from the video row the job was given.
 * Series go out as binary float4[] / float8[] arrays and bytea in a handful of batched statements; a 10-minute
 * video's results take well under a second (see AnalysisStoreBenchmarkTest).
 */
@Component
public class AnalysisStore {
    private static final Logger log = LoggerFactory.getLogger(AnalysisStore.class);

    /** What a save did: stored a new set, or found the job's set already there. */
    public record Saved(long analysisId, boolean alreadyStored, double storeS) {}

    private final DataSource dataSource;
    private final TransactionTemplate tx;

    AnalysisStore(DataSource dataSource, TransactionTemplate tx) {
        this.dataSource = dataSource;
        this.tx = tx;
    }

    public Saved save(long clinicId, long videoId, UUID jobId, Long requestedBy, AnalysisResults r) {
        long start = System.nanoTime();
        Saved saved = tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                // Safe without waiting for this commit's WAL flush: the job is only marked done by JobRunr's later,
                // synchronous commit, which flushes this one too; a crash before that re-runs the job.
                try (var st = c.createStatement()) {
                    st.execute("set local synchronous_commit = off");
                }
                Long existing = existingComplete(c, jobId);
                if (existing != null) return new Saved(existing, true, 0);
                // A half-written attempt cannot be committed (one transaction), but an older schema or a manual
                // insert might have left one: the job's own unfinished row goes first.
                try (PreparedStatement ps = c.prepareStatement("delete from analysis where job_id = ? and not complete")) {
                    ps.setObject(1, jobId);
                    ps.executeUpdate();
                }
                long id = insertAnalysis(c, clinicId, videoId, jobId, requestedBy, r);
                insertAngles(c, id, r.angles());
                insertSubject(c, id, r.raw());
                insertSubject(c, id, r.filtered());
                insertTracks(c, id, r);
                insertRepetitions(c, id, r);
                insertMetrics(c, id, r);
                insertHeadlines(c, id, r);
                insertPoints(c, id, r);
                carryTrackedPoints(c, clinicId, videoId, id);
                double storeS = (System.nanoTime() - start) / 1e9;
                try (PreparedStatement ps = c.prepareStatement(
                        "update analysis set complete = true, completed_at = clock_timestamp(), store_s = ? where id = ?")) {
                    ps.setDouble(1, storeS);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                return new Saved(id, false, storeS);
            } catch (SQLException e) {
                throw new IllegalStateException("Storing the analysis of video " + videoId + " failed: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
        log.info("Analysis {} of video {} ({}): {}", saved.analysisId(), videoId, jobId,
                saved.alreadyStored() ? "already stored by an earlier run of this job" : String.format("stored in %.3f s", (System.nanoTime() - start) / 1e9));
        return saved;
    }

    private static Long existingComplete(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from analysis where job_id = ? and complete")) {
            ps.setObject(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /**
     * Points a user tracked on the video's previous analysis follow the video's pixels, not the pose model, so a
     * re-analysis (another model, template or person) keeps them instead of making the user click them again.
     */
    private static void carryTrackedPoints(Connection c, long clinicId, long videoId, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into analysis_tracked_point (clinic_id, analysis_id, point_no, spec_x_px, spec_y_px, spec_time_s,
                    anchor_frame, frames, times_s, x_px, y_px, confidence, created_by, created_at)
                select clinic_id, ?, point_no, spec_x_px, spec_y_px, spec_time_s, anchor_frame, frames, times_s, x_px, y_px,
                    confidence, created_by, created_at
                from analysis_tracked_point
                where clinic_id = ? and analysis_id = (select a.id from analysis a
                    where a.clinic_id = ? and a.video_id = ? and a.complete and a.id <> ?
                    order by a.completed_at desc, a.id desc limit 1)""")) {
            ps.setLong(1, id);
            ps.setLong(2, clinicId);
            ps.setLong(3, clinicId);
            ps.setLong(4, videoId);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    private static long insertAnalysis(Connection c, long clinicId, long videoId, UUID jobId, Long requestedBy,
                                       AnalysisResults r) throws SQLException {
        Timings t = r.timings() == null ? Timings.unknown() : r.timings();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into analysis (clinic_id, video_id, job_id, model, model_version, exercise, exercise_guessed,
                    repetition_signal, skeleton, landmarks, subject_track_id, subject_chosen_by_user, filter, frames,
                    frames_with_pose, angle_frames, angle_times_s, decode_s, inference_s, tracking_s, kinematics_s, total_s,
                    frames_per_s, requested_by, view_dominant, view_share, view_sagittal_plane_deg, view_frontal_plane_deg)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            int i = 1;
            ps.setLong(i++, clinicId);
            ps.setLong(i++, videoId);
            ps.setObject(i++, jobId);
            ps.setString(i++, r.model());
            ps.setString(i++, r.modelVersion());
            ps.setString(i++, r.exercise());
            ps.setBoolean(i++, r.exerciseGuessed());
            ps.setString(i++, r.repetitionSignal() == null ? "" : r.repetitionSignal());
            ps.setString(i++, r.skeleton());
            ps.setArray(i++, c.createArrayOf("text", r.landmarks().toArray(String[]::new)));
            ps.setObject(i++, r.subjectTrackId(), Types.INTEGER);
            ps.setBoolean(i++, r.subjectChosenByUser());
            ps.setString(i++, r.filtered() == null ? "" : r.filtered().filter());
            ps.setInt(i++, r.frames());
            ps.setInt(i++, r.framesWithPose());
            ps.setArray(i++, SqlArrays.of(c, "int4", SqlArrays.ints(r.angles().frames())));
            ps.setArray(i++, SqlArrays.of(c, "float8", r.angles().timesS()));
            for (double v : new double[] {t.decodeS(), t.inferenceS(), t.trackingS(), t.kinematicsS(), t.totalS(), t.framesPerS()}) {
                if (Double.isNaN(v)) ps.setNull(i++, Types.DOUBLE); else ps.setDouble(i++, v);
            }
            ps.setObject(i++, requestedBy, Types.BIGINT);
            ViewSummary view = r.view();
            ps.setString(i++, view.dominant().id());
            for (double v : new double[] {view.share(), view.sagittalPlaneToImageDeg(), view.frontalPlaneToImageDeg()}) {
                if (Double.isNaN(v)) ps.setNull(i++, Types.DOUBLE); else ps.setDouble(i++, v);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertAngles(Connection c, long id, Angles angles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into analysis_angle (analysis_id, ord, column_name, joint, side, dimension, unit, values_deg, velocity_deg_per_s,
                    issue_codes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int ord = 0;
            for (AngleColumn a : angles.columns()) {
                ps.setLong(1, id);
                ps.setInt(2, ord++);
                ps.setString(3, a.column());
                ps.setString(4, a.joint());
                ps.setString(5, a.side().code());
                ps.setString(6, a.dimension().code());
                ps.setString(7, a.unit());
                ps.setBytes(8, FloatArrays.toBytes(a.valuesDeg()));
                ps.setBytes(9, FloatArrays.toBytes(a.velocityDegPerS()));
                ps.setBytes(10, SampleIssues.toBytes(a.issues()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertSubject(Connection c, long id, SubjectKeypoints s) throws SQLException {
        if (s == null) return;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into analysis_subject_series (analysis_id, kind, filter, frames, times_s, keypoints, world)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, id);
            ps.setString(2, s.kind().code());
            ps.setString(3, s.filter());
            ps.setArray(4, SqlArrays.of(c, "int4", SqlArrays.ints(s.keypoints().frames())));
            ps.setArray(5, SqlArrays.of(c, "float8", s.keypoints().timesS()));
            ps.setBytes(6, FloatArrays.toBytes(s.keypoints().values()));
            ps.setBytes(7, s.world() == null ? null : FloatArrays.toBytes(s.world()));
            ps.executeUpdate();
        }
    }

    private static void insertTracks(Connection c, long id, AnalysisResults r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into analysis_track (analysis_id, track_id, frames, times_s, keypoints) values (?, ?, ?, ?, ?)")) {
            for (TrackKeypoints t : r.tracks()) {
                ps.setLong(1, id);
                ps.setInt(2, t.trackId());
                ps.setArray(3, SqlArrays.of(c, "int4", SqlArrays.ints(t.keypoints().frames())));
                ps.setArray(4, SqlArrays.of(c, "float8", t.keypoints().timesS()));
                ps.setBytes(5, FloatArrays.toBytes(t.keypoints().values()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertRepetitions(Connection c, long id, AnalysisResults r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into analysis_repetition (analysis_id, index, start_s, peak_s, end_s, start_frame, peak_frame, end_frame,
                    rom_deg, peak_deg, min_deg, max_deg, eccentric_s, hold_s, concentric_s, complete, note, signal)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (RepetitionResult x : r.repetitions()) {
                int i = 1;
                ps.setLong(i++, id);
                ps.setInt(i++, x.index());
                ps.setDouble(i++, x.startS());
                ps.setDouble(i++, x.peakS());
                ps.setDouble(i++, x.endS());
                ps.setLong(i++, x.startFrame());
                ps.setLong(i++, x.peakFrame());
                ps.setLong(i++, x.endFrame());
                ps.setDouble(i++, x.romDeg());
                ps.setDouble(i++, x.peakDeg());
                ps.setDouble(i++, x.minDeg());
                ps.setDouble(i++, x.maxDeg());
                ps.setDouble(i++, x.eccentricS());
                ps.setDouble(i++, x.holdS());
                ps.setDouble(i++, x.concentricS());
                ps.setBoolean(i++, x.complete());
                ps.setString(i++, x.note() == null ? "" : x.note());
                ps.setString(i, x.signal() == null ? "" : x.signal());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertMetrics(Connection c, long id, AnalysisResults r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into analysis_metric (analysis_id, name, value, unit, side, repetition, quality, reason) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (MetricResult m : r.metrics()) {
                ps.setLong(1, id);
                ps.setString(2, m.name());
                ps.setDouble(3, m.value());
                ps.setString(4, m.unit());
                ps.setString(5, m.side().code());
                ps.setObject(6, m.repetition(), Types.INTEGER);
                ps.setString(7, m.quality() == null ? null : m.quality().id());
                ps.setString(8, m.quality() == null ? null : m.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertHeadlines(Connection c, long id, AnalysisResults r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into analysis_headline (analysis_id, rank, label, definition, metric_name, metric_side) values (?, ?, ?, ?, ?, ?)")) {
            for (HeadlineResult h : r.headlines()) {
                ps.setLong(1, id);
                ps.setInt(2, h.rank());
                ps.setString(3, h.label());
                ps.setString(4, h.definition() == null ? "" : h.definition());
                ps.setString(5, h.metric().name());
                ps.setString(6, h.metric().side().code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertPoints(Connection c, long id, AnalysisResults r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into analysis_point (analysis_id, point_id, spec_x_px, spec_y_px, spec_time_s, anchor_frame, frames,
                    times_s, x_px, y_px, confidence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (PointPath p : r.points()) {
                ps.setLong(1, id);
                ps.setInt(2, p.pointId());
                ps.setDouble(3, p.specXPx());
                ps.setDouble(4, p.specYPx());
                ps.setDouble(5, p.specTimeS());
                ps.setLong(6, p.anchorFrame());
                ps.setArray(7, SqlArrays.of(c, "int4", SqlArrays.ints(p.frames())));
                ps.setArray(8, SqlArrays.of(c, "float8", p.timesS()));
                ps.setArray(9, SqlArrays.of(c, "float4", p.xPx()));
                ps.setArray(10, SqlArrays.of(c, "float4", p.yPx()));
                ps.setArray(11, SqlArrays.of(c, "float4", p.confidence()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
