package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.poseanalytics.web.video.AnalysisSources;
import org.poseanalytics.web.video.IsolatedAnalysis;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.poseanalytics.web.video.VideoStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analysis job with its decoding in a worker process (issue #15): a file that exhausts the worker fails its own job
 * for good with a clear message, and this server, with another clinic's job, goes on. The hostile job runs on a handler
 * whose worker is given 64 MB of heap; the other clinic's upload goes through the app's own queue and workers.
 */
class IsolatedJobTest extends DatabaseTest {
    @Autowired JdbcClient jdbc;
    @Autowired VideoService videos;
    @Autowired JobRecords records;
    @Autowired PoseModelChoices models;
    @Autowired AnalysisStore store;
    @Autowired Storage storage;
    @Autowired VideoLimits limits;
    @Autowired FairDispatch dispatch;
    @Autowired AnalysisSources sources;
    @Autowired TransactionTemplate tx;
    @Autowired AnalysisQueries queries;
    @TempDir Path tmp;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void theAppsJobsDecodeInAWorkerProcess() {
        assertThat(sources.poses()).isInstanceOf(IsolatedAnalysis.class);
        assertThat(sources.points()).isInstanceOf(IsolatedAnalysis.class);
    }

    @Test
    void aFileThatExhaustsTheWorkerFailsOnlyItsOwnJobAndAnotherClinicsJobGoesOn() throws Exception {
        TestClinic hostile = TestClinic.create(jdbc);
        long session = hostile.session(jdbc, LocalDate.now(), "squat");
        UUID name = UUID.randomUUID();
        Files.copy(HostileVideos.realSize(tmp, 8192, 4096), storage.video(name));
        long videoId = hostile.video(jdbc, session, name);
        UUID job = UUID.randomUUID();
        // queued and marked handed over in one transaction, so the app's own dispatcher never gives it to its workers
        tx.executeWithoutResult(s -> {
            records.insertQueued(job, hostile.clinicId(), videoId, null, "squat", null, hostile.accountId(), new ScaleSpec.None());
            jdbc.sql("update analysis_job set dispatched_at = now() where job_id = :job").param("job", job).update();
        });
        IsolatedAnalysis small = new IsolatedAnalysis(new IsolatedAnalysis.Limits("64m", 12L << 30, Duration.ofMinutes(5)));
        var handler = new AnalyseVideoHandler(records, models, store, storage, 1, 1, limits, 100_000, dispatch,
                new AnalysisSources(small, small), org.poseanalytics.kinematics.keypoints.KeypointFiles.Limits.DEFAULTS);

        // Meanwhile another clinic uploads a squat video: the app's own worker analyses it.
        TestClinic other = TestClinic.create(jdbc);
        other.signIn(Role.CLINICIAN);
        Video squat;
        try (InputStream in = Files.newInputStream(Fixtures.squatVideo())) {
            squat = videos.store(other.session(jdbc, LocalDate.now(), "squat"), "squat.mp4", in);
        }
        UUID otherJob = JobsTesting.latestJobOf(jdbc, squat.id());

        handler.run(new AnalyseVideo(job));

        JobProgress failed = records.get(job).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.attempts()).as("failed for good, not retried").isEqualTo(1);
        assertThat(failed.message()).startsWith("The video could not be decoded within the limits: it needed more memory than a video"
                + " is allowed").doesNotContain(storage.root().toString());
        assertThat(jdbc.sql("select status from video where id = :id").param("id", videoId).query(String.class).single())
                .isEqualTo(VideoStatus.FAILED.name().toLowerCase());

        JobProgress done = JobsTesting.awaitJob(jdbc, otherJob, Duration.ofSeconds(180), p -> !p.state().active());
        assertThat(done.state()).as(done.describe()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.message() == null ? "" : done.message()).doesNotContain("could not be decoded");
        assertThat(queries.repetitions(queries.latestComplete(squat.id()).orElseThrow().id())).hasSize(3);
    }

}
