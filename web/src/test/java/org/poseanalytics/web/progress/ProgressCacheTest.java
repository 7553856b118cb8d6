package org.poseanalytics.web.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
import org.poseanalytics.web.analysis.TrackedPath;
import org.poseanalytics.web.analysis.TrackedPoints;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A subject's trends are kept in memory behind the stamp of its figures (V47): read twice without a change they are
 * the same trends, not read again; after any change to what a trend is made of (a figure stored, a point tracked and
 * removed, a value corrected in SQL, a session moved to another date or deleted, a re-analysis) the next read shows
 * it. And the cache is the clinic's: another clinic's user never gets what this one's read.
 */
class ProgressCacheTest extends DatabaseTest {
    private static final String PEAK = "left_knee_flexion_peak_mean";

    @Autowired ProgressService progress;
    @Autowired AnalysisStore store;
    @Autowired TrackedPoints points;
    @Autowired SessionService sessions;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void everyChangeToAFigureShowsInTheNextRead_noChangeReadsNothingAgain() {
        TestClinic clinic = TestClinic.create(jdbc);
        long first = clinic.session(jdbc, LocalDate.of(2026, 9, 1), "squat");
        long firstAnalysis = visit(clinic, first, 60.0);
        long second = clinic.session(jdbc, LocalDate.of(2026, 9, 8), "squat");
        long secondAnalysis = visit(clinic, second, 64.0);
        clinic.signIn(Role.CLINICIAN);

        List<TrendChoice> choices = progress.choices(clinic.subjectId());
        TrendChoice peak = peak(choices);
        MetricTrend trend = progress.trend(clinic.subjectId(), peak);
        assertThat(values(trend)).containsExactly(60.0, 64.0);
        // nothing changed: the same lists, from memory
        assertThat(progress.choices(clinic.subjectId())).isSameAs(choices);
        assertThat(progress.trend(clinic.subjectId(), peak)).isSameAs(trend);
        List<MetricTrend> api = progress.trends(clinic.subjectId(), null, List.of(PEAK));
        assertThat(progress.trends(clinic.subjectId(), null, List.of(PEAK))).isSameAs(api);

        // a third visit analysed (AnalysisStore)
        long third = clinic.session(jdbc, LocalDate.of(2026, 9, 15), "squat");
        visit(clinic, third, 70.0);
        assertThat(values(progress.trend(clinic.subjectId(), peak(progress.choices(clinic.subjectId()))))).containsExactly(60.0, 64.0, 70.0);
        assertThat(values(progress.trends(clinic.subjectId(), null, List.of(PEAK)).getFirst())).containsExactly(60.0, 64.0, 70.0);

        // a point tracked on the second visit adds its set velocity as a trend of its own; removed, the trend goes
        TrackedPath bar = points.add(secondAnalysis, SyntheticResults.barPath());
        assertThat(progress.choices(clinic.subjectId())).filteredOn(TrendChoice::setVelocity).singleElement()
                .satisfies(c -> assertThat(progress.trend(clinic.subjectId(), c).visits()).singleElement()
                        .satisfies(v -> assertThat(v.sessionId()).isEqualTo(second)));
        assertThat(points.remove(secondAnalysis, bar.id())).isTrue();
        assertThat(progress.choices(clinic.subjectId())).noneMatch(TrendChoice::setVelocity);

        // a value corrected in SQL, behind every service's back
        jdbc.sql("update analysis_metric set value = 61.5 where analysis_id = :a and name = 'knee_flexion_peak_mean' and repetition is null")
                .param("a", firstAnalysis).update();
        assertThat(values(progress.trend(clinic.subjectId(), peak(progress.choices(clinic.subjectId()))))).containsExactly(61.5, 64.0, 70.0);

        // the first session moved after the last: the visits' order and the changes follow the dates
        sessions.update(first, new SessionDetails(LocalDate.of(2026, 9, 22), org.poseanalytics.kinematics.exercise.Exercise.parse("squat"), ""));
        MetricTrend moved = progress.trend(clinic.subjectId(), peak(progress.choices(clinic.subjectId())));
        assertThat(values(moved)).containsExactly(64.0, 70.0, 61.5);
        assertThat(moved.latest().sinceFirst()).isEqualTo(61.5 - 64.0);

        // a re-analysis of the second visit's video: its latest analysis is the one shown
        long secondVideo = jdbc.sql("select video_id from analysis where id = :a").param("a", secondAnalysis).query(Long.class).single();
        store.save(clinic.clinicId(), secondVideo, UUID.randomUUID(), null, result(66.0));
        assertThat(values(progress.trend(clinic.subjectId(), peak(progress.choices(clinic.subjectId()))))).containsExactly(66.0, 70.0, 61.5);

        // a session deleted takes its visit with it
        sessions.delete(third);
        List<TrendChoice> after = progress.choices(clinic.subjectId());
        assertThat(peak(after).heading().visits()).isEqualTo(2);
        assertThat(values(progress.trend(clinic.subjectId(), peak(after)))).containsExactly(66.0, 61.5);
        // and what the page reads in two steps is still what the API reads at once
        ProgressReads.assertSameTrendsBothWays(progress, clinic.subjectId());
    }

    @Test
    void anotherClinicNeverReadsThisClinicsTrends() {
        TestClinic owner = TestClinic.create(jdbc);
        TestClinic other = TestClinic.create(jdbc);
        visit(owner, owner.session(jdbc, LocalDate.of(2026, 9, 1), "squat"), 60.0);
        owner.signIn(Role.VIEWER);
        TrendChoice peak = peak(progress.choices(owner.subjectId()));
        assertThat(values(progress.trend(owner.subjectId(), peak))).containsExactly(60.0);
        assertThat(progress.trends(owner.subjectId(), null, List.of(PEAK))).hasSize(1);

        other.signIn(Role.ADMIN);
        assertThatThrownBy(() -> progress.choices(owner.subjectId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> progress.trend(owner.subjectId(), peak)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> progress.trends(owner.subjectId(), null, List.of(PEAK))).isInstanceOf(NotFoundException.class);
    }

    private static TrendChoice peak(List<TrendChoice> choices) {
        return choices.stream().filter(c -> c.key().equals(PEAK)).findFirst().orElseThrow();
    }

    private static List<Double> values(MetricTrend trend) {
        return trend.visits().stream().map(MetricTrend.Visit::value).toList();
    }

    /** An analysed squat visit of the session: its headline peak knee flexion, two lifts and a scale (for a tracked bar). */
    private long visit(TestClinic clinic, long session, double peak) {
        return store.save(clinic.clinicId(), clinic.video(jdbc, session), UUID.randomUUID(), null, result(peak)).analysisId();
    }

    private static AnalysisResult result(double peak) {
        AnalysisResult base = SyntheticResults.of(181, 33, 1, 2, 0);
        MetricRecord knee = SyntheticResults.figure("knee_flexion_peak_mean", peak, "deg", Side.LEFT, Quality.VALID, "");
        AnalysisResult lifts = SyntheticResults.withFigures(base, "squat",
                List.of(SyntheticResults.lift(1, 0.5, 1.0), SyntheticResults.lift(2, 3.0, 1.0)), List.of(knee),
                List.of(new Headline(1, "Peak knee flexion (left)", "bottom of the squat; 2D", knee)), SyntheticResults.SIDE_VIEW);
        return SyntheticResults.withScale(lifts, Scale.of(new ScaleSpec.Line(100, 1000, 500, 1000, 1.0)));
    }
}
