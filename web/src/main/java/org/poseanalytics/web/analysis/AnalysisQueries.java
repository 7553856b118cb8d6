package org.poseanalytics.web.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stored analysis results for the signed-in user's clinic, as the kinematics and tracking modules' records,
 * through the codec of each table. Every query is scoped by the clinic of the authenticated principal; an id of
 * another clinic answers like a missing one (empty or {@link NotFoundException}). Only complete analyses are ever
 * returned: a result set is visible all at once or not at all.
 *
 * <p>Typical use on a video page: {@code latestComplete(videoId)} for the analysis, then {@code angles(a.id())},
 * {@code subjectKeypoints(a.id(), FILTERED)} for the overlay, {@code repetitions}, {@code metrics}. Viewing is not
 * audited here: the page that shows a subject's data records the view (AuditService), once per page.
 */
@Service
@PreAuthorize("hasRole('VIEWER')")
@Transactional(readOnly = true)
public class AnalysisQueries {
    /** Whether analysis {@code a} was triangulated from several cameras. */
    private static final String MULTI_CAMERA = " exists (select 1 from multiview_analysis mv where mv.analysis_id = a.id)";
    /** The latest complete analysis of each video of :subject, with whether it was triangulated. */
    private static final String LATEST = """
                        with latest as (
                            select distinct on (a.video_id) a.id, a.video_id, a.exercise, a.model, a.view_dominant,
                                   """ + MULTI_CAMERA + """
                             as multi_camera
                            from analysis a
                            join video v on v.id = a.video_id and v.clinic_id = a.clinic_id
                            join session s on s.id = v.session_id and s.clinic_id = v.clinic_id
                            where a.clinic_id = :clinic and s.subject_id = :subject and a.complete
                            order by a.video_id, multi_camera desc, a.completed_at desc, a.id desc)
                        """;
    /** Their session-wide figures, through V45's partial covering index, with the session of each. */
    private static final String FIGURES = """
                        from latest l
                        join video v on v.id = l.video_id
                        join session s on s.id = v.session_id
                        join analysis_metric m on m.analysis_id = l.id and m.repetition is null
                        """;
    /** A figure's key as {@link MetricRecord#key()} writes it: side prefix (none without one), then the name. */
    private static final String KEY = "(case m.side when 'none' then '' else m.side || '_' end) || m.name";
    /**
     * The query behind {@link #metricHistory}, with the parameters :clinic, :subject, :all, :keys and :exercise; its
     * plan over a subject with 1,000 sessions is checked in ProgressQueryPlanTest (docs/BENCHMARKS.md, "Server under load").
     */
    static final String METRIC_HISTORY = LATEST + """
                        select s.session_date, s.id as session_id, l.video_id, l.id as analysis_id, l.exercise, l.model,
                               l.view_dominant, l.multi_camera, h.rank as headline_rank, h.label as headline_label, """ + MetricCodec.COLUMNS + """

                        """ + FIGURES + """
                        left join analysis_headline h on h.analysis_id = l.id and h.metric_name = m.name and h.metric_side = m.side
                        where (:all or """ + KEY + """
                         = any(:keys))
                          and (cast(:exercise as text) is null or coalesce(l.exercise, 'other') = cast(:exercise as text))
                        order by s.session_date, s.id, l.video_id, m.name, m.side""";
    /**
     * One trend's visits (what {@link #METRIC_HISTORY} returns for one exercise, figure, unit and view): with the
     * parameters :clinic, :subject, :exercise ('other' for none), :name, :side, :unit, :multi and :view (ignored for a
     * triangulated trend; null for analyses stored before the view was measured). About 1,000 rows for a subject with
     * 1,000 sessions, each an index lookup (ProgressQueryPlanTest).
     */
    static final String TREND_VISITS = LATEST + """
                        select s.session_date, s.id as session_id, l.video_id, l.id as analysis_id, l.exercise, l.model,
                               l.view_dominant, l.multi_camera, h.rank as headline_rank, h.label as headline_label, """ + MetricCodec.COLUMNS + """

                        """ + FIGURES + """
                         and m.name = :name and m.side = :side
                        left join analysis_headline h on h.analysis_id = l.id and h.metric_name = m.name and h.metric_side = m.side
                        where coalesce(l.exercise, 'other') = :exercise and m.unit = :unit and l.multi_camera = :multi
                          and (l.multi_camera or l.view_dominant is not distinct from cast(:view as text))
                        order by s.session_date, s.id, l.video_id, m.name, m.side""";
    /**
     * The list of a subject's trends without their visits: one row per exercise, figure, unit and view (a triangulated
     * one apart, whatever its views), as ProgressService groups {@link #METRIC_HISTORY}'s rows, with how many visits it
     * has and how many of them are kept (a finite value, not invalid); a figure never measured (NaN without a reason)
     * is no visit. The analyses are numbered in the history's order (session date, session, video) first, 1,000 rows
     * at most for 1,000 sessions, so that the first visit of a trend (which orders the list as the grouped history
     * would) and its last (whose analysis says the headline: rank and label) are a min and a max of integers, not a
     * sort of the figures. Parameters :clinic and :subject.
     */
    static final String TREND_LIST = LATEST + """
                        , visit as (
                            select l.id, l.exercise, l.view_dominant, l.multi_camera,
                                   row_number() over (order by s.session_date, s.id, l.video_id) as ord
                            from latest l join video v on v.id = l.video_id join session s on s.id = v.session_id),
                        trends as (
                            select coalesce(o.exercise, 'other') as exercise, m.name, m.side, m.unit, o.multi_camera,
                                   case when o.multi_camera then null else o.view_dominant end as view_key,
                                   min(o.ord) as first_visit, max(o.ord) as last_visit, count(*) as visits,
                                   count(*) filter (where m.value not in ('NaN', 'Infinity', '-Infinity')
                                                    and m.quality is distinct from 'invalid') as kept
                            from visit o
                            join analysis_metric m on m.analysis_id = o.id and m.repetition is null
                            where not (m.value in ('NaN', 'Infinity', '-Infinity') and btrim(coalesce(m.reason, ''), E' \\t\\r\\n') = '')
                            group by 1, 2, 3, 4, 5, 6)
                        select t.exercise, t.name, t.side, t.unit, t.multi_camera, t.view_key, f.view_dominant, t.visits, t.kept,
                               h.rank as headline_rank, h.label as headline_label
                        from trends t
                        join visit f on f.ord = t.first_visit
                        join visit last on last.ord = t.last_visit
                        left join analysis_headline h on h.analysis_id = last.id and h.metric_name = t.name and h.metric_side = t.side
                        order by t.first_visit, t.name, t.side""";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    AnalysisQueries(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /**
     * The result a video shows: its most recently completed analysis, if any; for the first camera of a multi-camera
     * recording its triangulated analysis, which measures more truly than the 2D one of that view alone (stored too, as
     * every upload is analysed).
     */
    public Optional<Analysis> latestComplete(long videoId) {
        return jdbc.sql(AnalysisCodec.SELECT + """
                         where a.clinic_id = :clinic and a.video_id = :video and a.complete
                         order by """ + MULTI_CAMERA + """
                          desc, a.completed_at desc, a.id desc limit 1""")
                .param("clinic", currentUser.clinicId()).param("video", videoId)
                .query(AnalysisCodec::read).optional();
    }

    /** Every complete analysis of a video, newest first (re-analyses with other models or templates). */
    public List<Analysis> completeAnalyses(long videoId) {
        return jdbc.sql(AnalysisCodec.SELECT + """
                         where a.clinic_id = :clinic and a.video_id = :video and a.complete
                         order by a.completed_at desc, a.id desc""")
                .param("clinic", currentUser.clinicId()).param("video", videoId)
                .query(AnalysisCodec::read).list();
    }

    public Analysis get(long analysisId) {
        return jdbc.sql(AnalysisCodec.SELECT + " where a.clinic_id = :clinic and a.id = :id and a.complete")
                .param("clinic", currentUser.clinicId()).param("id", analysisId)
                .query(AnalysisCodec::read).optional()
                .orElseThrow(() -> new NotFoundException("Analysis " + analysisId));
    }

    /** The subject's angle time series (2D and 3D, with velocities and per-sample issues) on one sample axis. */
    public AngleTable angles(long analysisId) {
        return AngleSeriesCodec.read(jdbc, analysisId, currentUser.clinicId())
                .orElseThrow(() -> new NotFoundException("Analysis " + analysisId));
    }

    /** The subject's keypoints per frame; FILTERED is what overlays and angles are drawn from. */
    public Optional<KeypointSeries> subjectKeypoints(long analysisId, SubjectSeriesCodec.Kind kind) {
        Optional<KeypointSeries> stored = jdbc.sql(SubjectSeriesCodec.SELECT)
                .param("id", analysisId).param("clinic", currentUser.clinicId()).param("kind", kind.code())
                .query(SubjectSeriesCodec::read).optional();
        if (stored.isPresent() || kind != SubjectSeriesCodec.Kind.RAW) return stored;
        // Stored once, as the subject's track (SubjectSeriesCodec).
        return jdbc.sql(SubjectSeriesCodec.SELECT_RAW_OF_TRACK).param("id", analysisId).param("clinic", currentUser.clinicId())
                .query(SubjectSeriesCodec::readRawOfTrack).optional();
    }

    /** Every tracked person (for drawing everyone, or letting the user pick another subject), by track id. */
    public List<TrackSeries> tracks(long analysisId) {
        return jdbc.sql(TrackCodec.SELECT).param("id", analysisId).param("clinic", currentUser.clinicId())
                .query(TrackCodec::read).list();
    }

    public List<Repetition> repetitions(long analysisId) {
        return jdbc.sql(RepetitionCodec.SELECT).param("id", analysisId).param("clinic", currentUser.clinicId())
                .query(RepetitionCodec::read).list();
    }

    /** Session-wide values first (repetition null), then per repetition, each by name and side. */
    public List<MetricRecord> metrics(long analysisId) {
        return jdbc.sql(MetricCodec.SELECT).param("id", analysisId).param("clinic", currentUser.clinicId())
                .query(MetricCodec::read).list();
    }

    /**
     * The exercise's lead figures, in rank order, each with its session-wide figure. A headline whose figure is missing
     * (none was stored under its name and side) reads as invalid, "not measured", rather than disappearing.
     */
    public List<Headline> headlines(long analysisId) {
        return jdbc.sql(HeadlineCodec.SELECT).param("id", analysisId).param("clinic", currentUser.clinicId())
                .query(HeadlineCodec::read).list();
    }

    /** The cameras, offsets and reprojection error of a multi-camera analysis; empty for a one-camera analysis. */
    public Optional<MultiViewFacts> multiView(long analysisId) {
        return MultiViewCodec.read(jdbc, currentUser.clinicId(), analysisId);
    }

    /** The triangulated skeleton of a multi-camera analysis, with the calibration it was triangulated with. */
    public Optional<MultiViewSkeleton> multiViewSkeleton(long analysisId) {
        return MultiViewPointsCodec.read(jdbc, currentUser.clinicId(), analysisId);
    }

    /** The points users tracked on the analysis page, in the order they were added. */
    public List<TrackedPath> trackedPoints(long analysisId) {
        return TrackedPointCodec.list(jdbc, currentUser.clinicId(), analysisId);
    }

    /**
     * The clinic's other videos with a complete analysis, to compare one with: the same subject's first, newest first
     * (at most 200).
     */
    public List<CompareCandidates.Candidate> analysedVideos(long videoId, long subjectId) {
        return jdbc.sql("""
                        select v.id, s.id as subject_id, s.display_name, se.session_date, se.exercise, v.original_name
                        from video v
                        join session se on se.id = v.session_id and se.clinic_id = v.clinic_id
                        join subject s on s.id = se.subject_id and s.clinic_id = se.clinic_id
                        where v.clinic_id = :clinic and v.id <> :video
                          and exists (select 1 from analysis a where a.video_id = v.id and a.clinic_id = v.clinic_id and a.complete)
                        order by (s.id = :subject) desc, se.session_date desc, v.id desc
                        limit 200""")
                .param("clinic", currentUser.clinicId()).param("video", videoId).param("subject", subjectId)
                .query((rs, n) -> new CompareCandidates.Candidate(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("display_name"),
                        rs.getObject("session_date", LocalDate.class), rs.getString("exercise"), rs.getString("original_name")))
                .list();
    }

    /**
     * The clinic's analysed videos, each with its latest complete analysis (as {@link #latestComplete} picks it), newest
     * session first, cut by the database: session date from/to (inclusive), the analysis' exercise template, one subject;
     * a null filter is none. Keypoints imported without a video are listed too.
     */
    public List<AnalysedVideo> analysedVideos(LocalDate from, LocalDate to, String exercise, Long subjectId, int offset, int limit) {
        return jdbc.sql("""
                        select a.id, v.id as video_id, v.original_name, v.media, se.id as session_id, se.session_date,
                               s.id as subject_id, s.display_name, a.exercise, a.model, a.started_at, a.completed_at,
                               (select count(*) from analysis_repetition r where r.analysis_id = a.id) as repetitions
                        """ + ANALYSED_VIDEOS + """
                         order by se.session_date desc, a.completed_at desc, a.id desc offset :offset limit :limit""")
                .params(analysedFilter(from, to, exercise, subjectId)).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new AnalysedVideo(rs.getLong("id"), rs.getLong("video_id"), rs.getString("original_name"),
                        "video".equals(rs.getString("media")), rs.getLong("session_id"), rs.getObject("session_date", LocalDate.class),
                        rs.getLong("subject_id"), rs.getString("display_name"), rs.getString("exercise"), rs.getString("model"),
                        rs.getObject("started_at", java.time.OffsetDateTime.class), rs.getObject("completed_at", java.time.OffsetDateTime.class),
                        rs.getInt("repetitions")))
                .list();
    }

