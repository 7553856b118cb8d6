package org.poseanalytics.web.analysis;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.poseanalytics.web.video.VideoStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upload → JobRunr job → AnalysisPipeline → stored results, in one app on the embedded PostgreSQL with its
 * background job server on (as a web node that also runs jobs).
 */
class AnalysisJobTest extends DatabaseTest {
    @Autowired VideoService videos;
    @Autowired AnalysisJobs jobs;
    @Autowired AnalysisQueries queries;
    @Autowired JdbcClient jdbc;
    @TempDir Path tmp;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void anUploadedSquatVideoIsAnalysedIntoRepetitionsAndAngles() throws Exception {
        Path squat = Fixtures.squatVideo();
        TestClinic clinic = TestClinic.create(jdbc);
        clinic.signIn(Role.CLINICIAN);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        Video video;
        try (InputStream in = Files.newInputStream(squat)) {
            video = videos.store(session, "pose_squats.mp4", in);
        }
        UUID job = JobsTesting.latestJobOf(jdbc, video.id());
        assertThat(jobs.latest(video.id()).orElseThrow().exercise()).isEqualTo("squat");

        // Progress is visible while it runs: record what a polling page would have shown.
        List<JobProgress> seen = new ArrayList<>();
        JobProgress done = JobsTesting.awaitJob(jdbc, job, Duration.ofSeconds(120), p -> {
            seen.add(p);
            return !p.state().active();
        });
        assertThat(done.state()).as(done.describe()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.state()).isEqualTo(JobState.RUNNING);
            assertThat(p.fraction()).isBetween(0.01, 0.99);
        });

        Analysis a = queries.latestComplete(video.id()).orElseThrow();
        assertThat(a.model()).isEqualTo("blazepose-full");
        assertThat(a.modelVersion()).isNotBlank();
        assertThat(a.exercise()).isEqualTo("squat");
        assertThat(a.exerciseGuessed()).isFalse();
        assertThat(a.frames()).isEqualTo(65);
        assertThat(a.landmarks()).hasSize(33).contains("left_knee");
        assertThat(a.timings().totalS()).isPositive();
        assertThat(a.storeS()).isPositive().isLessThan(1.0);
        assertThat(queries.repetitions(a.id())).hasSize(3);
        AngleTable angles = queries.angles(a.id());
        assertThat(angles.length()).isEqualTo(65);
        // The squat is filmed from the front: the 3D knee flexion is the measurement, the 2D one (its sagittal plane seen
        // edge-on) is stored as flagged samples, not as numbers.
        AngleSeries knee = angles.find("left_knee_flexion_3d_deg").orElseThrow();
        double max = 0;
        for (double v : knee.valuesDeg()) if (v > max) max = v;
        assertThat(max).as("deepest left knee flexion of a squat").isGreaterThan(60);
        AngleSeries knee2d = angles.find("left_knee_flexion_deg").orElseThrow();
        for (int i = 0; i < knee2d.length(); i++) {
            assertThat(knee2d.valueDeg(i)).as("2D knee flexion from the front, sample " + i).isNaN();
            assertThat(knee2d.issue(i)).isEqualTo(SampleIssue.EDGE_ON_PLANE);
        }
        assertThat(angles.series()).anySatisfy(c -> assertThat(c.column()).endsWith("_3d_deg"));
        KeypointSeries filtered = queries.subjectKeypoints(a.id(), SubjectSeriesCodec.Kind.FILTERED).orElseThrow();
        assertThat(filtered.length()).isEqualTo(65);
        assertThat(filtered.filter()).contains("butterworth");
        assertThat(queries.tracks(a.id())).isNotEmpty();
        assertThat(queries.metrics(a.id())).anySatisfy(m -> assertThat(m.repetition()).isEqualTo(3));

        Video after = videos.get(video.id());
        assertThat(after.status()).isEqualTo(VideoStatus.DONE);
        assertThat(after.statusMessage()).contains("3 repetitions");
    }

    @Test
    void aVideoWithoutAPersonFailsWithItsReasonAndIsNotRetried() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        clinic.signIn(Role.CLINICIAN);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        Path box = TestVideos.mp4(tmp.resolve("box.mp4"), 320, 240, 30, 25);
        Video video;
        try (InputStream in = Files.newInputStream(box)) {
            video = videos.store(session, "empty room.mp4", in);
        }
        UUID job = JobsTesting.latestJobOf(jdbc, video.id());
        JobProgress failed = JobsTesting.awaitJob(jdbc, job, Duration.ofSeconds(90), p -> !p.state().active());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.message()).containsIgnoringCase("no person").contains("upload the video again");
        Video after = videos.get(video.id());
        assertThat(after.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(after.statusMessage()).containsIgnoringCase("no person");
        Thread.sleep(6000); // longer than the first retry's backoff and a poll: a retry would have started by now
        assertThat(jobs.latest(video.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(queries.latestComplete(video.id())).isEmpty();
    }

    @Test
    void aQueuedAnalysisCanBeCancelledAndAnotherStartedLater() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        clinic.signIn(Role.CLINICIAN);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        Path box = TestVideos.mp4(tmp.resolve("box.mp4"), 320, 240, 30, 25);
        Video video;
        try (InputStream in = Files.newInputStream(box)) {
            video = videos.store(session, "to cancel.mp4", in);
        }
        JobProgress cancelled = jobs.cancel(video.id()).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(videos.get(video.id()).status()).isEqualTo(VideoStatus.UPLOADED);
        assertThat(videos.get(video.id()).statusMessage()).contains("cancelled");
        Thread.sleep(6000); // a poll interval: the job must not have run
        assertThat(jobs.latest(video.id()).orElseThrow().attempts()).isZero();

        JobProgress again = jobs.analyseAgain(video.id(), null, "generic");
        assertThat(again.state()).isEqualTo(JobState.QUEUED);
        assertThat(again.exercise()).isEqualTo("generic");
        JobProgress end = JobsTesting.awaitJob(jdbc, again.jobId(), Duration.ofSeconds(90), p -> !p.state().active());
        assertThat(end.attempts()).isEqualTo(1);
    }

    @Test
    void aRunningAnalysisStopsWhenCancelled() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        clinic.signIn(Role.CLINICIAN);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        Path longVideo = tmp.resolve("six squat sets.mp4");
        JobsTesting.concatenate(Fixtures.squatVideo(), longVideo, 6);
        Video video;
        try (InputStream in = Files.newInputStream(longVideo)) {
            video = videos.store(session, "six squat sets.mp4", in);
        }
        UUID job = JobsTesting.latestJobOf(jdbc, video.id());
        JobsTesting.awaitJob(jdbc, job, Duration.ofSeconds(60), p -> p.state() == JobState.RUNNING && p.framesDone() >= 20);
        long t0 = System.nanoTime();
        jobs.cancel(video.id());
        JobProgress end = JobsTesting.awaitJob(jdbc, job, Duration.ofSeconds(20), p -> !p.state().active());
        assertThat(end.state()).as(end.describe()).isEqualTo(JobState.CANCELLED);
        assertThat(end.framesDone()).isLessThan(390);
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds from cancel to stop").isLessThan(10);
        assertThat(videos.get(video.id()).status()).isEqualTo(VideoStatus.UPLOADED);
        Thread.sleep(6000); // no retry of a cancelled job
        assertThat(jobs.latest(video.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(queries.latestComplete(video.id())).isEmpty();
    }

    /**
     * Choosing the analysed person: the squat video is analysed (the default rule picks its one person), then again
     * with that person named, then with a person who is not in it. Track ids come from the first analysis, not from
     * this test: what is checked is that the named track is the one analysed and recorded as the user's choice.
     */
    @Test
    void aChosenPersonIsAnalysedAndAnUnknownOneFailsForGood() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        clinic.signIn(Role.CLINICIAN);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        Video video;
        try (InputStream in = Files.newInputStream(Fixtures.squatVideo())) {
            video = videos.store(session, "pose_squats.mp4", in);
        }
        JobProgress first = JobsTesting.awaitJob(jdbc, JobsTesting.latestJobOf(jdbc, video.id()), Duration.ofSeconds(120), p -> !p.state().active());
        assertThat(first.state()).as(first.describe()).isEqualTo(JobState.SUCCEEDED);
        assertThat(first.subjectTrackId()).isNull();
        Analysis automatic = queries.latestComplete(video.id()).orElseThrow();
        assertThat(automatic.subjectChosenByUser()).isFalse();
        List<Integer> tracks = queries.tracks(automatic.id()).stream().map(t -> t.trackId()).toList();
        assertThat(tracks).contains(automatic.subjectTrackId());

        int chosen = automatic.subjectTrackId();
        JobProgress queued = jobs.analyseAgain(video.id(), null, null, chosen);
        assertThat(queued.subjectTrackId()).isEqualTo(chosen);
        assertThat(queued.exercise()).isEqualTo("squat");
        JobProgress done = JobsTesting.awaitJob(jdbc, queued.jobId(), Duration.ofSeconds(120), p -> !p.state().active());
        assertThat(done.state()).as(done.describe()).isEqualTo(JobState.SUCCEEDED);
        Analysis byUser = queries.latestComplete(video.id()).orElseThrow();
        assertThat(byUser.id()).isNotEqualTo(automatic.id());
        assertThat(byUser.subjectTrackId()).isEqualTo(chosen);
        assertThat(byUser.subjectChosenByUser()).as("stored as the user's choice").isTrue();
        assertThat(queries.repetitions(byUser.id())).hasSize(3);

        int absent = tracks.stream().mapToInt(Integer::intValue).max().orElseThrow() + 7;
        JobProgress unknown = jobs.analyseAgain(video.id(), null, null, absent);
        JobProgress failed = JobsTesting.awaitJob(jdbc, unknown.jobId(), Duration.ofSeconds(120), p -> !p.state().active());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.message()).contains("track " + absent).contains("Person " + absent).contains("click one of the people");
        Video after = videos.get(video.id());
        assertThat(after.status()).as("the earlier results stay shown").isEqualTo(VideoStatus.DONE);
        assertThat(after.statusMessage()).contains("The new analysis failed").contains("Person " + absent);
        assertThat(queries.latestComplete(video.id()).orElseThrow().id()).isEqualTo(byUser.id());
        Thread.sleep(6000); // longer than the first retry's backoff and a poll: a retry would have started by now
        assertThat(jobs.latest(video.id()).orElseThrow().attempts()).as("not retried").isEqualTo(1);

        // A viewer may not choose; a negative number is refused before anything is queued.
        clinic.signIn(Role.VIEWER);
        assertThatThrownBy(() -> jobs.analyseAgain(video.id(), null, null, chosen)).isInstanceOf(AccessDeniedException.class);
        clinic.signIn(Role.CLINICIAN);
        assertThatThrownBy(() -> jobs.analyseAgain(video.id(), null, null, -1)).isInstanceOf(UserInputException.class);
        // Another clinic cannot reach the video at all.
        TestClinic other = TestClinic.create(jdbc);
        other.signIn(Role.CLINICIAN);
        assertThatThrownBy(() -> jobs.analyseAgain(video.id(), null, null, chosen)).isInstanceOf(NotFoundException.class);
    }
}
