package org.poseanalytics.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.UploadRejectedException;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile uploads (issue #15): a file declaring a frame, a frame rate or a length over the limits, a playlist naming
 * other files, and cut-off videos are refused on their header's word with a message saying which limit, before
 * anything decodes them; nothing of them is kept, and the server goes on serving: a good upload and a page afterwards.
 */
class HostileUploadTest extends AppTestBase {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @LocalServerPort int port;

    @TempDir Path tmp;
    Session session;
    Path storage;

    @BeforeEach
    void aSession() {
        ClinicUsers clinic = newClinic("Hostile");
        signIn(clinic.clinician());
        Subject s = subjects.create(new SubjectDetails("Hostile Upload", null, null, null, InvolvedSide.NONE, null));
        session = sessions.create(s.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        storage = DATA.resolve("videos");
    }

    @AfterEach
    void theServerStillServes() throws Exception {
        Path good = TestVideos.mp4(tmp.resolve("after.mp4"), 320, 240, 25, 25);
        Video v;
        try (InputStream in = Files.newInputStream(good)) {
            v = videos.store(session.id(), "after.mp4", in);
        }
        assertThat(v.width()).isEqualTo(320);
        HttpResponse<Void> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).as("the sign-in page (or its redirect)").isIn(200, 302);
    }

    @Test
    void aFrameWiderThanTheLimit() throws Exception {
        assertRejected(HostileVideos.realSize(tmp, 8200, 16), "the video declares 8200×16 pixels; the limit is 8192×8192");
    }

    @Test
    void aHeaderDeclaringAHugeFrame() throws Exception {
        assertRejected(HostileVideos.declaredSize(tmp, 16000, 16000), "the video declares 16000×16000 pixels; the limit is 8192×8192");
    }

    @Test
    void aThousandFramesASecond() throws Exception {
        assertRejected(HostileVideos.frameRate(tmp, 1000, 1), "the video declares 1000 frames per second; the limit is 240");
    }

    @Test
    void aConcatScriptNamingAVideoElsewhereOrAServerFile() throws Exception {
        Path elsewhere = TestVideos.mp4(Files.createTempDirectory(tmp, "elsewhere").resolve("other-clinic.mp4"), 320, 240, 25, 25);
        assertRejected(HostileVideos.concatPlaylist(tmp, "concat.mp4", elsewhere), "not a video in one of the accepted containers");
        assertRejected(HostileVideos.concatPlaylist(tmp, "passwd.mp4", Path.of("/etc/passwd")), "not a video in one of the accepted containers");
    }

    @Test
    void anHlsPlaylistNamingAFileElsewhereOrAUrl() throws Exception {
        Path elsewhere = TestVideos.mp4(Files.createTempDirectory(tmp, "segments").resolve("segment.mp4"), 320, 240, 25, 25);
        assertRejected(HostileVideos.hlsPlaylist(tmp, "list.m3u8", elsewhere.toString()), "not a video");
        assertRejected(HostileVideos.hlsPlaylist(tmp, "url.m3u8", "http://127.0.0.1:9/segment.ts"), "not a video");
    }

    @ParameterizedTest(name = "cut at {0} bytes")
    @ValueSource(ints = {1, 16, 300, 3000, 6000, -2000, -300})
    void aCutOffVideo(int cut) throws Exception {
        Path whole = TestVideos.mp4(tmp.resolve("whole.mp4"), 320, 240, 50, 25);
        long length = cut > 0 ? cut : Files.size(whole) + cut;
        assertThat(length).isLessThan(Files.size(whole));
        assertRejected(HostileVideos.truncated(whole, tmp.resolve("cut.mp4"), length), "not a video");
    }

    private void assertRejected(Path file, String messagePart) throws IOException {
        long rowsBefore = jdbc.sql("select count(*) from video").query(Long.class).single();
        Set<String> filesBefore = storedFiles();
        assertThatThrownBy(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                videos.store(session.id(), file.getFileName().toString(), in);
            }
        }).isInstanceOf(UploadRejectedException.class)
                .hasMessageStartingWith("“" + file.getFileName() + "” was not stored: ")
                .hasMessageContaining(messagePart)
                .hasMessageNotContaining(tmp.toString()).hasMessageNotContaining(storage.toString());
        assertThat(jdbc.sql("select count(*) from video").query(Long.class).single()).isEqualTo(rowsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
        try (Stream<Path> temp = Files.list(storage.resolve("tmp"))) {
            assertThat(temp.toList()).isEmpty();
        }
    }

    /** The stored files, but for browser copies of earlier good uploads, which their background conversion may be writing. */
    private Set<String> storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(storage)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.contains(".browser.mp4")).collect(Collectors.toSet());
        }
    }
}
