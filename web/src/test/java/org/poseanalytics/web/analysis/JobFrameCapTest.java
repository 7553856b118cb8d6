package org.poseanalytics.web.analysis;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.poseanalytics.web.video.VideoStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A video within the upload limits but over {@code pose.jobs.max-frames} (default 120,000: an hour at 30 fps fits) is stored, and its analysis
 * fails for good at once with the cap in its message, instead of holding the worker for hours.
 */
class JobFrameCapTest extends DatabaseTest {
    @Autowired VideoService videos;
    @Autowired JdbcClient jdbc;
    @TempDir Path tmp;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void aJobOverTheFrameCapFailsForGoodSayingSo() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        clinic.signIn(Role.CLINICIAN);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        Path many = HostileVideos.manyFrames(tmp, 121);
        Video video;
        try (InputStream in = Files.newInputStream(many)) {
            video = videos.store(session, "long session.mp4", in);
        }
        assertThat(video.frames()).isEqualTo(121_000);
        UUID job = JobsTesting.latestJobOf(jdbc, video.id());
        JobProgress failed = JobsTesting.awaitJob(jdbc, job, Duration.ofSeconds(90), p -> !p.state().active());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.framesDone()).isZero();
        assertThat(failed.message()).contains("“long session.mp4”").contains("the video declares 121,000 frames; the limit is 120,000")
                .contains("Trim the video");
        Video after = videos.get(video.id());
        assertThat(after.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(after.statusMessage()).contains("the limit is 120,000");
    }
}
