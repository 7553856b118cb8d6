package org.poseanalytics.web.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Browser copies are made once per video in the background (never by a request, which is told the copy is being
 * prepared), owner-only on disk; erasing a video while its copy is being made leaves no file of it; the start-up sweep
 * removes what crashes leave.
 */
class BrowserCopiesTest extends AppTestBase {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired PlaybackService playback;
    @Autowired BrowserCopies copies;
    @Autowired StorageSweep sweep;
    @Autowired Storage storage;

    @TempDir Path tmp;
    Session session;

    @BeforeEach
    void aSession() {
        ClinicUsers clinic = newClinic("Copies");
        signIn(clinic.clinician());
        Subject s = subjects.create(new SubjectDetails("Copy Subject", null, null, null, InvolvedSide.NONE, null));
        session = sessions.create(s.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
    }

    @Test
    void aCopyIsMadeOnceInTheBackgroundAndARequestMeanwhileHearsItIsBeingPrepared() throws Exception {
        // MPEG-4 Part 2: browsers do not play it, so it needs a copy.
        Video v = upload(TestVideos.mp4(tmp.resolve("mpeg4.mp4"), 320, 240, 50, 25));
        BrowserCopy first = playback.copy(v);
        assertThat(first.reason()).isEqualTo("MPEG-4 Part 2 video");
        if (first.state() != PlaybackState.READY) {
            assertThat(first.state()).isIn(PlaybackState.PENDING, PlaybackState.CONVERTING);
            ResponseEntity<?> answer = new PlaybackController(playback).playable(v.id());
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(String.valueOf(answer.getBody())).contains("being prepared for the browser").contains("MPEG-4 Part 2 video");
        }
        BrowserCopy ready = awaitCopy(v, c -> c.state() == PlaybackState.READY);
        assertThat(ready.fraction()).isEqualTo(1.0);
        Path copy = playback.open(v.id()).file();
        assertThat(copy).isEqualTo(storage.playable(v.storageName()));
        assertThat(StreamFormat.probe(copy).codec()).isEqualTo("h264");
        FileTime made = Files.getLastModifiedTime(copy);
        for (int i = 0; i < 3; i++) {
            assertThat(new PlaybackController(playback).playable(v.id()).getStatusCode().value()).isEqualTo(200);
        }
        Thread.sleep(500);
        assertThat(Files.getLastModifiedTime(copy)).as("made once, not per request").isEqualTo(made);

        // Owner-only: the directory 0700, the video, its thumbnail and its copy 0600.
        assertThat(permissions(storage.root())).isEqualTo("rwx------");
        assertThat(permissions(storage.root().resolve("tmp"))).isEqualTo("rwx------");
        for (Path p : List.of(storage.video(v.storageName()), storage.thumbnail(v.storageName()), copy)) {
            assertThat(permissions(p)).as(p.getFileName().toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void aVideoBrowsersPlayNeedsNoCopy() throws Exception {
        Path h264 = TestVideos.colourBars(tmp.resolve("h264.mp4"), 320, 240, 1, "-c:v", "libx264", "-pix_fmt", "yuv420p");
        Video v = upload(h264);
        assertThat(playback.copy(v).state()).isEqualTo(PlaybackState.AS_UPLOADED);
        assertThat(playback.open(v.id()).file()).isEqualTo(storage.video(v.storageName()));
        assertThat(storage.playable(v.storageName())).doesNotExist();
    }

    @Test
    void aVideoFromBeforeIsLookedAtOnceWhenFirstAskedFor() throws Exception {
        Video v = upload(TestVideos.mp4(tmp.resolve("old.mp4"), 320, 240, 20, 25));
        awaitCopy(v, c -> c.state() == PlaybackState.READY);
        Storage.deleteQuietly(storage.playable(v.storageName()));
        jdbc.sql("update video set playback = null, playback_reason = null where id = :id").param("id", v.id()).update();
        assertThatThrownBy(() -> playback.open(v.id())).isInstanceOf(PlaybackService.NotPlayableYet.class)
                .hasMessageContaining("being prepared");
        BrowserCopy c = awaitCopy(v, x -> x.state() == PlaybackState.READY);
        assertThat(c.reason()).isEqualTo("MPEG-4 Part 2 video");
        assertThat(storage.playable(v.storageName())).exists();
    }

    @Test
    void erasingAVideoWhileItsCopyIsMadeLeavesNoFileOfIt() throws Exception {
        // 30 s at 640×480: long enough to be caught converting.
        Video v = upload(TestVideos.mp4(tmp.resolve("long.mp4"), 640, 480, 750, 25));
        awaitCopy(v, c -> c.state() == PlaybackState.CONVERTING);
        videos.delete(v.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (copies.queuedHere(v.id()) && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(copies.queuedHere(v.id())).as("the conversion stopped").isFalse();
        Thread.sleep(1000);
        assertThat(filesOf(v.storageName())).isEmpty();
    }

    @Test
    void theStartUpSweepRemovesLeftoversAndMakesFilesOwnerOnly() throws Exception {
        Video kept = upload(TestVideos.mp4(tmp.resolve("kept.mp4"), 320, 240, 10, 25));
        awaitCopy(kept, c -> c.state() == PlaybackState.READY);
        Path root = storage.root();
        UUID gone = UUID.randomUUID();
        Instant old = Instant.now().minus(Duration.ofHours(2));
        List<Path> leftovers = List.of(
                Files.writeString(root.resolve(gone.toString()), "a video whose row was erased"),
                Files.writeString(root.resolve(gone + ".browser.mp4"), "its copy, finished after the erasure"),
                Files.writeString(root.resolve(kept.storageName() + ".browser.mp4.part.mp4"), "a conversion cut short by a crash"),
                Files.writeString(root.resolve("tmp").resolve("upload-123.part"), "an upload cut short"));
        for (Path p : leftovers) Files.setLastModifiedTime(p, FileTime.from(old));
        Path recent = Files.writeString(root.resolve(UUID.randomUUID() + ".jpg"), "another node's upload in progress");
        Path strange = Files.writeString(root.resolve("README.txt"), "not ours to delete");
        Files.setLastModifiedTime(strange, FileTime.from(old));
        Files.setPosixFilePermissions(storage.video(kept.storageName()), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

        sweep.onStart();

        for (Path p : leftovers) assertThat(p).as(p.getFileName().toString()).doesNotExist();
        assertThat(recent).exists();
        assertThat(strange).exists();
        assertThat(storage.video(kept.storageName())).exists();
        assertThat(storage.thumbnail(kept.storageName())).exists();
        assertThat(storage.playable(kept.storageName())).exists();
        assertThat(permissions(storage.video(kept.storageName()))).isEqualTo("rw-------");
        assertThat(permissions(root)).isEqualTo("rwx------");
        Files.delete(recent);
        Files.delete(strange);
    }

    private Video upload(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return videos.store(session.id(), file.getFileName().toString(), in);
        }
    }

    private BrowserCopy awaitCopy(Video v, Predicate<BrowserCopy> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        BrowserCopy c = playback.copy(v);
        while (!until.test(c) && System.nanoTime() < deadline) {
            assertThat(c.state()).as(c.describe()).isNotEqualTo(PlaybackState.FAILED);
            Thread.sleep(100);
            c = playback.copy(v);
        }
        assertThat(until.test(c)).as(c.describe()).isTrue();
        return c;
    }

    private List<String> filesOf(UUID name) throws IOException {
        try (Stream<Path> files = Files.list(storage.root())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(name.toString())).toList();
        }
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
