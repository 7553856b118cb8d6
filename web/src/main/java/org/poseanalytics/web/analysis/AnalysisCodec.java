package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.pipeline.MultiViewResult;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.multiview.triangulation.Triangulated;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Table {@code analysis}: one row per analysis, what produced it and its scalar facts (the pipeline's model, template,
 * subject choice, frame counts, timings and camera view). Written from the pipeline's {@link AnalysisResult}, read as
 * an {@link Analysis}. The angles' sample axis and sign convention live on this row too, but belong to
 * {@link AngleSeriesCodec}, which writes and reads them with the angles.
 */
final class AnalysisCodec {
    private AnalysisCodec() {}

    static final String INSERT = """
            insert into analysis (clinic_id, video_id, job_id, model, model_version, exercise, exercise_guessed,
                repetition_signal, skeleton, landmarks, subject_track_id, subject_chosen_by_user, filter, frames,
                frames_with_pose, decode_s, inference_s, tracking_s, kinematics_s, points_s, total_s, frames_per_s,
                requested_by, view_dominant, view_share, view_sagittal_plane_deg, view_frontal_plane_deg,
                scale_source, scale_metres_per_px, scale_x1_px, scale_y1_px, scale_x2_px, scale_y2_px, scale_length_m,
                scale_height_m, scale_method, scale_quality, scale_reason, scale_warnings, notes)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""";

    /**
     * A corrected analysis (issue 19): the model's analysis {@code base} row copied, with the recomputed template,
     * repetition signal, filter and camera view, and {@code corrected_from} naming the model's analysis.
     * Parameters: job id, exercise, guessed, signal, filter, kinematics_s, requested_by, view dominant, share, sagittal,
     * frontal, base id, clinic id.
     */
    static final String INSERT_CORRECTED = """
            insert into analysis (clinic_id, video_id, job_id, model, model_version, exercise, exercise_guessed,
                repetition_signal, skeleton, landmarks, subject_track_id, subject_chosen_by_user, filter, frames,
                frames_with_pose, decode_s, inference_s, tracking_s, kinematics_s, points_s, total_s, frames_per_s,
                requested_by, view_dominant, view_share, view_sagittal_plane_deg, view_frontal_plane_deg,
                scale_source, scale_metres_per_px, scale_x1_px, scale_y1_px, scale_x2_px, scale_y2_px, scale_length_m,
                scale_height_m, scale_method, scale_quality, scale_reason, scale_warnings, notes, corrected_from)
            select clinic_id, video_id, ?, model, model_version, ?, ?, ?, skeleton, landmarks, subject_track_id,
                subject_chosen_by_user, ?, frames, frames_with_pose, decode_s, inference_s, tracking_s, ?, points_s, total_s,
                frames_per_s, ?, ?, ?, ?, ?, scale_source, scale_metres_per_px, scale_x1_px, scale_y1_px, scale_x2_px,
                scale_y2_px, scale_length_m, scale_height_m, scale_method, scale_quality, scale_reason, scale_warnings, notes, id
            from analysis where id = ? and clinic_id = ? and complete and corrected_from is null returning id""";
    /** The corrected analyses made from model's analysis {@code :base} (at most one is kept). */
    static final String DELETE_CORRECTED = "delete from analysis where corrected_from = :base and clinic_id = :clinic";
    /** The model's analysis a corrected one was made from; null for the model's own. */
    static final String CORRECTED_FROM = "select corrected_from from analysis where id = :id and clinic_id = :clinic and complete";

    /** Whether video {@code :v} has a complete analysis (for the job runner, which has no user to scope by). */
    static final String HAS_COMPLETE = "select exists (select 1 from analysis where video_id = :v and complete)";
    /** The job's committed result, if a run of it already stored one. */
    static final String COMPLETE_OF_JOB = "select id from analysis where job_id = ? and complete";
    /** The job's own unfinished row (an older schema or a manual insert might have left one). */
    static final String DELETE_UNFINISHED = "delete from analysis where job_id = ? and not complete";
    /** The last statement of a save: the result set becomes visible all at once. */
    static final String COMPLETE = "update analysis set complete = true, completed_at = clock_timestamp(), store_s = ? where id = ?";

    /** Every column {@link #read} maps, with the requesting account's name. */
    static final String SELECT = """
            select a.id, a.video_id, a.model, a.model_version, a.exercise, a.exercise_guessed, a.repetition_signal,
                   a.skeleton, a.landmarks, a.subject_track_id, a.subject_chosen_by_user, a.filter, a.frames, a.frames_with_pose,
                   a.decode_s, a.inference_s, a.tracking_s, a.kinematics_s, a.points_s, a.total_s, a.frames_per_s, a.store_s,
                   acc.display_name as requested_by_name, a.started_at, a.completed_at,
                   a.view_dominant, a.view_share, a.view_sagittal_plane_deg, a.view_frontal_plane_deg,
                   a.scale_source, a.scale_metres_per_px, a.scale_x1_px, a.scale_y1_px, a.scale_x2_px, a.scale_y2_px,
                   a.scale_length_m, a.scale_height_m, a.scale_method, a.scale_quality, a.scale_reason, a.scale_warnings, a.notes
            from analysis a left join account acc on acc.id = a.requested_by
            """;