    /** How many videos {@link #analysedVideos} pages through. */
    public long countAnalysedVideos(LocalDate from, LocalDate to, String exercise, Long subjectId) {
        return jdbc.sql("select count(*) " + ANALYSED_VIDEOS).params(analysedFilter(from, to, exercise, subjectId)).query(Long.class).single();
    }

    /** Each video of the clinic joined with its latest complete analysis (none: not listed), then the filters. */
    private static final String ANALYSED_VIDEOS = """
            from video v
            join session se on se.id = v.session_id and se.clinic_id = v.clinic_id
            join subject s on s.id = se.subject_id and s.clinic_id = se.clinic_id
            join lateral (select a.* from analysis a
                          where a.clinic_id = v.clinic_id and a.video_id = v.id and a.complete
                          order by""" + MULTI_CAMERA + """
             desc, a.completed_at desc, a.id desc limit 1) a on true
            where v.clinic_id = :clinic
              and (cast(:from as date) is null or se.session_date >= cast(:from as date))
              and (cast(:to as date) is null or se.session_date <= cast(:to as date))
              and (cast(:exercise as text) is null or a.exercise = cast(:exercise as text))
              and (cast(:subject as bigint) is null or se.subject_id = cast(:subject as bigint))
            """;

    private java.util.Map<String, Object> analysedFilter(LocalDate from, LocalDate to, String exercise, Long subjectId) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("clinic", currentUser.clinicId());
        p.put("from", from);
        p.put("to", to);
        p.put("exercise", exercise);
        p.put("subject", subjectId);
        return p;
    }

    /**
     * A subject's session-wide metrics across sessions, oldest first, from the latest complete analysis of each video:
     * the data of trend charts. {@code metricKeys} are summary keys with side prefix (e.g. "left_knee_flexion_3d_rom_mean");
     * none given = every metric. Each point says which exercise and model it came from, so a chart can keep them apart.
     */
    public List<MetricHistoryPoint> metricHistory(long subjectId, String... metricKeys) {
        return metricHistory(subjectId, null, Arrays.asList(metricKeys));
    }

    /**
     * {@link #metricHistory(long, String...)} of one exercise ("other" for analyses without one; null = every exercise),
     * filtered in the query. (No dates: a trend's changes are counted from its first visit, which a "from" would cut
     * off, and its headline label is its last visit's, which a "to" would change; a caller drops the visits outside.)
     */
    public List<MetricHistoryPoint> metricHistory(long subjectId, String exercise, List<String> keys) {
        boundProgressRead();
        return jdbc.sql(METRIC_HISTORY)
                .param("clinic", currentUser.clinicId()).param("subject", subjectId)
                .param("all", keys.isEmpty()).param("keys", keys.toArray(String[]::new))
                .param("exercise", exercise)
                .query(AnalysisQueries::historyPoint)
                .list();
    }

    /**
     * The stamp of a subject's figures in the user's clinic, read before the figures it keys: what is read after it is
     * at least as new. A subject of another clinic answers like a missing one ({@link NotFoundException}).
     */
    public FiguresStamp figuresStamp(long subjectId) {
        long clinic = currentUser.clinicId();
        long changedBy = jdbc.sql("select coalesce(cast(cast(figures_changed as text) as bigint), 0) from subject where id = :subject and clinic_id = :clinic")
                .param("subject", subjectId).param("clinic", clinic)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Subject " + subjectId));
        return new FiguresStamp(clinic, subjectId, changedBy);
    }

    /** A subject's trends without their visits (the choices of the progress page), in the order of their first visit. */
    public List<TrendHeading> trendHeadings(long subjectId) {
        boundProgressRead();
        return jdbc.sql(TREND_LIST)
                .param("clinic", currentUser.clinicId()).param("subject", subjectId)
                .query((rs, n) -> new TrendHeading(rs.getString("exercise"), rs.getString("name"), Side.parse(rs.getString("side")),
                        rs.getString("unit"), rs.getBoolean("multi_camera"), rs.getString("view_key"), AnalysisCodec.view(rs.getString("view_dominant")),
                        rs.getInt("visits"), rs.getInt("kept"), (Integer) rs.getObject("headline_rank"), rs.getString("headline_label")))
                .list();
    }

    /** The visits of one trend of {@link #trendHeadings}: {@link #metricHistory}'s rows of that trend alone. */
    public List<MetricHistoryPoint> trendVisits(long subjectId, TrendHeading trend) {
        boundProgressRead();
        return jdbc.sql(TREND_VISITS)
                .param("clinic", currentUser.clinicId()).param("subject", subjectId)
                .param("exercise", trend.exercise()).param("name", trend.name()).param("side", trend.side().id())
                .param("unit", trend.unit()).param("multi", trend.multiCamera())
                .param("view", trend.viewKey())
                .query(AnalysisQueries::historyPoint)
                .list();
    }

    /**
     * Bounds a progress read, for the rest of its transaction: sorts of up to 32 MB in memory (a subject with 1,000
     * squat sessions has 107,000 figure rows, ~18 MB sorted, which PostgreSQL's default 4 MB sends to disk; 32 MB is
     * only taken by a query that needs it, a few at a time), and at most {@value #PROGRESS_TIMEOUT} of statement time, so
     * that one slow read on a starved machine gives its connection back instead of holding one of the pool's few while
     * others wait (docs/BENCHMARKS.md, "Server under load").
     */
    private void boundProgressRead() {
        jdbc.sql("select set_config('work_mem', '32MB', true), set_config('statement_timeout', :timeout, true)")
                .param("timeout", PROGRESS_TIMEOUT).query().listOfRows();
    }

    static final String PROGRESS_TIMEOUT = "15s";

    private static MetricHistoryPoint historyPoint(ResultSet rs, int n) throws SQLException {
        return new MetricHistoryPoint(rs.getObject("session_date", LocalDate.class), rs.getLong("session_id"),
                rs.getLong("video_id"), rs.getLong("analysis_id"), rs.getString("exercise"), rs.getString("model"),
                MetricCodec.read(rs, n), AnalysisCodec.view(rs.getString("view_dominant")),
                (Integer) rs.getObject("headline_rank"), rs.getString("headline_label"), rs.getBoolean("multi_camera"));
    }
}
