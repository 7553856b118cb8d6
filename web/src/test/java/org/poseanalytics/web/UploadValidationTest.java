package org.poseanalytics.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.UploadRejectedException;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.poseanalytics.web.video.VideoStatus;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed uploads are refused with a message and leave no row and no file; good ones are stored under a UUID. */
class UploadValidationTest extends AppTestBase {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired RecordedEvents events;

    @TempDir Path tmp;
    Session session;
    Path storage;

    @BeforeEach
    void aSession() {
        ClinicUsers clinic = newClinic("Uploads");
        signIn(clinic.clinician());
        Subject s = subjects.create(new SubjectDetails("Upload Person", null, null, null, InvolvedSide.NONE, null));
        session = sessions.create(s.id(), new SessionDetails(LocalDate.now(), Exercise.CMJ, null));
        storage = DATA.resolve("videos");
    }

    @Test
    void zeroBytes() throws Exception {
        assertRejected("empty.mp4", new byte[0], "empty");
    }

    @Test
    void textFileNamedMp4() throws Exception {
        assertRejected("notes.mp4", "This is not a video, just some notes.\n".repeat(100).getBytes(StandardCharsets.UTF_8), "not a video");
    }

    @Test
    void truncatedMp4() throws Exception {
        byte[] whole = Files.readAllBytes(TestVideos.mp4(tmp.resolve("whole.mp4"), 320, 240, 50, 25));
        byte[] head = java.util.Arrays.copyOf(whole, 2000);
        assertRejected("truncated.mp4", head, "was not stored");
    }

    @Test
    void overTheSizeLimit() throws Exception {
        byte[] big = new byte[(int) UPLOAD_LIMIT + 1];
        assertRejected("big.mp4", big, "larger than the limit");
    }

    @Test
    void pathTraversalNameWithJunkContent() throws Exception {
        assertRejected("../../etc/passwd.mp4", "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8), "passwd.mp4");
        assertThat(storage.getParent().getParent().resolve("etc/passwd.mp4")).doesNotExist();
    }

    @Test
    void pathTraversalNameWithARealVideoIsStoredUnderAGeneratedName() throws Exception {
        Path mp4 = TestVideos.mp4(tmp.resolve("v.mp4"), 320, 240, 40, 25);
        Video v;
        try (InputStream in = Files.newInputStream(mp4)) {
            v = videos.store(session.id(), "../../etc/passwd.mp4", in);
        }
        assertThat(v.originalName()).isEqualTo("passwd.mp4");
        assertThat(storage.resolve(v.storageName().toString())).exists().hasSize(Files.size(mp4));
        assertThat(storage.resolve(v.storageName().toString()).toRealPath().startsWith(storage.toRealPath())).isTrue();
        assertThat(storage.getParent().getParent().resolve("etc/passwd.mp4")).doesNotExist();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aGoodVideoIsStoredWithItsMetadataAndAnnouncedAfterCommit() throws Exception {
        Path mp4 = TestVideos.mp4(tmp.resolve("good.mp4"), 320, 240, 50, 25);
        Video v;
        try (InputStream in = Files.newInputStream(mp4)) {
            v = videos.store(session.id(), "Squat front view.mp4", in);
        }
        assertThat(v.width()).isEqualTo(320);
        assertThat(v.height()).isEqualTo(240);
        assertThat(v.rotationDeg()).isZero();
        assertThat(v.nominalFps()).isEqualTo(25.0);
        assertThat(v.variableFrameRate()).isFalse();
        assertThat(v.durationS()).isBetween(1.9, 2.1);
        assertThat(v.codec()).isEqualTo("mpeg4");
        assertThat(v.status()).isEqualTo(VideoStatus.UPLOADED);
        assertThat(v.originalName()).isEqualTo("Squat front view.mp4");
        assertThat(storage.resolve(v.storageName().toString())).exists();
        assertThat(storage.resolve(v.storageName() + ".jpg")).exists();
        assertThat(events.received).anySatisfy(e -> {
            assertThat(e.videoId()).isEqualTo(v.id());
            assertThat(e.sessionId()).isEqualTo(session.id());
            assertThat(e.file()).exists();
        });
    }

    private void assertRejected(String name, byte[] content, String messagePart) throws IOException {
        long rowsBefore = videoRows();
        Set<String> filesBefore = storedFiles();
        assertThatThrownBy(() -> videos.store(session.id(), name, new java.io.ByteArrayInputStream(content)))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessageContaining(messagePart);
        assertThat(videoRows()).isEqualTo(rowsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(tempFiles()).isEmpty();
    }

    private long videoRows() {
        return jdbc.sql("select count(*) from video").query(Long.class).single();
    }

    /** The stored files, but for browser copies of earlier good uploads, which their background conversion may be writing. */
    private Set<String> storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(storage)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.contains(".browser.mp4")).collect(Collectors.toSet());
        }
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(storage.resolve("tmp"))) {
            return files.toList();
        }
    }
}