    /** Inserts the row, not yet complete, and answers its id. */
    static long insert(Connection c, long clinicId, long videoId, UUID jobId, Long requestedBy, AnalysisResult r) throws SQLException {
        KinematicsResult k = r.kinematics();
        Skeleton skeleton = r.subject().filtered().series().skeleton();
        AnalysisResult.Timings t = r.timings();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 1;
            ps.setLong(i++, clinicId);
            ps.setLong(i++, videoId);
            ps.setObject(i++, jobId);
            ps.setString(i++, r.model());
            ps.setString(i++, r.modelDescription());
            ps.setString(i++, k.exercise().exercise().id());
            ps.setBoolean(i++, k.exercise().guessed());
            ps.setString(i++, k.signal() == null ? "" : k.signal());
            ps.setString(i++, skeletonId(skeleton));
            ps.setArray(i++, c.createArrayOf("text", skeleton.names().toArray(String[]::new)));
            ps.setObject(i++, r.subject().choice().trackId(), Types.INTEGER);
            ps.setBoolean(i++, r.subject().choice().chosenByUser());
            ps.setString(i++, r.subject().filtered().series().filter());
            ps.setInt(i++, Math.toIntExact(r.poses().frames()));
            ps.setInt(i++, Math.toIntExact(r.poses().framesWithPose()));
            for (double v : new double[] {t.decodeS(), t.inferenceS(), t.trackingS(), t.kinematicsS(), t.pointsS(), t.totalS(), t.framesPerS()})
                setDouble(ps, i++, v);
            ps.setObject(i++, requestedBy, Types.BIGINT);
            ViewSummary view = k.view();
            ps.setString(i++, view.dominant().id());
            for (double v : new double[] {view.share(), view.sagittalPlaneToImageDeg(), view.frontalPlaneToImageDeg()}) setDouble(ps, i++, v);
            i = writeScale(c, ps, i, r.scale());
            ps.setArray(i++, c.createArrayOf("text", notes(r).toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Inserts the row of a multi-camera analysis, not yet complete: the subject is the first camera's track the
     * views were matched to, frames are the common timeline's, and frames with a pose those with a triangulated point.
     * The per-stage timings of one video do not apply (null).
     */
    static long insertTriangulated(Connection c, long clinicId, long videoId, UUID jobId, Long requestedBy, MultiViewResult r,
                                   boolean subjectChosenByUser) throws SQLException {
        KinematicsResult k = r.kinematics();
        KeypointSeries filtered = r.views().filtered().series();
        Triangulated tri = r.views().triangulated();
        int withPoint = 0;
        for (int i = 0; i < tri.length(); i++) {
            for (int l = 0; l < tri.viewMask().length; l++) if (tri.found(l, i)) { withPoint++; break; }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 1;
            ps.setLong(i++, clinicId);
            ps.setLong(i++, videoId);
            ps.setObject(i++, jobId);
            ps.setString(i++, r.model());
            ps.setString(i++, r.model() + ", triangulated from " + r.videoNames().size() + " cameras");
            ps.setString(i++, k.exercise().exercise().id());
            ps.setBoolean(i++, k.exercise().guessed());
            ps.setString(i++, k.signal() == null ? "" : k.signal());
            ps.setString(i++, skeletonId(filtered.skeleton()));
            ps.setArray(i++, c.createArrayOf("text", filtered.skeleton().names().toArray(String[]::new)));
            ps.setObject(i++, r.views().match().trackIds()[0], Types.INTEGER);
            ps.setBoolean(i++, subjectChosenByUser);
            ps.setString(i++, filtered.filter());
            ps.setInt(i++, filtered.length());
            ps.setInt(i++, withPoint);
            for (int t = 0; t < 7; t++) ps.setNull(i++, Types.DOUBLE);
            ps.setObject(i++, requestedBy, Types.BIGINT);
            ViewSummary view = k.view();
            ps.setString(i++, view.dominant().id());
            for (double v : new double[] {view.share(), view.sagittalPlaneToImageDeg(), view.frontalPlaneToImageDeg()}) setDouble(ps, i++, v);
            // Triangulated keypoints are in the calibration's metres already; no pixel scale applies.
            i = writeScale(c, ps, i, Scale.none());
            // The views' warnings are the recording's (MultiViewCodec).
            ps.setArray(i++, c.createArrayOf("text", new String[0]));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts the row of a corrected analysis, not yet complete; null when the clinic has no such model's analysis. */
    static Long insertCorrected(Connection c, long clinicId, long baseId, UUID jobId, Long requestedBy, KinematicsResult k,
                                String filter, double kinematicsS) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CORRECTED)) {
            int i = 1;
            ps.setObject(i++, jobId);
            ps.setString(i++, k.exercise().exercise().id());
            ps.setBoolean(i++, k.exercise().guessed());
            ps.setString(i++, k.signal() == null ? "" : k.signal());
            ps.setString(i++, filter);
            setDouble(ps, i++, kinematicsS);
            ps.setObject(i++, requestedBy, Types.BIGINT);
            ViewSummary view = k.view();
            ps.setString(i++, view.dominant().id());
            for (double v : new double[] {view.share(), view.sagittalPlaneToImageDeg(), view.frontalPlaneToImageDeg()}) setDouble(ps, i++, v);
            ps.setLong(i++, baseId);
            ps.setLong(i++, clinicId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static Analysis read(ResultSet rs, int n) throws SQLException {
        return new Analysis(rs.getLong("id"), rs.getLong("video_id"), rs.getString("model"), rs.getString("model_version"),
                rs.getString("exercise"), rs.getBoolean("exercise_guessed"), rs.getString("repetition_signal"),
                skeleton(rs.getString("skeleton")), List.of(SqlArrays.strings(rs, "landmarks")), (Integer) rs.getObject("subject_track_id"),
                rs.getBoolean("subject_chosen_by_user"), rs.getString("filter"), rs.getInt("frames"), rs.getInt("frames_with_pose"),
                new AnalysisResult.Timings(dbl(rs, "decode_s"), dbl(rs, "inference_s"), dbl(rs, "tracking_s"), dbl(rs, "kinematics_s"),
                        dbl(rs, "points_s"), dbl(rs, "total_s"), dbl(rs, "frames_per_s")), dbl(rs, "store_s"),
                rs.getString("requested_by_name"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class), viewSummary(rs), scale(rs), List.of(SqlArrays.strings(rs, "notes")));
    }

    /** The pipeline's warnings but the scale's, which are stored and shown with the scale. */
    static List<String> notes(AnalysisResult r) {
        List<String> scale = r.scale() == null ? List.of() : r.scale().warnings();
        return r.warnings().stream().filter(w -> !scale.contains(w)).toList();
    }

    /** The scale's columns from index {@code i}; answers the next index. A missing scale is stored as none. */
    private static int writeScale(Connection c, PreparedStatement ps, int i, Scale scale) throws SQLException {
        Scale s = scale == null ? Scale.none() : scale;
        ScaleSpec.Line line = s.spec() instanceof ScaleSpec.Line l ? l : null;
        ps.setString(i++, s.source().id());
        setDouble(ps, i++, s.known() ? s.metresPerPx() : Double.NaN);
        for (double v : line == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                : new double[] {line.x1(), line.y1(), line.x2(), line.y2(), line.metres()}) setDouble(ps, i++, v);
        setDouble(ps, i++, s.spec() instanceof ScaleSpec.SubjectHeight h ? h.metres() : Double.NaN);
        ps.setString(i++, s.method());
        ps.setString(i++, s.rating().quality().id());
        ps.setString(i++, s.rating().reason());
        ps.setArray(i++, c.createArrayOf("text", s.warnings().toArray(String[]::new)));
        return i;
    }

    /** As stored; analyses stored before scales (no source) read back as {@link Scale#none()}. */
    static Scale scale(ResultSet rs) throws SQLException {
        String source = rs.getString("scale_source");
        if (source == null) return Scale.none();
        Scale.Source s = Scale.Source.parse(source);
        ScaleSpec spec = switch (s) {
            case LINE -> new ScaleSpec.Line(dbl(rs, "scale_x1_px"), dbl(rs, "scale_y1_px"), dbl(rs, "scale_x2_px"), dbl(rs, "scale_y2_px"),
                    dbl(rs, "scale_length_m"));
            case SUBJECT_HEIGHT -> new ScaleSpec.SubjectHeight(dbl(rs, "scale_height_m"));
            case NONE -> new ScaleSpec.None();
        };
        String quality = rs.getString("scale_quality");
        Rating rating = quality == null ? Rating.VALID : new Rating(Quality.parse(quality), rs.getString("scale_reason"));
        return new Scale(s, dbl(rs, "scale_metres_per_px"), spec, rs.getString("scale_method"), rating,
                List.of(SqlArrays.strings(rs, "scale_warnings")));
    }

    /** As stored: "blazepose-33", "coco-17". */
    static String skeletonId(Skeleton s) { return s.name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    static Skeleton skeleton(String id) { return Skeleton.valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_')); }

    /** Null for analyses stored before the view was measured (no per-view shares are stored). */
    private static ViewSummary viewSummary(ResultSet rs) throws SQLException {
        CameraView dominant = view(rs.getString("view_dominant"));
        if (dominant == null) return null;
        return new ViewSummary(dominant, dbl(rs, "view_share"), Map.of(), dbl(rs, "view_sagittal_plane_deg"),
                dbl(rs, "view_frontal_plane_deg"));
    }

    static CameraView view(String id) {
        return id == null ? null : CameraView.valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** NaN goes in as SQL null (unknown), and comes back as NaN. */
    static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) ps.setNull(i, Types.DOUBLE); else ps.setDouble(i, v);
    }

    static double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
