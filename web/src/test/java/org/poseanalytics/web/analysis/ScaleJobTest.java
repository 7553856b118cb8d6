package org.poseanalytics.web.analysis;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scale goes from the web to the pipeline and back, with the real job on the squat fixture: an upload of a subject
 * whose standing height is stored is analysed with that height (the pipeline measures the stature in pixels), and
 * "Analyse again" with the video's scale line gives exactly the line's metres per pixel; each analysis stores the
 * scale it used.
 */
class ScaleJobTest extends DatabaseTest {
    @Autowired VideoService videos;
    @Autowired AnalysisJobs jobs;
    @Autowired AnalysisQueries queries;
    @Autowired ScaleLines lines;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void anUploadIsMeasuredWithTheSubjectsHeight_aReanalysisWithTheScaleLine() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        jdbc.sql("update subject set height_m = 1.70 where id = :s").param("s", clinic.subjectId()).update();
        clinic.signIn(Role.CLINICIAN);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        Video video;
        try (InputStream in = Files.newInputStream(Fixtures.squatVideo())) {
            video = videos.store(session, "pose_squats.mp4", in);
        }
        UUID first = JobsTesting.latestJobOf(jdbc, video.id());
        assertThat(jdbc.sql("select scale_source || ' ' || scale_height_m from analysis_job where job_id = :j").param("j", first)
                .query(String.class).single()).isEqualTo("subject_height 1.7");
        JobProgress done = JobsTesting.awaitJob(jdbc, first, Duration.ofSeconds(240), p -> !p.state().active());
        assertThat(done.state()).as(done.describe()).isEqualTo(JobState.SUCCEEDED);
        Scale byHeight = queries.latestComplete(video.id()).orElseThrow().scale();
        System.out.println("[measured] squat fixture scaled by a 1.70 m height: " + byHeight);
        assertThat(byHeight.source()).as(byHeight.method()).isEqualTo(Scale.Source.SUBJECT_HEIGHT);
        assertThat(byHeight.spec()).isEqualTo(new ScaleSpec.SubjectHeight(1.70));
        assertThat(byHeight.metresPerPx()).isPositive();

        // A line across the lower part of the frame, 1.00 m: the re-analysis uses exactly it.
        ScaleLine line = lines.draw(video, 0.1 * video.width(), 0.9 * video.height(), 0.9 * video.width(), 0.9 * video.height(), 1.0, 0.5);
        JobProgress again = jobs.analyseAgain(video.id(), null, null, null, Scale.Source.LINE);
        JobProgress second = JobsTesting.awaitJob(jdbc, again.jobId(), Duration.ofSeconds(240), p -> !p.state().active());
        assertThat(second.state()).as(second.describe()).isEqualTo(JobState.SUCCEEDED);
        Scale byLine = queries.latestComplete(video.id()).orElseThrow().scale();
        System.out.println("[measured] squat fixture scaled by a 1.00 m line of " + line.line().lengthPx() + " px: " + byLine);
        assertThat(byLine.source()).isEqualTo(Scale.Source.LINE);
        assertThat(byLine.spec()).isEqualTo(line.line());
        assertThat(byLine.metresPerPx()).isCloseTo(1.0 / (0.8 * video.width()), within(1e-12));
    }
}
