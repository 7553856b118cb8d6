package org.poseanalytics.web.recording;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.MultiViewPipeline;
import org.poseanalytics.kinematics.pipeline.MultiViewRequest;
import org.poseanalytics.kinematics.pipeline.MultiViewResult;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.testing.Rigs;
import org.poseanalytics.multiview.testing.Scenes;
import org.poseanalytics.multiview.testing.SquattingBody;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.MultiViewFacts;
import org.poseanalytics.web.analysis.MultiViewDrawing;
import org.poseanalytics.web.analysis.MultiViewSkeleton;
import org.poseanalytics.web.analysis.SyntheticResults;
import org.poseanalytics.web.progress.MetricTrend;
import org.poseanalytics.web.progress.ProgressService;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A multi-camera recording's analysis on the embedded PostgreSQL: a known squat (knee flexion 0–90°, three
 * repetitions) filmed by two calibrated, distorted cameras, triangulated by the library's pipeline from the views'
 * keypoints (no video: the pose model is not what is tested here), stored by the job's store step and read back by
 * the queries the analysis page uses. And the recording's checks, which run before anything is stored.
 */
class MultiViewRecordingStoreTest extends DatabaseTest {
    static final SquattingBody BODY = SquattingBody.atOrigin();

    @Autowired AnalyseRecordingHandler handler;
    @Autowired MultiViewRecordings recordings;
    @Autowired AnalysisQueries queries;
    @Autowired JdbcClient jdbc;
    @Autowired AnalysisStore store;
    @Autowired ProgressService progress;
    @TempDir Path tmp;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void storesTheTriangulatedAnglesCamerasAndReprojectionErrorOfTwoCameras() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        long session = clinic.session(jdbc, LocalDate.of(2026, 12, 1), "squat");
        long left = clinic.video(jdbc, session), right = clinic.video(jdbc, session);
        Calibration cal = Rigs.ring(2, Rigs.PHONE_DISTORTION);
        Path calFile = tmp.resolve("calib.json");
        CalibrationFiles.writeProject(cal, calFile);
        long recording = jdbc.sql("""
                        insert into multiview_recording (clinic_id, session_id, video_ids, calibration_name, calibration_file, camera_names, created_by)
                        values (:c, :s, :v, 'calib.json', :f, :n, :by) returning id""")
                .param("c", clinic.clinicId()).param("s", session).param("v", new Long[]{left, right}).param("f", Files.readAllBytes(calFile))
                .param("n", cal.cameras().stream().map(c -> c.name()).toArray(String[]::new)).param("by", clinic.accountId())
                .query(Long.class).single();

        MultiViewRequest request = MultiViewRequest.of(cal, "calib.json", List.of(Path.of("left.mp4"), Path.of("right.mp4")))
                .withExercise(Exercise.parse("squat")).withSync(MultiViewStage.Sync.TIMESTAMPS);
        MultiViewResult result = new MultiViewPipeline().measure(request, List.of(),
                Scenes.views(cal, Scenes.Filming.clean(2), BODY), AnalysisProgress.NONE);
        RecordingRows.Work work = RecordingRows.work(jdbc, recording).orElseThrow();
        long analysisId = handler.store(work, result);
        assertThat(handler.store(work, result)).as("a re-run of the job stores nothing new").isEqualTo(analysisId);

        clinic.signIn(Role.VIEWER);
        MultiViewRecording stored = recordings.get(recording).orElseThrow();
        assertThat(stored.state()).isEqualTo("succeeded");
        assertThat(stored.analysisId()).isEqualTo(analysisId);
        assertThat(queries.latestComplete(left).orElseThrow().id()).as("an analysis of the first camera's video").isEqualTo(analysisId);

        AngleTable angles = queries.angles(analysisId);
        assertThat(angles.series()).isNotEmpty().allMatch(s -> s.dimension() == Dimension.WORLD_3D);
        AngleSeries knee = angles.find(JointAngle.KNEE_FLEXION, Side.LEFT, Dimension.WORLD_3D).orElseThrow();
        int n = 0;
        for (int i = 0; i < knee.length(); i++) {
            if (!Double.isFinite(knee.valueDeg(i))) continue;
            assertThat(knee.valueDeg(i)).isCloseTo(BODY.kneeDeg(angles.timesS()[i]), within(1.0));
            n++;
        }
        assertThat(n).isGreaterThan(150);
        assertThat(queries.repetitions(analysisId)).hasSize(3);
        List<MetricRecord> metrics = queries.metrics(analysisId);
        // every figure carries its quality; the measured ones are the triangulated angles' (and the count): a headline
        // of a 2D angle reads "not measured" with its reason rather than a reprojected view's number
        assertThat(metrics).isNotEmpty().allMatch(m -> m.quality() != null);
        assertThat(metrics).filteredOn(m -> Double.isFinite(m.value()))
                .allMatch(m -> m.name().contains("_3d") || m.name().equals("repetition_count"));
        assertThat(metrics).filteredOn(m -> m.name().equals("knee_flexion_3d_peak_mean") && m.side() == Side.LEFT)
                .singleElement().satisfies(m -> assertThat(m.value()).isCloseTo(90.0, within(1.0)));

