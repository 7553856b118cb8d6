package org.poseanalytics.web.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Metres in the store, on the embedded PostgreSQL: the subject's standing height, the video's scale line and the
 * analysis' scale are read back as written; bad heights and lines are refused with their reason and nothing is
 * stored; a job keeps the scale it was queued with; a tracked point's velocity per repetition is stored in m/s from
 * the analysis' scale and repetitions (a bar path of known speed), removed with the point and recomputed when the point
 * is carried over to a re-analysis with another scale.
 */
class ScaleStoreTest extends DatabaseTest {
    @Autowired SubjectService subjects;
    @Autowired ScaleLines lines;
    @Autowired VideoService videos;
    @Autowired AnalysisStore store;
    @Autowired AnalysisQueries queries;
    @Autowired AnalysisJobs jobs;
    @Autowired JobRecords records;
    @Autowired TrackedPoints points;
    @Autowired PointTrackingService tracking;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void subjectHeightIsStoredInMetresAndABadOneIsRefusedWithItsReason() {
        TestClinic clinic = TestClinic.create(jdbc);
        clinic.signIn(Role.CLINICIAN);
        Subject s = subjects.create(new SubjectDetails("Ida Lund", null, null, "Weightlifting", InvolvedSide.NONE, null, 1.68));
        assertThat(subjects.get(s.id()).heightM()).isEqualTo(1.68);
        Subject edited = subjects.update(s.id(), new SubjectDetails("Ida Lund", null, null, "Weightlifting", InvolvedSide.NONE, null, 1.7));
        assertThat(edited.heightM()).isEqualTo(1.7);

        // centimetres typed as metres: the message says so, and what was stored stays
        assertThatThrownBy(() -> subjects.update(s.id(), new SubjectDetails("Ida Lund", null, null, null, InvolvedSide.NONE, null, 170.0)))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("in metres, between 0.5 and 2.5 m").hasMessageContaining("enter 1.70 for 170 cm")
                .satisfies(e -> assertThat(((UserInputException) e).field()).isEqualTo("heightM"));
        assertThatThrownBy(() -> subjects.create(new SubjectDetails("Tiny", null, null, null, InvolvedSide.NONE, null, 0.3)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("between 0.5 and 2.5 m");
        assertThat(subjects.get(s.id()).heightM()).isEqualTo(1.7);
        // the database refuses one that passes by the service too
        assertThatThrownBy(() -> jdbc.sql("update subject set height_m = 3 where id = :id").param("id", s.id()).update())
                .hasMessageContaining("height_m");
        // not known is allowed
        assertThat(subjects.update(s.id(), new SubjectDetails("Ida Lund", null, null, null, InvolvedSide.NONE, null, null)).heightM()).isNull();
    }

    @Test
    void aScaleLineIsStoredPerVideoReplacedRemovedAndABadOneIsRefused() {
        TestClinic clinic = TestClinic.create(jdbc);
        long videoId = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "squat")); // 720 × 1280
        clinic.signIn(Role.CLINICIAN);
        Video video = videos.get(videoId);
        assertThat(lines.of(videoId)).isEmpty();

        ScaleLine drawn = lines.draw(video, 100, 1000, 500, 1000, 1.2, 2.4);
        assertThat(drawn.line()).isEqualTo(new ScaleSpec.Line(100, 1000, 500, 1000, 1.2));
        assertThat(drawn.timeS()).isEqualTo(2.4);
        assertThat(drawn.createdBy()).isNotBlank();
        assertThat(drawn.line().metresPerPx()).isCloseTo(0.003, within(1e-12));
        ScaleLine again = lines.draw(video, 50, 200, 50, 700, 0.45, Double.NaN);
        assertThat(lines.of(videoId).orElseThrow().line()).isEqualTo(again.line()).isEqualTo(new ScaleSpec.Line(50, 200, 50, 700, 0.45));
        assertThat(lines.of(videoId).orElseThrow().timeS()).isNull();

        // bad lines: the library's reason, and the stored line stays as it was
        assertThatThrownBy(() -> lines.draw(video, 100, 1000, 500, 1000, 0, 1)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("The scale line's real length must be more than 0 m");
        assertThatThrownBy(() -> lines.draw(video, 100, 1000, 500, 1000, -1, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("more than 0 m");
        assertThatThrownBy(() -> lines.draw(video, 100, 1000, 105, 1003, 1, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("only 6 px long");
        assertThatThrownBy(() -> lines.draw(video, 100, 1000, 900, 1000, 1, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("outside the 720×1280 px frame");
        assertThat(lines.of(videoId).orElseThrow().line()).isEqualTo(again.line());
        assertThat(jdbc.sql("select count(*) from audit_event where video_id = :v and detail like 'scale line drawn%'")
                .param("v", videoId).query(Integer.class).single()).isEqualTo(2);

        // a viewer sees it, may not draw; another clinic neither sees nor draws
        clinic.signIn(Role.VIEWER);
        assertThat(lines.of(videoId)).isPresent();
        assertThatThrownBy(() -> lines.draw(video, 100, 1000, 500, 1000, 1, 1)).isInstanceOf(AccessDeniedException.class);
        TestClinic other = TestClinic.create(jdbc);
        other.signIn(Role.ADMIN);
        assertThat(lines.of(videoId)).isEmpty();
        assertThatThrownBy(() -> lines.draw(video, 100, 1000, 500, 1000, 1, 1)).isInstanceOf(RuntimeException.class);
        assertThat(lines.remove(video)).isFalse();

        clinic.signIn(Role.CLINICIAN);
        assertThat(lines.remove(video)).isTrue();
        assertThat(lines.of(videoId)).isEmpty();
        assertThat(lines.remove(video)).isFalse();
        lines.draw(video, 100, 1000, 500, 1000, 1.2, 2.4);
        jdbc.sql("delete from video where id = :v").param("v", videoId).update();
        assertThat(jdbc.sql("select count(*) from video_scale_line where video_id = :v").param("v", videoId).query(Integer.class).single()).isZero();
    }

    @Test
    void theAnalysisScaleIsReadBackAsStored_olderAnalysesHaveNone() {
        TestClinic clinic = TestClinic.create(jdbc);
        long videoId = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "squat"));
        ScaleSpec.Line line = new ScaleSpec.Line(100, 400, 500, 400, 1.2);
        Scale used = new Scale(Scale.Source.LINE, line.metresPerPx(), line, "reference line 400.0 px = 1.2 m",
                Rating.low("reference line not in the subject's plane (it makes them 2.60 m tall)"), List.of("the line is probably nearer"));
        long scaled = store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null,
                SyntheticResults.withScale(SyntheticResults.of(3, 33, 1, 2, 1), used)).analysisId();
        Scale height = new Scale(Scale.Source.SUBJECT_HEIGHT, 0.004, new ScaleSpec.SubjectHeight(1.75), "standing height 437 px", Rating.VALID, List.of());
        long byHeight = store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null,
                SyntheticResults.withScale(SyntheticResults.of(3, 33, 1, 2, 1), height)).analysisId();
        long none = store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null, SyntheticResults.of(3, 33, 1, 2, 1)).analysisId();
        // as an analysis stored before this version: no scale columns at all
        jdbc.sql("update analysis set scale_source = null, scale_quality = null where id = :id").param("id", none).update();
        clinic.signIn(Role.VIEWER);
        assertThat(queries.get(scaled).scale()).isEqualTo(used);
        assertThat(queries.get(byHeight).scale()).isEqualTo(height);
        assertThat(queries.get(none).scale().source()).isEqualTo(Scale.Source.NONE);
        assertThat(queries.get(none).scale().known()).isFalse();
    }

    @Test
    void aJobKeepsTheScaleItWasQueuedWith_aSourceWithNothingStoredIsRefused() {
        TestClinic clinic = TestClinic.create(jdbc);
        long videoId = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "squat"));
        clinic.signIn(Role.CLINICIAN);
        Video video = videos.get(videoId);
        assertThat(jobs.defaultScaleSource(videoId)).isEqualTo(Scale.Source.NONE);
        assertThatThrownBy(() -> jobs.analyseAgain(videoId, null, null, null, Scale.Source.LINE)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("No scale line is drawn on this video");
        assertThatThrownBy(() -> jobs.analyseAgain(videoId, null, null, null, Scale.Source.SUBJECT_HEIGHT)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("standing height").hasMessageContaining("is not stored");
        assertThat(jdbc.sql("select count(*) from analysis_job where video_id = :v").param("v", videoId).query(Integer.class).single()).isZero();

        jdbc.sql("update subject set height_m = 1.81 where id = :s").param("s", clinic.subjectId()).update();
        assertThat(jobs.defaultScaleSource(videoId)).isEqualTo(Scale.Source.SUBJECT_HEIGHT);
        lines.draw(video, 100, 1000, 500, 1000, 1.2, 2.4);
        assertThat(jobs.defaultScaleSource(videoId)).isEqualTo(Scale.Source.LINE);

        UUID byLine = UUID.randomUUID(), byHeight = UUID.randomUUID(), without = UUID.randomUUID();
        records.insertQueued(byLine, clinic.clinicId(), videoId, null, "squat", null, null, lines.of(videoId).orElseThrow().line());
        records.insertQueued(byHeight, clinic.clinicId(), videoId, null, "squat", null, null, new ScaleSpec.SubjectHeight(1.81));
        records.insertQueued(without, clinic.clinicId(), videoId, null, "squat", null, null, new ScaleSpec.None());
        // a line drawn again later does not change what a queued job asked for
        lines.draw(video, 10, 10, 300, 10, 2.0, 0);
        assertThat(records.start(byLine, "test").orElseThrow().scale()).isEqualTo(new ScaleSpec.Line(100, 1000, 500, 1000, 1.2));
        assertThat(records.start(byHeight, "test").orElseThrow().scale()).isEqualTo(new ScaleSpec.SubjectHeight(1.81));
        assertThat(records.start(without, "test").orElseThrow().scale()).isEqualTo(new ScaleSpec.None());
    }

    @Test
    void aTrackedPointsVelocityPerRepetitionIsStoredInMetresPerSecondRemovedWithItAndRecomputedWhenCarried() {
        TestClinic clinic = TestClinic.create(jdbc);
        long videoId = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "squat"));
        List<Repetition> reps = List.of(SyntheticResults.lift(1, 0.5, 1.0), SyntheticResults.lift(2, 3.0, 1.0));
        AnalysisResult base = SyntheticResults.of(181, 33, 1, 2, 0);
        AnalysisResult lifts = SyntheticResults.withFigures(base, "squat", reps, base.kinematics().metrics(), base.kinematics().headlines(),
                base.kinematics().view());
        Scale line = Scale.of(new ScaleSpec.Line(100, 1000, 500, 1000, 1.0)); // 400 px = 1 m
        long analysis = store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null, SyntheticResults.withScale(lifts, line)).analysisId();
        clinic.signIn(Role.CLINICIAN);
        TrackedPath bar = points.add(analysis, SyntheticResults.barPath());

