package org.poseanalytics.web.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.poseanalytics.kinematics.exercise.Exercise;
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
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.testing.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multi-camera recording as a clinician sees it, in Debian's Chromium: a known squat filmed by two calibrated cameras,
 * triangulated and stored as the recording's job stores it (no video is analysed), then the session's recordings page
 * lists it as triangulated and its analysis page shows the cameras and the reprojection error. Screenshots:
 * web/target/screenshots/multiview-*.png.
 */
class MultiViewBrowserTest extends BrowserTest {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired AnalyseRecordingHandler handler;

    @Test
    void theRecordingsPageAndTheAnalysisPageShowTheCamerasAndTheReprojectionError() throws Exception {
        String username = newClinicAdmin("Lakeside Physio", "Dr Lena Hart");
        long clinicId = clinicOf(username);
        Subject patient = as(username, () -> subjects.create(new SubjectDetails("Ida Lorenz", null, null, "knee OA", InvolvedSide.NONE, null)));
        Session session = as(username, () -> sessions.create(patient.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null)));
        long left = video(clinicId, session.id(), "left.mp4"), right = video(clinicId, session.id(), "right.mp4");
        Calibration cal = Rigs.ring(2, Rigs.PHONE_DISTORTION);
        Path calFile = Files.createTempFile("calib", ".json");
        CalibrationFiles.writeProject(cal, calFile);
        long recording = jdbc.sql("""
                        insert into multiview_recording (clinic_id, session_id, video_ids, calibration_name, calibration_file, camera_names)
                        values (:c, :s, :v, 'calib.json', :f, :n) returning id""")
                .param("c", clinicId).param("s", session.id()).param("v", new Long[]{left, right}).param("f", Files.readAllBytes(calFile))
                .param("n", cal.cameras().stream().map(c -> c.name()).toArray(String[]::new)).query(Long.class).single();
        MultiViewResult result = new MultiViewPipeline().measure(
                MultiViewRequest.of(cal, "calib.json", List.of(Path.of("left.mp4"), Path.of("right.mp4")))
                        .withVideoNames(List.of("left.mp4", "right.mp4")).withExercise(Exercise.SQUAT).withSync(MultiViewStage.Sync.TIMESTAMPS),
                List.of(), Scenes.views(cal, Scenes.Filming.clean(2).withNoise(1), SquattingBody.atOrigin()), AnalysisProgress.NONE);
        handler.store(RecordingRows.work(jdbc, recording).orElseThrow(), result);
        double mean = result.summary().reprojectionErrorPx().mean();

        signInThroughPage(username);
        open("/sessions/" + session.id());
        waitFor(By.id("to-multi-camera")).click();
        waitForText(By.id("recording-" + recording), "Triangulated");
        assertThat(find(By.id("recording-" + recording)).getText()).contains(cal.camera(0).name()).contains("calib.json");
        shot("multiview-01-recordings");

        open("/analysis/" + left);
        String errors = waitFor(By.id("reprojection-error")).getText();
        assertThat(errors).contains("Triangulated from 2 cameras")
                .contains(String.format(java.util.Locale.ROOT, "mean %.2f px", mean));
        assertThat(mean).isGreaterThan(0.1).isLessThan(3);
        assertThat(find(By.id("multiview-cameras")).getText()).contains(cal.camera(1).name()).contains("right.mp4");
        shot("multiview-02-analysis");
    }

    private long video(long clinicId, long sessionId, String name) {
        return jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, container, codec, width,
                                           height, frames, duration_s, nominal_fps, variable_frame_rate, has_audio, status)
                        values (:c, :s, :n, :name, 1000, 'mp4', 'h264', 720, 1280, 180, 6.0, 30, false, false, 'done')
                        returning id""")
                .param("c", clinicId).param("s", sessionId).param("n", UUID.randomUUID()).param("name", name).query(Long.class).single();
    }
}
