package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.progress.ProgressService;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Progress beside a subject with 1,000 sessions (issue #17, item 4): the trend query reaches a subject's analyses through
 * the session, video and analysis indexes and each analysis's session-wide figures through the partial index of V45,
 * never by reading a whole table. (For the busy subject itself, whose rows are most of these tables here, reading them
 * in one pass is the planner's right choice.) The plan is asserted, not the time: timings are in docs/BENCHMARKS.md
 * ("Server under load"), printed here with -Dbenchmarks=true.
 */
class ProgressQueryPlanTest extends DatabaseTest {
    static final int SESSIONS = 1000;
    /**
     * Like a stored squat analysis: session-wide figures, and per repetition the same figures again. A real squat
     * analysis has 107 session-wide figures: -Dprogress.figures=107 measures that (slower to build; 40 by default).
     */
    static final int FIGURES = Integer.getInteger("progress.figures", 40), REPETITIONS = 5;

    @Autowired AnalysisStore store;
    @Autowired JdbcClient jdbc;
    @Autowired ProgressService progress;
    @Autowired org.springframework.transaction.support.TransactionTemplate inTransaction;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void theTrendsOfASubjectAreReadThroughIndexes_besideASubjectWithAThousandSessions() {
        TestClinic clinic = TestClinic.create(jdbc);
        long busy = clinic.subjectId();
        long session = clinic.session(jdbc, LocalDate.of(2023, 1, 2), "squat");
        store.save(clinic.clinicId(), clinic.video(jdbc, session), UUID.randomUUID(), null, squat());
        copySession(session, SESSIONS - 1);
        // a patient with a few visits in the same clinic: the usual case, whose progress must not read the busy one's rows
        long few = jdbc.sql("insert into subject (clinic_id, display_name) values (:c, 'Few visits') returning id")
                .param("c", clinic.clinicId()).query(Long.class).single();
        long first = jdbc.sql("insert into session (clinic_id, subject_id, session_date, exercise) values (:c, :s, :d, 'squat') returning id")
                .param("c", clinic.clinicId()).param("s", few).param("d", LocalDate.of(2026, 1, 5)).query(Long.class).single();
        store.save(clinic.clinicId(), clinic.video(jdbc, first), UUID.randomUUID(), null, squat());
        copySession(first, 9);
        // as autovacuum does after such a load: the planner then knows the tables' sizes (the app's role may not analyse)
        JdbcClient.create(postgres.getPostgresDatabase())
                .sql("vacuum analyze session, video, analysis, analysis_metric, analysis_headline, multiview_analysis").update();

        for (String query : new String[] {AnalysisQueries.METRIC_HISTORY, AnalysisQueries.TREND_LIST}) {
            String plan = String.join("\n", explain("explain (costs off) ", query, clinic.clinicId(), few));
            assertThat(plan).as(plan)
                    .contains("analysis_metric_session_wide_idx", "session_subject_idx")
                    // the figure, analysis and headline tables grow with every analysis; (video and session rows are a few
                    // pages here, which the planner rightly reads whole)
                    .doesNotContain("Seq Scan on analysis_metric", "Seq Scan on analysis ", "Seq Scan on analysis_headline");
        }
        // What the progress page reads for the busy subject: the list of its trends, every session-wide figure of it
        // once from the covering index (no per-repetition row, no sort of the rows), then the visits of the trend shown
        // (one index lookup per analysis for that figure)
        String list = String.join("\n", explain("explain (costs off) ", AnalysisQueries.TREND_LIST, clinic.clinicId(), busy));
        assertThat(list).as(list).contains("analysis_metric_session_wide_idx").doesNotContain("Seq Scan on analysis_metric");
        String visits = String.join("\n", explain("explain (costs off) ", AnalysisQueries.TREND_VISITS, clinic.clinicId(), busy));
        assertThat(visits).as(visits).contains("analysis_metric_session_wide_idx")
                .doesNotContain("Seq Scan on analysis_metric", "Seq Scan on analysis_headline");

        clinic.signIn(Role.VIEWER);
        assertThat(progress.trends(few)).hasSize(FIGURES).allSatisfy(t -> assertThat(t.visits()).hasSize(10));
        assertThat(progress.trends(busy)).hasSize(FIGURES).allSatisfy(t -> assertThat(t.visits()).hasSize(SESSIONS));
        org.poseanalytics.web.progress.ProgressReads.assertSameTrendsBothWays(progress, few);
        org.poseanalytics.web.progress.ProgressReads.assertSameTrendsBothWays(progress, busy);

        if (Boolean.getBoolean("benchmarks")) {
            for (long subject : new long[] {busy, few}) {
                String name = "Progress of subject " + subject + (subject == busy ? " (" + SESSIONS + " sessions)" : " (10 sessions)");
                // as the app runs them: with the work_mem of AnalysisQueries' bound on a progress read, in one transaction
                var heading = progress.choices(subject).getFirst().heading();
                String bound = "select set_config('work_mem', '32MB', true)";
                List<String> analysed = inTransaction.execute(tx -> {
                    jdbc.sql(bound).query().listOfRows();
                    return explain("explain (analyze, buffers) ", AnalysisQueries.METRIC_HISTORY, clinic.clinicId(), subject);
                });
                List<String> listed = inTransaction.execute(tx -> {
                    jdbc.sql(bound).query().listOfRows();
                    return explain("explain (analyze, buffers) ", AnalysisQueries.TREND_LIST, clinic.clinicId(), subject);
                });
                List<String> oneTrend = inTransaction.execute(tx -> {
                    jdbc.sql(bound).query().listOfRows();
                    return jdbc.sql("explain (analyze, buffers) " + AnalysisQueries.TREND_VISITS)
                            .params(visitParams(clinic.clinicId(), subject, heading)).query(String.class).list();
                });
                List<Long> serviceMs = new ArrayList<>(), listMs = new ArrayList<>(), trendMs = new ArrayList<>(), cachedMs = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    // a write that changes no figure but marks the subject's (V47), so that each run reads, not the cache
                    jdbc.sql("update analysis_headline set rank = rank where analysis_id = (select a.id from analysis a join video v on v.id = a.video_id"
                            + " join session s on s.id = v.session_id where s.subject_id = :s limit 1)").param("s", subject).update();
                    long t0 = System.nanoTime();
                    progress.trends(subject);
                    long t1 = System.nanoTime();
                    var listedFirst = progress.choices(subject).getFirst();
                    long t2 = System.nanoTime();
                    progress.trend(subject, listedFirst);
                    long t3 = System.nanoTime();
                    serviceMs.add(Duration.ofNanos(t1 - t0).toMillis());
                    listMs.add(Duration.ofNanos(t2 - t1).toMillis());
                    trendMs.add(Duration.ofNanos(t3 - t2).toMillis());
                    // the page's two reads again, as the next viewer of the same subject makes them: from the cache
                    long t4 = System.nanoTime();
                    progress.trend(subject, progress.choices(subject).getFirst());
                    cachedMs.add(Duration.ofNanos(System.nanoTime() - t4).toMillis());
                }
                System.out.println(name + ", every figure (METRIC_HISTORY):\n" + String.join("\n", analysed)
                        + "\n" + name + ", the list of trends (TREND_LIST):\n" + String.join("\n", listed)
                        + "\n" + name + ", one trend's visits (TREND_VISITS, " + heading.key() + "):\n" + String.join("\n", oneTrend)
                        + "\n" + name + ": ProgressService.trends (every trend), 10 runs (ms): " + serviceMs
                        + "\n" + name + ": ProgressService.choices (the list), 10 runs (ms): " + listMs
                        + "\n" + name + ": ProgressService.trend (one trend's visits), 10 runs (ms): " + trendMs
                        + "\n" + name + ": choices and trend again under the same stamp (cached), 10 runs (ms): " + cachedMs);
            }
        }
    }

    /** The plan of {@link AnalysisQueries#METRIC_HISTORY} (every figure) or {@link AnalysisQueries#TREND_LIST}. */
    private List<String> explain(String explain, String query, long clinicId, long subjectId) {
        var p = new java.util.HashMap<String, Object>(java.util.Map.of("clinic", clinicId, "subject", subjectId));
        if (query.equals(AnalysisQueries.METRIC_HISTORY)) {
            p.put("all", true);
            p.put("keys", new String[0]);
            p.put("exercise", null);
        }
        if (query.equals(AnalysisQueries.TREND_VISITS)) p.putAll(visitParams(clinicId, subjectId,
                new TrendHeading("squat", "figure_0", Side.LEFT, "deg", false, "sagittal_left", null, 0, 0, null, null)));
        return jdbc.sql(explain + query).params(p).query(String.class).list();
    }

    private static java.util.Map<String, Object> visitParams(long clinicId, long subjectId, TrendHeading t) {
        var p = new java.util.HashMap<String, Object>();
        p.put("clinic", clinicId);
        p.put("subject", subjectId);
        p.put("exercise", t.exercise());
        p.put("name", t.name());
        p.put("side", t.side().id());
        p.put("unit", t.unit());
        p.put("multi", t.multiCamera());
        p.put("view", t.viewKey());
        return p;
    }

    private static org.poseanalytics.kinematics.pipeline.AnalysisResult squat() {
        List<MetricRecord> figures = new ArrayList<>();
        List<Headline> headlines = new ArrayList<>();
        for (int i = 0; i < FIGURES; i++) {
            MetricRecord f = SyntheticResults.figure("figure_" + i, 50 + i, "deg", i % 2 == 0 ? Side.LEFT : Side.RIGHT, Quality.VALID, "");
            figures.add(f);
            if (i < 8) headlines.add(new Headline(i + 1, "Figure " + i, "synthetic", f));
            for (int r = 1; r <= REPETITIONS; r++) {
                figures.add(new MetricRecord("figure_" + i, 50 + i + r, "deg", f.side(), r, Quality.VALID, ""));
            }
        }
        return SyntheticResults.withFigures(SyntheticResults.of(30, 33, 1, 2, 0), "squat", List.of(), figures, headlines,
                SyntheticResults.SIDE_VIEW);
    }

    /**
     * {@code copies} more sessions of the session's subject a day apart, each with a video and a copy of the original's
     * analysis, figures (values varied a little) and headlines; set-based, so a thousand take a second or two.
     */
    private void copySession(long sessionId, int copies) {
        var p = new java.util.HashMap<String, Object>(jdbc.sql("""
                        select s.id as s, s.subject_id as subject, v.id as v, a.id as a
                        from session s join video v on v.session_id = s.id join analysis a on a.video_id = v.id where s.id = :s""")
                .param("s", sessionId).query().singleRow());
        p.put("copies", copies);
        jdbc.sql("""
                insert into session (clinic_id, subject_id, session_date, exercise)
                select clinic_id, subject_id, session_date + g, exercise from session, generate_series(1, :copies) g where id = :s""")
                .params(p).update();
        jdbc.sql("""
                insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, width, height, frames,
                                   duration_s, nominal_fps, variable_frame_rate, has_audio, status)
                select s.clinic_id, s.id, gen_random_uuid(), v.original_name, v.size_bytes, v.width, v.height, v.frames,
                       v.duration_s, v.nominal_fps, v.variable_frame_rate, v.has_audio, 'done'
                from session s cross join video v
                where v.id = :v and s.subject_id = :subject and not exists (select 1 from video x where x.session_id = s.id)""")
                .params(p).update();
        jdbc.sql("""
                insert into analysis (clinic_id, video_id, job_id, model, model_version, exercise, skeleton, landmarks,
                                      view_dominant, complete, completed_at)
                select v.clinic_id, v.id, gen_random_uuid(), a.model, a.model_version, a.exercise, a.skeleton, a.landmarks,
                       a.view_dominant, true, a.completed_at
                from video v join session s on s.id = v.session_id cross join analysis a
                where a.id = :a and s.subject_id = :subject and not exists (select 1 from analysis x where x.video_id = v.id)""")
                .params(p).update();
        String copiesOf = """
                from analysis n join video v on v.id = n.video_id join session s on s.id = v.session_id
                join %s o on o.analysis_id = :a
                where s.subject_id = :subject and n.id <> :a""";
        jdbc.sql("""
                insert into analysis_metric (analysis_id, name, value, unit, side, repetition, quality, reason)
                select n.id, o.name, o.value + n.id * 0.001, o.unit, o.side, o.repetition, o.quality, o.reason """
                + " " + copiesOf.formatted("analysis_metric")).params(p).update();
        jdbc.sql("""
                insert into analysis_headline (analysis_id, rank, label, definition, metric_name, metric_side)
                select n.id, o.rank, o.label, o.definition, o.metric_name, o.metric_side """
                + " " + copiesOf.formatted("analysis_headline")).params(p).update();
    }
}
