package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analysis page's series and player data are kept in memory by clinic and analysis id (AnalysisCache): viewed twice,
 * or by many at once, they are read and built once; whatever changes what the page shows (a point tracked or removed,
 * a figure corrected in SQL, a keypoint corrected and the correction removed, a re-analysis, an analysis or the video
 * deleted) shows in the next view; and another clinic's user gets not-found, never this clinic's cached series.
 */
class AnalysisCacheTest extends DatabaseTest {
    @Autowired VideoAnalysisService analyses;
    @Autowired AnalysisCache cache;
    @Autowired AnalysisStore store;
    @Autowired TrackedPoints points;
    @Autowired KeypointCorrections corrections;
    @Autowired VideoService videos;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void viewedTwiceReadOnce_everyChangeShowsInTheNextView() {
        TestClinic clinic = TestClinic.create(jdbc);
        long videoId = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 9, 1), "squat"));
        long model = store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null, result(0)).analysisId();
        clinic.signIn(Role.CLINICIAN);

        VideoAnalysis first = analyses.latest(videoId).orElseThrow();
        List<String> columns = first.defaultAngleColumns();
        String player = analyses.playerData(first, columns, 0);
        assertThat(analyses.people(first)).hasSize(2);
        assertThat(player).contains("\"others\":[{\"id\"");
        // nothing changed: the same series and player data, from memory
        VideoAnalysis again = analyses.latest(videoId).orElseThrow();
        assertThat(again.analysis().id()).isEqualTo(model);
        assertThat(again.angles()).isSameAs(first.angles());
        assertThat(again.subjectSeries()).isSameAs(first.subjectSeries());
        assertThat(again.repetitions()).isSameAs(first.repetitions());
        assertThat(analyses.people(again)).isSameAs(analyses.people(first));
        assertThat(analyses.playerData(again, columns, 0)).isSameAs(player);
        // other angles labelled: built once for those
        List<String> every = again.angles().series().stream().map(org.poseanalytics.kinematics.angle.AngleSeries::column).toList();
        assertThat(every).isNotEqualTo(columns);
        String everyLabel = analyses.playerData(again, every, 0);
        assertThat(everyLabel).isNotEqualTo(player);
        assertThat(analyses.playerData(again, every, 0)).isSameAs(everyLabel);

        // a point tracked adds its velocity figures to the same analysis: they show (figures are read every view); removed, they go
        TrackedPath bar = points.add(model, SyntheticResults.barPath());
        VideoAnalysis tracked = analyses.latest(videoId).orElseThrow();
        assertThat(tracked.analysis().id()).isEqualTo(model);
        assertThat(tracked.metrics()).anyMatch(m -> m.name().startsWith("point_1_"));
        assertThat(BarVelocity.of(tracked.metrics())).hasSize(1);
        assertThat(tracked.angles()).isSameAs(first.angles());
        assertThat(points.remove(model, bar.id())).isTrue();
        assertThat(analyses.latest(videoId).orElseThrow().metrics()).noneMatch(m -> m.name().startsWith("point_1_"));

        // a figure corrected in SQL, behind every service's back
        jdbc.sql("update analysis_metric set value = 61.5 where analysis_id = :a and repetition is null and name = 'knee_flexion_peak_mean'")
                .param("a", model).update();
        assertThat(analyses.latest(videoId).orElseThrow().metrics()).filteredOn(m -> m.name().equals("knee_flexion_peak_mean") && m.repetition() == null)
                .extracting(MetricRecord::value).containsOnly(61.5);

        // a keypoint corrected: a new analysis, recomputed from the corrected keypoints, shows with its own series
        Video video = videos.get(videoId);
        long frame = first.subjectSeries().frames()[90];
        int knee = first.analysis().landmarks().indexOf("left_knee");
        long corrected = corrections.correct(video, model, frame, knee, 300.0, 700.0, 0);
        assertThat(corrected).isNotEqualTo(model);
        VideoAnalysis fixed = analyses.latest(videoId).orElseThrow();
        assertThat(fixed.analysis().id()).isEqualTo(corrected);
        assertThat(fixed.subjectSeries()).isNotSameAs(first.subjectSeries());
        assertThat(fixed.subjectSeries().x().get(knee, 90)).isEqualTo(300f);
        assertThat(first.subjectSeries().x().get(knee, 90)).isNotEqualTo(300f);
        String fixedPlayer = analyses.playerData(fixed, columns, 0);
        assertThat(fixedPlayer).isNotEqualTo(player);
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(fixedPlayer).get("kp").get(90).get(3 * knee).asDouble())
                .isEqualTo(300.0);
        // the correction removed: the model's analysis shows again, as it was stored (so from memory)
        long correction = corrections.state(corrected).corrections().getFirst().id();
        assertThat(corrections.remove(video, corrected, correction)).isEqualTo(model);
        VideoAnalysis back = analyses.latest(videoId).orElseThrow();
        assertThat(back.analysis().id()).isEqualTo(model);
        assertThat(back.subjectSeries()).isSameAs(first.subjectSeries());
        assertThat(analyses.playerData(back, columns, 0)).isSameAs(player);

        // a re-analysis stores a new analysis, which shows with its own series
        long again2 = store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null, result(10)).analysisId();
        VideoAnalysis reanalysed = analyses.latest(videoId).orElseThrow();
        assertThat(reanalysed.analysis().id()).isEqualTo(again2);
        assertThat(reanalysed.angles()).isNotSameAs(first.angles());
        assertThat(reanalysed.angles().frames()).hasSize(191);
        assertThat(reanalysed.subjectSeries().length()).isEqualTo(191);
        assertThat(analyses.playerData(reanalysed, columns, 0)).isNotEqualTo(player);

        // that analysis deleted (in SQL): the one before it shows again
        jdbc.sql("delete from analysis where id = :a").param("a", again2).update();
        assertThat(analyses.latest(videoId).orElseThrow().analysis().id()).isEqualTo(model);
        // every analysis deleted: nothing to show
        jdbc.sql("delete from analysis where video_id = :v").param("v", videoId).update();
        assertThat(analyses.latest(videoId)).isEmpty();
        // the video deleted: not found, though its series are still in memory
        store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null, result(0));
        assertThat(analyses.latest(videoId)).isPresent();
        videos.delete(videoId);
        assertThatThrownBy(() -> analyses.latest(videoId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void manyViewersAtOnceReadOnce() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        long videoId = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 9, 1), "squat"));
        store.save(clinic.clinicId(), videoId, UUID.randomUUID(), null, result(0));
        int viewers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(viewers);
        try {
            List<Future<Object[]>> views = new ArrayList<>();
            for (int i = 0; i < viewers; i++) views.add(pool.submit(() -> {
                clinic.signIn(Role.VIEWER);
                try {
                    start.await();
                    VideoAnalysis a = analyses.latest(videoId).orElseThrow();
                    return new Object[] {a.angles(), a.subjectSeries(), analyses.playerData(a, a.defaultAngleColumns(), 0)};
                } finally {
                    TestClinic.signOut();
                }
            }));
            start.countDown();
            Object[] first = views.getFirst().get();
            for (Future<Object[]> v : views) {
                Object[] seen = v.get();
                for (int k = 0; k < first.length; k++) assertThat(seen[k]).isSameAs(first[k]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherClinicNeverReadsThisClinicsSeries() {
        TestClinic owner = TestClinic.create(jdbc);
        TestClinic other = TestClinic.create(jdbc);
        long videoId = owner.video(jdbc, owner.session(jdbc, LocalDate.of(2026, 9, 1), "squat"));
        store.save(owner.clinicId(), videoId, UUID.randomUUID(), null, result(0));
        owner.signIn(Role.VIEWER);
        VideoAnalysis seen = analyses.latest(videoId).orElseThrow();
        List<String> columns = seen.defaultAngleColumns();
        analyses.playerData(seen, columns, 0);

        other.signIn(Role.ADMIN);
        assertThatThrownBy(() -> analyses.latest(videoId)).isInstanceOf(NotFoundException.class);
        // even given the analysis itself, what is in memory is the owner's clinic's, and a read in this one finds nothing
        assertThatThrownBy(() -> analyses.playerData(seen, columns, 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> analyses.people(seen)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cache.series(seen.analysis())).isInstanceOf(NotFoundException.class);
    }

    /** A squat of 181 frames and {@code more} with two people, two lifts and a scale (for a tracked bar). */
    private static AnalysisResult result(int more) {
        AnalysisResult base = SyntheticResults.of(181 + more, 33, 2, 4, 2);
        MetricRecord knee = SyntheticResults.figure("knee_flexion_peak_mean", 60, "deg", org.poseanalytics.kinematics.angle.Side.LEFT,
                org.poseanalytics.kinematics.quality.Quality.VALID, "");
        AnalysisResult lifts = SyntheticResults.withFigures(base, "squat",
                List.of(SyntheticResults.lift(1, 0.5, 1.0), SyntheticResults.lift(2, 3.0, 1.0)), List.of(knee), List.of(), SyntheticResults.SIDE_VIEW);
        return SyntheticResults.withScale(lifts, Scale.of(new ScaleSpec.Line(100, 1000, 500, 1000, 1.0)));
    }
}
