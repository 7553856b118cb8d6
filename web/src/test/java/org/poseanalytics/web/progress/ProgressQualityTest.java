package org.poseanalytics.web.progress;

import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.angle.Side;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Progress compares like with like and leaves invalid values out: four gait visits, the headline "peak knee flexion"
 * valid, invalid (with its reason), valid, all filmed from the side, and a fourth filmed from the front.
 */
class ProgressQualityTest extends DatabaseTest {
    static final ViewSummary FRONT = new ViewSummary(CameraView.FRONTAL_ANTERIOR, 0.88, Map.of(), 80, 9);

    @Autowired ProgressService progress;
    @Autowired AnalysisStore store;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void anInvalidVisitIsAGapWithItsReason_andAnotherViewIsAnotherTrend() {
        TestClinic clinic = TestClinic.create(jdbc);
        visit(clinic, LocalDate.of(2026, 9, 1), 60.0, Quality.VALID, "", SyntheticResults.SIDE_VIEW);
        visit(clinic, LocalDate.of(2026, 9, 8), 364.0, Quality.INVALID, "outside the physiological range", SyntheticResults.SIDE_VIEW);
        visit(clinic, LocalDate.of(2026, 9, 15), 64.5, Quality.VALID, "", SyntheticResults.SIDE_VIEW);
        visit(clinic, LocalDate.of(2026, 9, 22), 40.0, Quality.LOW, "knee flexion seen obliquely from the front", FRONT);
        clinic.signIn(Role.VIEWER);

        List<MetricTrend> trends = progress.trends(clinic.subjectId());
        // the headline leads, in both views
        assertThat(trends.subList(0, 2)).allSatisfy(t -> assertThat(t.headlineRank()).isEqualTo(1))
                .extracting(MetricTrend::view).containsExactlyInAnyOrder(CameraView.SAGITTAL_LEFT, CameraView.FRONTAL_ANTERIOR);
        MetricTrend side = trends.stream().filter(t -> t.view() == CameraView.SAGITTAL_LEFT && t.key().equals("left_knee_flexion_peak_mean"))
                .findFirst().orElseThrow();
        assertThat(side.label()).isEqualTo("Peak knee flexion (left) · side (left) view");
        assertThat(side.visits()).hasSize(3);
        assertThat(side.leftOut()).singleElement().satisfies(v -> {
            assertThat(v.date()).isEqualTo(LocalDate.of(2026, 9, 8));
            assertThat(v.figure().note()).isEqualTo("outside the physiological range");
        });
        // the change is between the kept values: 64.5 against 60, the invalid 364 plays no part
        MetricTrend.Visit last = side.latest();
        assertThat(last.value()).isEqualTo(64.5);
        assertThat(last.sinceFirst()).isEqualTo(4.5);
        assertThat(last.sincePrevious()).isEqualTo(4.5);
        // the page lists the same trends and reads each one's visits alone, with the same figures and changes
        List<TrendChoice> choices = ProgressReads.assertSameTrendsBothWays(progress, clinic.subjectId());
        assertThat(ProgressView.first(choices)).satisfies(c -> {
            assertThat(c.key()).isEqualTo(side.key());
            assertThat(c.view()).isEqualTo(side.view());
        });

        MetricTrend front = trends.stream().filter(t -> t.view() == CameraView.FRONTAL_ANTERIOR && t.headline()).findFirst().orElseThrow();
        assertThat(front.visits()).singleElement().satisfies(v -> assertThat(v.figure().quality()).isEqualTo(Quality.LOW));
    }

    private void visit(TestClinic clinic, LocalDate date, double peak, Quality q, String reason, ViewSummary view) {
        long video = clinic.video(jdbc, clinic.session(jdbc, date, "gait"));
        MetricRecord knee = SyntheticResults.figure("knee_flexion_peak_mean", peak, "deg", Side.LEFT, q, reason);
        MetricRecord cadence = SyntheticResults.figure("cadence", 110, "steps/min", Side.NONE, Quality.VALID, "");
        AnalysisResult r = SyntheticResults.withFigures(SyntheticResults.of(30, 33, 1, 2, 0), "gait", List.of(),
                List.of(knee, cadence), List.of(new Headline(1, "Peak knee flexion (left)", "swing phase; 2D", knee)), view);
        store.save(clinic.clinicId(), video, UUID.randomUUID(), null, r);
    }
}
