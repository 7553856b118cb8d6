package org.poseanalytics.web.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * An upload that exhausts the decoder process (issue #15): the app's upload path with a decoder process given little
 * memory, and a file within the limits whose frames do not fit it. The upload fails with a clear message, nothing of it
 * is kept, and the server (this JVM) goes on: the next upload is stored and a page is served.
 */
class HostileDecodeTest extends AppTestBase {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired CurrentUser currentUser;
    @Autowired AuditService audit;
    @Autowired Storage storage;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired VideoLimits limits;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;
    @LocalServerPort int port;

    @TempDir Path tmp;

    @Test
    void aFileThatExhaustsTheDecoderFailsItsOwnUploadAndTheServerGoesOn() throws Exception {
        ClinicUsers clinic = newClinic("Exhaust");
        signIn(clinic.clinician());
        Subject s = subjects.create(new SubjectDetails("Exhaust Subject", null, null, null, InvolvedSide.NONE, null));
        Session session = sessions.create(s.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        var smallDecoder = new IsolatedDecoder(new IsolatedDecoder.Limits("64m", 6L << 30, 1, Duration.ofMinutes(2), Duration.ofMinutes(2)));
        VideoService withSmallDecoder = new VideoService(jdbcClient, currentUser, sessions, audit, storage, events, tx,
                DataSize.ofMegabytes(8), limits, smallDecoder);
        Path big = HostileVideos.realSize(tmp, 8192, 4096);
        long rows = jdbc.sql("select count(*) from video").query(Long.class).single();

        assertThatThrownBy(() -> {
            try (InputStream in = Files.newInputStream(big)) {
                withSmallDecoder.store(session.id(), "big.mp4", in);
            }
        }).isInstanceOf(UploadRejectedException.class)
                .hasMessageStartingWith("“big.mp4” was not stored: decoding it needed more memory than a video is allowed")
                .hasMessageContaining("export the video again")
                .hasMessageNotContaining(storage.root().toString());

        assertThat(jdbc.sql("select count(*) from video").query(Long.class).single()).isEqualTo(rows);
        try (var temp = Files.list(storage.root().resolve("tmp"))) {
            assertThat(temp.toList()).isEmpty();
        }

        Path good = TestVideos.mp4(tmp.resolve("after.mp4"), 320, 240, 25, 25);
        try (InputStream in = Files.newInputStream(good)) {
            assertThat(videos.store(session.id(), "after.mp4", in).width()).isEqualTo(320);
        }
        HttpResponse<Void> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isIn(200, 302);
    }
}
