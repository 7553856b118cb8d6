package org.poseanalytics.web.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stored analysis results for the signed-in user's clinic. Every query is scoped by the clinic of the
 * authenticated principal; an id of another clinic answers like a missing one (empty or {@link NotFoundException}).
 * Only complete analyses are ever returned: a result set is visible all at once or not at all.
 *
 * <p>Typical use on a video page: {@code latestComplete(videoId)} for the analysis, then {@code angles(a.id())},
 * {@code subjectKeypoints(a.id(), FILTERED)} for the overlay, {@code repetitions}, {@code metrics}. Viewing is not
 * audited here: the page that shows a subject's data records the view (AuditService), once per page.
 */
@Service
@PreAuthorize("hasRole('VIEWER')")
@Transactional(readOnly = true)
public class AnalysisQueries {
    private static final String ANALYSIS = """
            select a.id, a.video_id, a.model, a.model_version, a.exercise, a.exercise_guessed, a.repetition_signal,
                   a.skeleton, a.landmarks, a.subject_track_id, a.subject_chosen_by_user, a.filter, a.frames, a.frames_with_pose,
                   a.decode_s, a.inference_s, a.tracking_s, a.kinematics_s, a.total_s, a.frames_per_s, a.store_s,
                   acc.display_name as requested_by_name, a.started_at, a.completed_at,
                   a.view_dominant, a.view_share, a.view_sagittal_plane_deg, a.view_frontal_plane_deg
            from analysis a left join account acc on acc.id = a.requested_by
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    AnalysisQueries(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The result a video shows: its most recently completed analysis, if any. */
    public Optional<Analysis> latestComplete(long videoId) {
        return jdbc.sql(ANALYSIS + """
                         where a.clinic_id = :clinic and a.video_id = :video and a.complete
                         order by a.completed_at desc, a.id desc limit 1""")
                .param("clinic", currentUser.clinicId()).param("video", videoId)
                .query(AnalysisQueries::analysis).optional();
    }

    /** Every complete analysis of a video, newest first (re-analyses with other models or templates). */
    public List<Analysis> completeAnalyses(long videoId) {
        return jdbc.sql(ANALYSIS + """
                         where a.clinic_id = :clinic and a.video_id = :video and a.complete
                         order by a.completed_at desc, a.id desc""")
                .param("clinic", currentUser.clinicId()).param("video", videoId)
                .query(AnalysisQueries::analysis).list();
    }

    public Analysis get(long analysisId) {
        return jdbc.sql(ANALYSIS + " where a.clinic_id = :clinic and a.id = :id and a.complete")
                .param("clinic", currentUser.clinicId()).param("id", analysisId)
                .query(AnalysisQueries::analysis).optional()
                .orElseThrow(() -> new NotFoundException("Analysis " + analysisId));
    }

    /** The subject's angle time series (2D and 3D columns, with velocities) on one sample axis. */
    public Angles angles(long analysisId) {
        long clinic = currentUser.clinicId();
        var axis = jdbc.sql("select angle_frames, angle_times_s from analysis where id = :id and clinic_id = :clinic and complete")
                .param("id", analysisId).param("clinic", clinic)
                .query((rs, n) -> new Object[] {SqlArrays.longs(rs, "angle_frames"), SqlArrays.doubles(rs, "angle_times_s")})
                .optional().orElseThrow(() -> new NotFoundException("Analysis " + analysisId));
        List<AngleColumn> columns = jdbc.sql("""
                        select column_name, joint, side, dimension, unit, values_deg, velocity_deg_per_s, issue_codes
                        from analysis_angle where analysis_id = :id order by ord""")
                .param("id", analysisId)
                .query((rs, n) -> new AngleColumn(rs.getString("column_name"), rs.getString("joint"),
                        BodySide.of(rs.getString("side")), AngleDimension.of(rs.getString("dimension")),
                        rs.getString("unit"), FloatArrays.fromBytes(rs.getBytes("values_deg")),
                        FloatArrays.fromBytes(rs.getBytes("velocity_deg_per_s")), SampleIssues.fromBytes(rs.getBytes("issue_codes"))))
                .list();
        return new Angles((long[]) axis[0], (double[]) axis[1], columns);
    }

    /** The subject's keypoints per frame; FILTERED is what overlays and angles are drawn from. */
    public Optional<SubjectKeypoints> subjectKeypoints(long analysisId, SubjectKeypoints.Kind kind) {
        return jdbc.sql("""
                        select s.kind, s.filter, s.frames, s.times_s, s.keypoints, s.world, cardinality(a.landmarks) as landmark_count
                        from analysis_subject_series s join analysis a on a.id = s.analysis_id
                        where a.id = :id and a.clinic_id = :clinic and a.complete and s.kind = :kind""")
                .param("id", analysisId).param("clinic", currentUser.clinicId()).param("kind", kind.code())
                .query((rs, n) -> new SubjectKeypoints(kind, rs.getString("filter"), keypoints(rs),
                        FloatArrays.fromBytes(rs.getBytes("world"))))
                .optional();
    }

    /** Every tracked person (for drawing everyone, or letting the user pick another subject), by track id. */
    public List<TrackKeypoints> tracks(long analysisId) {
        return jdbc.sql("""
                        select t.track_id, t.frames, t.times_s, t.keypoints, cardinality(a.landmarks) as landmark_count
                        from analysis_track t join analysis a on a.id = t.analysis_id
                        where a.id = :id and a.clinic_id = :clinic and a.complete order by t.track_id""")
                .param("id", analysisId).param("clinic", currentUser.clinicId())
                .query((rs, n) -> new TrackKeypoints(rs.getInt("track_id"), keypoints(rs)))
                .list();
    }

    public List<RepetitionResult> repetitions(long analysisId) {
        return jdbc.sql("""
                        select r.* from analysis_repetition r join analysis a on a.id = r.analysis_id
                        where a.id = :id and a.clinic_id = :clinic and a.complete order by r.index""")
                .param("id", analysisId).param("clinic", currentUser.clinicId())
                .query((rs, n) -> new RepetitionResult(rs.getInt("index"), rs.getDouble("start_s"), rs.getDouble("peak_s"),
                        rs.getDouble("end_s"), rs.getLong("start_frame"), rs.getLong("peak_frame"), rs.getLong("end_frame"),
                        rs.getDouble("rom_deg"), rs.getDouble("peak_deg"), rs.getDouble("min_deg"), rs.getDouble("max_deg"),
                        rs.getDouble("eccentric_s"), rs.getDouble("hold_s"), rs.getDouble("concentric_s"),
                        rs.getBoolean("complete"), rs.getString("note"), rs.getString("signal")))
                .list();
    }

    /** Session-wide values first (repetition null), then per repetition, each by name and side. */
    public List<MetricResult> metrics(long analysisId) {
        return jdbc.sql("""
                        select m.name, m.value, m.unit, m.side, m.repetition, m.quality, m.reason
                        from analysis_metric m join analysis a on a.id = m.analysis_id
                        where a.id = :id and a.clinic_id = :clinic and a.complete
                        order by m.repetition nulls first, m.name, m.side""")
                .param("id", analysisId).param("clinic", currentUser.clinicId())
                .query((rs, n) -> new MetricResult(rs.getString("name"), rs.getDouble("value"), rs.getString("unit"),
                        BodySide.of(rs.getString("side")), (Integer) rs.getObject("repetition"), quality(rs), rs.getString("reason")))
                .list();
    }

    /**
     * The exercise's lead figures, in rank order, each with its session-wide figure. A headline whose figure is missing
     * (none was stored under its name and side) reads as invalid, "not measured", rather than disappearing.
     */
    public List<HeadlineResult> headlines(long analysisId) {
        return jdbc.sql("""
                        select h.rank, h.label, h.definition, h.metric_name, h.metric_side,
                               m.value, m.unit, m.quality, m.reason, m.name is not null as found
                        from analysis_headline h join analysis a on a.id = h.analysis_id
                        left join lateral (select * from analysis_metric m where m.analysis_id = h.analysis_id
                            and m.name = h.metric_name and m.side = h.metric_side and m.repetition is null limit 1) m on true
                        where a.id = :id and a.clinic_id = :clinic and a.complete
                        order by h.rank""")
                .param("id", analysisId).param("clinic", currentUser.clinicId())
                .query((rs, n) -> new HeadlineResult(rs.getInt("rank"), rs.getString("label"), rs.getString("definition"),
                        rs.getBoolean("found")
                                ? new MetricResult(rs.getString("metric_name"), rs.getDouble("value"), rs.getString("unit"),
                                        BodySide.of(rs.getString("metric_side")), null, quality(rs), rs.getString("reason"))
                                : new MetricResult(rs.getString("metric_name"), Double.NaN, "", BodySide.of(rs.getString("metric_side")),
                                        null, Quality.INVALID, "not measured in this analysis")))
                .list();
    }

    public List<PointPath> points(long analysisId) {
        return jdbc.sql("""
                        select p.* from analysis_point p join analysis a on a.id = p.analysis_id
                        where a.id = :id and a.clinic_id = :clinic and a.complete order by p.point_id""")
                .param("id", analysisId).param("clinic", currentUser.clinicId())
                .query((rs, n) -> new PointPath(rs.getInt("point_id"), rs.getDouble("spec_x_px"), rs.getDouble("spec_y_px"),
                        rs.getDouble("spec_time_s"), rs.getLong("anchor_frame"), SqlArrays.longs(rs, "frames"),
                        SqlArrays.doubles(rs, "times_s"), SqlArrays.floats(rs, "x_px"), SqlArrays.floats(rs, "y_px"),
                        SqlArrays.floats(rs, "confidence")))
                .list();
    }

    /**
     * A subject's session-wide metrics across sessions, oldest first, from the latest complete analysis of each video:
     * the data of trend charts. {@code metricKeys} are summary keys with side prefix (e.g. "left_knee_flexion_3d_rom_mean");
     * none given = every metric. Each point says which exercise and model it came from, so a chart can keep them apart.
     */
    public List<MetricHistoryPoint> metricHistory(long subjectId, String... metricKeys) {
        List<String> keys = Arrays.asList(metricKeys);
        return jdbc.sql("""
                        with latest as (
                            select distinct on (a.video_id) a.id, a.video_id, a.exercise, a.model, a.view_dominant
                            from analysis a
                            join video v on v.id = a.video_id and v.clinic_id = a.clinic_id
                            join session s on s.id = v.session_id and s.clinic_id = v.clinic_id
                            where a.clinic_id = :clinic and s.subject_id = :subject and a.complete
                            order by a.video_id, a.completed_at desc, a.id desc)
                        select s.session_date, s.id as session_id, l.video_id, l.id as analysis_id, l.exercise, l.model,
                               m.name, m.side, m.value, m.unit, m.quality, m.reason, l.view_dominant, h.rank as headline_rank,
                               h.label as headline_label
                        from latest l
                        join video v on v.id = l.video_id
                        join session s on s.id = v.session_id
                        join analysis_metric m on m.analysis_id = l.id and m.repetition is null
                        left join analysis_headline h on h.analysis_id = l.id and h.metric_name = m.name and h.metric_side = m.side
                        where (:all or (case m.side when 'none' then '' else m.side || '_' end) || m.name = any(:keys))
                        order by s.session_date, s.id, l.video_id, m.name, m.side""")
                .param("clinic", currentUser.clinicId()).param("subject", subjectId)
                .param("all", keys.isEmpty()).param("keys", keys.toArray(String[]::new))
                .query((rs, n) -> new MetricHistoryPoint(rs.getObject("session_date", LocalDate.class),
                        rs.getLong("session_id"), rs.getLong("video_id"), rs.getLong("analysis_id"), rs.getString("exercise"),
                        rs.getString("model"), rs.getString("name"), BodySide.of(rs.getString("side")),
                        rs.getDouble("value"), rs.getString("unit"), quality(rs), rs.getString("reason"),
                        view(rs.getString("view_dominant")), (Integer) rs.getObject("headline_rank"), rs.getString("headline_label")))
                .list();
    }

    private static Keypoints keypoints(ResultSet rs) throws SQLException {
        return new Keypoints(rs.getInt("landmark_count"), SqlArrays.longs(rs, "frames"), SqlArrays.doubles(rs, "times_s"),
                FloatArrays.fromBytes(rs.getBytes("keypoints")));
    }

    static Analysis analysis(ResultSet rs, int n) throws SQLException {
        return new Analysis(rs.getLong("id"), rs.getLong("video_id"), rs.getString("model"), rs.getString("model_version"),
                rs.getString("exercise"), rs.getBoolean("exercise_guessed"), rs.getString("repetition_signal"),
                rs.getString("skeleton"), List.of(SqlArrays.strings(rs, "landmarks")), (Integer) rs.getObject("subject_track_id"),
                rs.getBoolean("subject_chosen_by_user"), rs.getString("filter"), rs.getInt("frames"), rs.getInt("frames_with_pose"),
                new Timings(dbl(rs, "decode_s"), dbl(rs, "inference_s"), dbl(rs, "tracking_s"), dbl(rs, "kinematics_s"),
                        dbl(rs, "total_s"), dbl(rs, "frames_per_s"), dbl(rs, "store_s")),
                rs.getString("requested_by_name"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class), viewSummary(rs));
    }

    /** Null for analyses stored before the view was measured. */
    private static ViewSummary viewSummary(ResultSet rs) throws SQLException {
        CameraView dominant = view(rs.getString("view_dominant"));
        if (dominant == null) return null;
        return new ViewSummary(dominant, dbl(rs, "view_share"), java.util.Map.of(), dbl(rs, "view_sagittal_plane_deg"),
                dbl(rs, "view_frontal_plane_deg"));
    }

    private static CameraView view(String id) {
        return id == null ? null : CameraView.valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }

    /** Null for figures stored before quality checks. */
    private static Quality quality(ResultSet rs) throws SQLException {
        String q = rs.getString("quality");
        return q == null ? null : Quality.parse(q);
    }

    private static double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