        MultiViewFacts facts = queries.multiView(analysisId).orElseThrow();
        assertThat(facts.recordingId()).isEqualTo(recording);
        assertThat(facts.cameras()).hasSize(2);
        assertThat(facts.cameras()).extracting(MultiViewFacts.Camera::name).containsExactlyElementsOf(cal.cameras().stream().map(c -> c.name()).toList());
        assertThat(facts.cameras()).allSatisfy(c -> assertThat(c.syncOffsetS()).isEqualTo(0.0));
        assertThat(facts.syncMethod()).isEqualTo(result.views().offsets().method());
        assertThat(facts.reprojectionMeanPx()).isLessThan(0.1);
        assertThat(facts.reprojectionP95Px()).isGreaterThanOrEqualTo(facts.reprojectionMeanPx());
        assertThat(facts.points()).isGreaterThan(1000);

        // The 3D skeleton as stored: on the truth within a centimetre, with the calibration it was triangulated with,
        // and projected into the second camera where that camera filmed the body (the projection the page draws).
        MultiViewSkeleton skeleton = queries.multiViewSkeleton(analysisId).orElseThrow();
        assertThat(skeleton.calibration().cameras()).isEqualTo(cal.cameras());
        assertThat(skeleton.points().length()).isEqualTo(result.views().triangulated().length());
        double worst = 0, worstPx = 0;
        int seen = 0;
        var reprojected = tools.jackson.databind.json.JsonMapper.builder().build().readTree(MultiViewDrawing.reprojected(skeleton, 1, 0.25));
        for (int i = 0; i < skeleton.points().length(); i++) {
            double t = skeleton.points().timesS()[i];
            double[][] truth = BODY.at(t);
            assertThat(reprojected.get("t").get(i).asDouble()).isCloseTo(t - 0.25, within(1e-3));
            for (int l = 11; l < 33; l++) {
                if (!skeleton.points().found(l, i)) continue;
                worst = Math.max(worst, org.poseanalytics.multiview.testing.Rigs.dist(skeleton.points().point(l, i), truth[l]));
                double[] px = cal.camera(1).project(truth[l]);
                var kp = reprojected.get("kp").get(i);
                worstPx = Math.max(worstPx, Math.hypot(kp.get(3 * l).asDouble() - px[0], kp.get(3 * l + 1).asDouble() - px[1]));
                seen++;
            }
        }
        assertThat(seen).isGreaterThan(1000);
        assertThat(worst).as("metres from the truth").isLessThan(0.01);
        assertThat(worstPx).as("pixels from where camera 2 saw the truth").isLessThan(5);
        System.out.printf(java.util.Locale.ROOT, "MULTIVIEW-WEB stored skeleton: %d points, max %.4f m from truth, reprojection into camera 2 max %.2f px%n",
                seen, worst, worstPx);
        var shape = tools.jackson.databind.json.JsonMapper.builder().build().readTree(MultiViewDrawing.skeleton3d(skeleton));
        assertThat(shape.get("p")).hasSize(skeleton.points().length());
        assertThat(shape.get("cameras")).hasSize(2);
        double feet = BODY.at(0)[SquattingBody.SK.indexOf("left_heel")][2];
        assertThat(shape.get("floor").asDouble()).as("the floor: at the feet, up being the calibration's z").isCloseTo(feet, within(0.05));

        // Every upload is also analysed on its own: a 2D analysis of the first camera's video completed later does not
        // replace the triangulated one on its page or in the trends, and the trends say which figures are triangulated.
        store.save(clinic.clinicId(), left, java.util.UUID.randomUUID(), clinic.accountId(), SyntheticResults.of(60, 33, 1, 4, 2));
        assertThat(queries.latestComplete(left).orElseThrow().id()).isEqualTo(analysisId);
        List<MetricTrend> trends = progress.trends(clinic.subjectId());
        assertThat(trends).filteredOn(t -> t.key().equals("left_knee_flexion_3d_peak_mean")).singleElement()
                .satisfies(t -> assertThat(t.label()).contains("multi-camera (triangulated)"));
        // the progress page's two-step read keeps the triangulated trend apart from the 2D one, as the whole read does
        org.poseanalytics.web.progress.ProgressReads.assertSameTrendsBothWays(progress, clinic.subjectId());
    }

    @Test
    void refusesARecordingWhoseVideosAndCalibrationDoNotFitBeforeStoringAnything() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        long session = clinic.session(jdbc, LocalDate.of(2026, 12, 1), "squat");
        clinic.signIn(Role.CLINICIAN);
        Path calFile = tmp.resolve("calib.json");
        CalibrationFiles.writeProject(Rigs.ring(2, Rigs.PHONE_DISTORTION), calFile);
        byte[] twoCameras = Files.readAllBytes(calFile);

        assertThatThrownBy(() -> recordings.create(session, uploads(1), "calib.json", twoCameras))
                .isInstanceOf(UserInputException.class).hasMessageContaining("2 to 4 videos");
        assertThatThrownBy(() -> recordings.create(session, uploads(3), "calib.json", twoCameras))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("3 videos were given but the calibration “calib.json” has 2 cameras");
        assertThatThrownBy(() -> recordings.create(session, uploads(2), "bad.toml", "[cam_1]\nname = \"a\"\n".getBytes()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("could not be read").hasMessageContaining("missing 'size'")
                .hasMessageNotContaining(System.getProperty("java.io.tmpdir"));
        assertThat(recordings.ofSession(session)).isEmpty();
        assertThat(jdbc.sql("select count(*) from video where session_id = :s").param("s", session).query(Long.class).single()).isZero();
    }

    private static List<MultiViewRecordings.Upload> uploads(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new MultiViewRecordings.Upload("cam" + i + ".mp4", new ByteArrayInputStream(new byte[]{1}))).toList();
    }
}
