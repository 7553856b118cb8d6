package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.ViewSigns;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.testing.ReplayedSquat;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Storing a result set and reading it back through the clinic-scoped queries, on the embedded PostgreSQL. */
class AnalysisStoreTest extends DatabaseTest {
    @Autowired AnalysisStore store;
    @Autowired AnalysisQueries queries;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void storesAndReadsBackEveryPart() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 11, 2), "squat"));
        AnalysisResult r = SyntheticResults.of(120, 33, 2, 6, 3);
        AnalysisStore.Saved saved = store.save(clinic.clinicId(), video, UUID.randomUUID(), clinic.accountId(), r);
        assertThat(saved.alreadyStored()).isFalse();

        clinic.signIn(Role.VIEWER);
        Analysis a = queries.latestComplete(video).orElseThrow();
        assertThat(a.id()).isEqualTo(saved.analysisId());
        assertThat(a.landmarks()).hasSize(33).startsWith("nose");
        assertThat(a.model()).isEqualTo("synthetic");
        assertThat(a.exercise()).isEqualTo("squat");
        assertThat(a.storeS()).isPositive();
        assertThat(a.timings().decodeS()).isEqualTo(1.0);
        assertThat(a.notes()).isEmpty();

        AngleTable sent = r.kinematics().angles();
        AngleTable angles = queries.angles(a.id());
        assertThat(angles.series()).extracting(AngleSeries::column)
                .containsExactlyElementsOf(sent.series().stream().map(AngleSeries::column).toList());
        assertThat(angles.timesS()).containsExactly(sent.timesS());
        assertThat(angles.series().get(1).valuesDeg()).containsExactly(sent.series().get(1).valuesDeg());
        assertThat(angles.series().get(0).valueDeg(3)).isNaN();
        assertThat(angles.series().get(1).dimension()).isEqualTo(Dimension.WORLD_3D);
        // the sign convention the 2D angles were computed with, as it was (exports used to make up (1, 1))
        assertThat(angles.viewSigns()).isEqualTo(new ViewSigns(-1, 1));

        KeypointSeries sentFiltered = r.subject().filtered().series();
        KeypointSeries filtered = queries.subjectKeypoints(a.id(), SubjectSeriesCodec.Kind.FILTERED).orElseThrow();
        assertThat(filtered.filter()).isEqualTo("hampel+butterworth-4-6hz");
        assertSameRows(filtered.x(), sentFiltered.x());
        assertSameRows(filtered.y(), sentFiltered.y());
        assertSameRows(filtered.z(), sentFiltered.z());
        assertSameRows(filtered.visibility(), sentFiltered.visibility());
        assertThat(filtered.isGap(1, 1)).isTrue();
        assertThat(filtered.x().get(3, 2)).isEqualTo(sentFiltered.x().get(3, 2));
        assertSameRows(filtered.worldX(), sentFiltered.worldX());
        assertSameRows(filtered.worldY(), sentFiltered.worldY());
        assertSameRows(filtered.worldZ(), sentFiltered.worldZ());

        assertThat(queries.tracks(a.id())).extracting(TrackSeries::trackId).containsExactly(1, 2);
        assertThat(queries.repetitions(a.id())).hasSize(3).first().satisfies(rep -> {
            assertThat(rep.index()).isEqualTo(1);
            assertThat(rep.romDeg()).isEqualTo(91);
            assertThat(rep.rating()).isEqualTo(Rating.VALID);
        });
        List<MetricRecord> metrics = queries.metrics(a.id());
        assertThat(metrics).contains(new MetricRecord("knee_flexion_peak", 97, "deg", Side.LEFT, 2, Quality.VALID, ""),
                new MetricRecord("repetitions", 3, "count", Side.NONE, null, Quality.VALID, ""),
                new MetricRecord("knee_flexion_rom_mean", 90.0, "deg", Side.RIGHT, null, Quality.LOW, "right knee interpolated in 20 % of frames"));
        assertThat(metrics.getFirst().repetition()).isNull();

        // quality: per sample, per figure, the camera view and the headlines
        assertThat(angles.series().get(0).issues()).containsExactly(sent.series().get(0).issues());
        assertThat(angles.series().get(0).issue(3)).isEqualTo(SampleIssue.HIDDEN);
        assertThat(a.view().dominant()).isEqualTo(CameraView.SAGITTAL_LEFT);
        assertThat(a.view().share()).isEqualTo(0.93);
        assertThat(a.view().sagittalPlaneToImageDeg()).isEqualTo(12.5);
        assertThat(a.view().frontalPlaneToImageDeg()).isEqualTo(78.0);
        assertThat(queries.headlines(a.id())).singleElement().satisfies(h -> {
            assertThat(h.rank()).isEqualTo(1);
            assertThat(h.label()).isEqualTo("Knee flexion ROM (left)");
            assertThat(h.metric()).isEqualTo(new MetricRecord("knee_flexion_rom_mean", 92.5, "deg", Side.LEFT, null, Quality.VALID, ""));
        });
        assertThat(queries.metricHistory(clinic.subjectId(), "right_knee_flexion_rom_mean")).singleElement().satisfies(p -> {
            assertThat(p.quality()).isEqualTo(Quality.LOW);
            assertThat(p.reason()).isEqualTo("right knee interpolated in 20 % of frames");
            assertThat(p.view()).isEqualTo(CameraView.SAGITTAL_LEFT);
            assertThat(p.headlineRank()).isNull();
        });
        assertThat(queries.metricHistory(clinic.subjectId(), "left_knee_flexion_rom_mean")).singleElement()
                .satisfies(p -> assertThat(p.headlineRank()).isEqualTo(1));
    }

    @Test
    void whatTheFiguresMustBeReadWithIsStoredWithThem() throws Exception {
        // The squat's reference landmarks with 10 s of nobody before and after: the pipeline says when the subject was in
        // view, and the page (and the corrected analysis copied from this row) must say it too.
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "squat"));
        AnalysisResult r = ReplayedSquat.of(Fixtures.squatReference2d().getParent()).analyse(390, 300, 300);
        String note = "the subject (track 1) is in view from 10.0 s to 23.0 s of this 33.0 s video; the figures are over that time";
        assertThat(r.warnings()).containsExactly(note);
        store.save(clinic.clinicId(), video, UUID.randomUUID(), null, r);
        clinic.signIn(Role.VIEWER);
        assertThat(queries.latestComplete(video).orElseThrow().notes()).containsExactly(note);
    }

    @Test
    void aHeadlineWhoseFigureIsMissingReadsAsInvalidNotMeasured() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "gait"));
        AnalysisResult base = SyntheticResults.of(30, 33, 1, 2, 0);
        AnalysisResult r = SyntheticResults.withFigures(base, "gait", List.of(), base.kinematics().metrics(),
                List.of(new Headline(1, "Cadence", "steps per minute", SyntheticResults.figure("cadence", 110, "steps/min", Side.NONE, Quality.VALID, ""))),
                SyntheticResults.SIDE_VIEW);
        long id = store.save(clinic.clinicId(), video, UUID.randomUUID(), null, r).analysisId();
        // The store keeps every headline's figure with the figures; only an older or damaged result set lacks it.
        jdbc.sql("delete from analysis_metric where analysis_id = :id and name = 'cadence'").param("id", id).update();
        clinic.signIn(Role.VIEWER);
        assertThat(queries.headlines(id)).singleElement().satisfies(h -> {
            assertThat(h.metric().quality()).isEqualTo(Quality.INVALID);
            assertThat(h.metric().shownAsNumber()).isFalse();
            assertThat(h.metric().note()).isEqualTo("not measured in this analysis");
        });
    }

    @Test
    void aSecondSaveOfTheSameJobStoresNothingNew() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "squat"));
        UUID job = UUID.randomUUID();
        long first = store.save(clinic.clinicId(), video, job, null, SyntheticResults.of(30, 33, 1, 2, 1)).analysisId();
        AnalysisStore.Saved again = store.save(clinic.clinicId(), video, job, null, SyntheticResults.of(30, 33, 1, 2, 1));
        assertThat(again.alreadyStored()).isTrue();
        assertThat(again.analysisId()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from analysis where video_id = :v").param("v", video).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherClinicSeesNothing() {
        TestClinic owner = TestClinic.create(jdbc);
        TestClinic other = TestClinic.create(jdbc);
        long video = owner.video(jdbc, owner.session(jdbc, LocalDate.now(), "squat"));
        long id = store.save(owner.clinicId(), video, UUID.randomUUID(), null, SyntheticResults.of(30, 33, 1, 2, 1)).analysisId();
        other.signIn(Role.ADMIN);
        assertThat(queries.latestComplete(video)).isEmpty();
        assertThat(queries.tracks(id)).isEmpty();
        assertThat(queries.metrics(id)).isEmpty();
        assertThat(queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.FILTERED)).isEmpty();
        assertThatThrownBy(() -> queries.angles(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(queries.metricHistory(owner.subjectId())).isEmpty();
    }

    @Test
    void reanalysisReplacesTheShownResultOnlyOnceComplete_andHistoryFollowsSessions() {
        TestClinic clinic = TestClinic.create(jdbc);
        long s1 = clinic.session(jdbc, LocalDate.of(2026, 10, 1), "squat");
        long s2 = clinic.session(jdbc, LocalDate.of(2026, 10, 8), "squat");
        long v1 = clinic.video(jdbc, s1);
        long v2 = clinic.video(jdbc, s2);
        long old = store.save(clinic.clinicId(), v1, UUID.randomUUID(), null, SyntheticResults.of(30, 33, 1, 2, 1)).analysisId();
        store.save(clinic.clinicId(), v2, UUID.randomUUID(), null, SyntheticResults.of(30, 33, 1, 2, 2));
        // an unfinished attempt (as a crashed writer of an older scheme would leave) is never shown
        jdbc.sql("""
                insert into analysis (clinic_id, video_id, job_id, model, model_version, skeleton, landmarks)
                values (:c, :v, :j, 'hrnet', 'x', 'coco-17', '{}')""")
                .param("c", clinic.clinicId()).param("v", v1).param("j", UUID.randomUUID()).update();
        clinic.signIn(Role.VIEWER);
        assertThat(queries.latestComplete(v1).orElseThrow().id()).isEqualTo(old);

        long newer = store.save(clinic.clinicId(), v1, UUID.randomUUID(), null, SyntheticResults.of(30, 33, 1, 2, 3)).analysisId();
        assertThat(queries.latestComplete(v1).orElseThrow().id()).isEqualTo(newer);
        assertThat(queries.completeAnalyses(v1)).extracting(Analysis::id).containsExactly(newer, old);

        List<MetricHistoryPoint> reps = queries.metricHistory(clinic.subjectId(), "repetitions");
        assertThat(reps).extracting(MetricHistoryPoint::sessionDate, MetricHistoryPoint::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 1), 3.0),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 8), 2.0));
        assertThat(queries.metricHistory(clinic.subjectId(), "left_knee_flexion_rom_mean")).hasSize(2)
                .allSatisfy(p -> assertThat(p.side()).isEqualTo(Side.LEFT));
    }

    /** [landmark][sample] arrays equal row by row, NaN (a gap) equal to NaN. */
    private static void assertSameRows(SeriesChannel actualChannel, SeriesChannel expectedChannel) {
        float[][] actual = actualChannel.toArray(), expected = expectedChannel.toArray();
        assertThat(actual).hasSameDimensionsAs(expected);
        for (int j = 0; j < expected.length; j++) assertThat(actual[j]).as("landmark " + j).containsExactly(expected[j]);
    }
}