        List<MetricRecord> figures = queries.metrics(analysis);
        List<BarVelocity> velocity = BarVelocity.of(figures);
        assertThat(velocity).hasSize(1);
        BarVelocity p = velocity.getFirst();
        assertThat(p.point()).isEqualTo(bar.number());
        assertThat(p.repetitions()).extracting(BarVelocity.Row::repetition).containsExactly(1, 2);
        for (BarVelocity.Row r : p.repetitions()) {
            System.out.printf("[measured] rep %d: displacement %.4f m, MCV %.4f m/s, peak %.4f m/s, MEV %.4f m/s (%s)%n", r.repetition(),
                    r.displacement().value(), r.meanConcentric().value(), r.peakConcentric().value(), r.meanEccentric().value(), r.rated().quality());
            assertThat(r.displacement().unit()).isEqualTo("m");
            assertThat(r.displacement().value()).isCloseTo(0.25, within(0.25 * 0.03));
            assertThat(r.meanConcentric().unit()).isEqualTo("m/s");
            assertThat(r.meanConcentric().value()).isCloseTo(0.25, within(0.25 * 0.03));
            assertThat(r.peakConcentric().value()).isCloseTo(Math.PI / 2 * 0.25, within(Math.PI / 2 * 0.25 * 0.03));
            assertThat(r.meanEccentric().value()).isCloseTo(0.25, within(0.25 * 0.03));
            assertThat(r.rated().quality()).isEqualTo(Quality.VALID);
        }
        MetricRecord set = p.session().stream().filter(m -> m.name().endsWith("mean_concentric_velocity")).findFirst().orElseThrow();
        assertThat(set.repetition()).isNull();
        assertThat(set.value()).isCloseTo(0.25, within(0.25 * 0.03));
        MetricRecord loss = p.session().stream().filter(m -> m.name().endsWith("velocity_loss")).findFirst().orElseThrow();
        assertThat(loss.unit()).isEqualTo("%");
        assertThat(loss.value()).isCloseTo(0, within(1.0));

        // Carried over to a re-analysis without a scale: the same point's figures, now in px and px/s (100 px, 100 px/s).
        long again = store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null, lifts).analysisId();
        BarVelocity carried = BarVelocity.of(queries.metrics(again)).getFirst();
        assertThat(carried.repetitions().getFirst().meanConcentric().unit()).isEqualTo("px/s");
        assertThat(carried.repetitions().getFirst().meanConcentric().value()).isCloseTo(100, within(3.0));
        assertThat(carried.repetitions().getFirst().displacement().value()).isCloseTo(100, within(3.0));

        // Removed with the point: no figure of it is left; other figures stay.
        int before = queries.metrics(analysis).size();
        tracking.remove(videos.get(videoId), bar);
        assertThat(BarVelocity.of(queries.metrics(analysis))).isEmpty();
        assertThat(queries.metrics(analysis)).hasSize(before - figures.stream().filter(m -> BarVelocity.isPointFigure(m.name())).toList().size());
        assertThat(BarVelocity.of(queries.metrics(again))).hasSize(1);
    }
}
