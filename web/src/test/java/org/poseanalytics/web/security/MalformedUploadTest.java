package org.poseanalytics.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.AccountPrincipal;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Malformed uploads (issue #15, item 9), beside the hostile ones of {@code HostileUploadTest} (limits, playlists,
 * truncations) and {@code UploadValidationTest} (empty, text, over the size, path names): each is refused with a message
 * that names the file as the user sent it (tidied) and says why, nothing of it is kept (no row, no file, no temp file),
 * the clinic's video stored before is intact byte for byte, and the server goes on serving it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedUploadTest extends AppTestBase {
    /** The reasons the probe gives, in words (one of them, whatever FFmpeg makes of the bytes). */
    private static final String UNREADABLE = "it is not a video file that can be read|the file holds no video stream"
            + "|the file holds only audio|still image|not a video in one of the accepted containers|not one of the accepted codecs"
            + "|cannot be decoded|cannot be read|does not declare its frame size|holds no decodable frame|the file is empty";

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired WebApplicationContext context;
    @LocalServerPort int port;

    @TempDir static Path tmp;
    AccountPrincipal clinician;
    Session session;
    Video before;
    String beforeHash;
    Path storage;
    MockMvc mvc;

    /** A clinic with one good video stored before any of the malformed ones arrive. */
    @BeforeAll
    void aClinicWithAVideo() throws Exception {
        ClinicUsers clinic = newClinic("Malformed");
        clinician = clinic.clinician();
        signIn(clinician);
        Subject s = subjects.create(new SubjectDetails("Malformed Upload", null, null, null, InvolvedSide.NONE, null));
        session = sessions.create(s.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        Path good = TestVideos.mp4(tmp.resolve("before.mp4"), 160, 120, 10, 25);
        try (InputStream in = Files.newInputStream(good)) {
            before = videos.store(session.id(), "before.mp4", in);
        }
        storage = DATA.resolve("videos");
        beforeHash = sha256(storage.resolve(before.storageName().toString()));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        SecurityContextHolder.clearContext();
    }

    @BeforeEach
    void asClinician() { signIn(clinician); }

    record Case(String label, String sentName, Content content, String reason) {
        @Override public String toString() { return label; }
    }

    interface Content { byte[] bytes(Path dir) throws Exception; }

    static List<Case> cases() {
        return List.of(
                new Case("one zero byte", "one-byte.mp4", d -> new byte[1], "it is not a video file that can be read"),
                new Case("an MP4 file-type box and nothing else", "ftyp-only.mp4", d -> ftyp(), UNREADABLE),
                new Case("an MP4 whose first bytes are overwritten (wrong magic)", "wrong-magic.mp4",
                        d -> overwrite(video(d), 0, "GARBAGE!GARBAGE!".getBytes(StandardCharsets.US_ASCII)), UNREADABLE),
                new Case("an MP4 whose index (moov) is zeroed", "no-index.mp4", d -> zeroBox(video(d), "moov"), UNREADABLE),
                new Case("an MP4 whose media data (mdat) is zeroed", "zeroed-frames.mp4", d -> zeroBox(video(d), "mdat"), UNREADABLE),
                new Case("64 KB of random bytes", "random.mp4", d -> random(65536, 1), "it is not a video file that can be read"),
                new Case("random bytes behind an MP4 file-type box", "random-after-ftyp.mp4",
                        d -> concat(ftyp(), random(20000, 2)), UNREADABLE),
                new Case("a JPEG named .mp4", "photo.mp4", d -> ffmpeg(d, "photo.jpg", "-f", "lavfi", "-i", "testsrc=size=64x64",
                        "-frames:v", "1"), "still image"),
                new Case("a PNG named .mov", "photo.mov", d -> ffmpeg(d, "photo.png", "-f", "lavfi", "-i", "testsrc=size=64x64",
                        "-frames:v", "1"), "still image"),
                new Case("an animated GIF", "animation.gif", d -> ffmpeg(d, "a.gif", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10",
                        "-t", "0.5"), "accepted containers .*it is a gif file"),
                new Case("a Matroska file with audio and no video stream", "audio.mkv", d -> ffmpeg(d, "a.mkv", "-f", "lavfi", "-i",
                        "sine=frequency=440:duration=0.5", "-c:a", "flac"), "only audio"),
                new Case("a WAV file named .mp4", "sound.mp4", d -> ffmpeg(d, "a.wav", "-f", "lavfi", "-i", "sine=duration=0.5"),
                        "accepted containers .*it is a wav file"),
                new Case("an MPEG transport stream (container not accepted)", "camera.ts", d -> ffmpeg(d, "a.ts", "-f", "lavfi", "-i",
                        "testsrc=size=64x64:rate=25", "-t", "0.4", "-c:v", "mpeg2video"), "not a video in one of the accepted containers"),
                new Case("a raw H.264 stream (container not accepted)", "raw.h264", d -> ffmpeg(d, "a.h264", "-f", "lavfi", "-i",
                        "testsrc=size=64x64:rate=25", "-t", "0.4", "-c:v", "libx264", "-preset", "ultrafast"),
                        "not a video in one of the accepted containers"),
                new Case("a FLV file (container not accepted)", "clip.flv", d -> ffmpeg(d, "a.flv", "-f", "lavfi", "-i",
                        "testsrc=size=64x64:rate=25", "-t", "0.4"), "not a video in one of the accepted containers"),
                new Case("an AVI with a codec not accepted (HuffYUV)", "lossless.avi", d -> ffmpeg(d, "a.avi", "-f", "lavfi", "-i",
                        "testsrc=size=64x64:rate=25", "-t", "0.2", "-c:v", "huffyuv"), "not one of the accepted codecs"),
                new Case("a zip archive holding a video", "videos.zip", d -> zip(video(d)), "it is not a video file that can be read"),
                new Case("a zip archive named .mp4", "archive.mp4", d -> zip(video(d)), "it is not a video file that can be read"),
                new Case("a gzip of a video named .mp4", "squat.mp4.gz.mp4", d -> gzip(video(d)), UNREADABLE),
                new Case("an HTML page with a script named .mp4", "page.mp4",
                        d -> "<!doctype html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8), UNREADABLE),
                new Case("an SVG named .mp4", "image.mp4", d -> ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                        + "<rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8), "still image"),
                new Case("an ELF executable behind a double extension", "clip.exe.mp4",
                        d -> concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, random(4000, 3)), UNREADABLE),
                new Case("a shell script named .mp4.sh", "clip.mp4.sh", d -> "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), UNREADABLE),
                new Case("an SDP description opening a network stream", "stream.sdp", d -> ("v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\n"
                        + "c=IN IP4 127.0.0.1\nt=0 0\nm=video 5004 RTP/AVP 96\na=rtpmap:96 H264/90000\n").getBytes(StandardCharsets.UTF_8), "accepted containers .*it is a sdp file"),
                new Case("a concat list in Matroska clothing naming /etc/passwd", "list.mkv",
                        d -> "ffconcat version 1.0\nfile '/etc/passwd'\n".getBytes(StandardCharsets.UTF_8), "accepted containers .*it is a concat file"),
                new Case("an HLS playlist naming a file:// URL", "playlist.mp4", d -> ("#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n"
                        + "file:///etc/passwd\n#EXT-X-ENDLIST\n").getBytes(StandardCharsets.UTF_8), UNREADABLE),
                new Case("a name of 400 characters", "x".repeat(400) + ".mp4", d -> random(1000, 4), UNREADABLE),
                new Case("a name with path traversal (Windows style)", "..\\..\\..\\windows\\win.ini.mp4", d -> random(1000, 5), UNREADABLE),
                new Case("an absolute name", "/etc/shadow", d -> "root:*:19000:0:99999:7:::\n".getBytes(StandardCharsets.UTF_8), UNREADABLE),
                new Case("a name with a NUL byte", "clip.mp4\u0000.exe", d -> random(1000, 6), UNREADABLE),
                new Case("a name with a right-to-left override", "evil\u202Egpj.mp4", d -> random(1000, 7), UNREADABLE),
                new Case("a name of dots and slashes only", "../../..", d -> random(1000, 8), UNREADABLE),
                new Case("a unicode name (Greek, emoji, combining marks)", "Ελένη 🏃 e\u0301.mp4", d -> random(1000, 9), UNREADABLE),
                new Case("a video cut in the middle of its first frame", "cut.mp4", d -> Arrays.copyOf(video(d), video(d).length / 2), UNREADABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAMessageAndNothingIsKept(Case c) throws Exception {
        long rowsBefore = jdbc.sql("select count(*) from video").query(Long.class).single();
        Set<String> filesBefore = storedFiles();
        byte[] content = c.content().bytes(Files.createTempDirectory(tmp, "case"));
        assertThatThrownBy(() -> videos.store(session.id(), c.sentName(), new ByteArrayInputStream(content)))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessageStartingWith("“").hasMessageContaining("” was not stored: ")
                .hasMessageMatching("(?s).*(" + c.reason() + ").*")
                .hasMessageNotContaining(tmp.toString()).hasMessageNotContaining(storage.toString())
                .hasMessageNotContaining("\u0000").hasMessageNotContaining("\u202E").hasMessageNotContaining("/etc/")
                .satisfies(e -> assertThat(e.getMessage().length()).as("the message").isLessThan(600));
        assertThat(jdbc.sql("select count(*) from video").query(Long.class).single()).isEqualTo(rowsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
        try (Stream<Path> temp = Files.list(storage.resolve("tmp"))) {
            assertThat(temp.toList()).isEmpty();
        }
    }

    /** The video stored before is unchanged, and the server still serves it over HTTP. */
    @AfterEach
    void theVideoStoredBeforeIsIntactAndServed() throws Exception {
        assertThat(sha256(storage.resolve(before.storageName().toString()))).isEqualTo(beforeHash);
        assertThat(videos.get(before.id()).sizeBytes()).isEqualTo(before.sizeBytes());
        SecurityContextHolder.clearContext();
        byte[] served = mvc.perform(get("/media/videos/" + before.id() + "/file").with(authentication(
                        UsernamePasswordAuthenticationToken.authenticated(clinician, null, clinician.getAuthorities()))))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(sha256(served)).isEqualTo(beforeHash);
        HttpResponse<Void> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).as("the sign-in page (or its redirect) over HTTP").isIn(200, 302);
    }

    private static byte[] cached;

    /** A small valid MP4 (made once). */
    private static synchronized byte[] video(Path dir) throws Exception {
        if (cached == null) cached = Files.readAllBytes(TestVideos.mp4(dir.resolve("v.mp4"), 64, 48, 10, 25));
        return cached.clone();
    }

    private static byte[] ffmpeg(Path dir, String out, String... args) throws Exception {
        return Files.readAllBytes(TestVideos.ffmpeg(dir.resolve(out), args));
    }

    private static byte[] ftyp() {
        return concat(new byte[] {0, 0, 0, 0x18}, "ftypisom\0\0\2\0isomiso2".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] overwrite(byte[] b, int at, byte[] with) {
        System.arraycopy(with, 0, b, at, with.length);
        return b;
    }

    /** Zeroes the payload of the first box of this type (its size and type stay). */
    private static byte[] zeroBox(byte[] b, String type) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        for (int i = 4; i + 4 <= b.length; i++) {
            if (b[i] == t[0] && b[i + 1] == t[1] && b[i + 2] == t[2] && b[i + 3] == t[3]) {
                int size = ((b[i - 4] & 0xff) << 24) | ((b[i - 3] & 0xff) << 16) | ((b[i - 2] & 0xff) << 8) | (b[i - 1] & 0xff);
                Arrays.fill(b, i + 4, Math.min(b.length, i - 4 + size), (byte) 0);
                return b;
            }
        }
        throw new IllegalStateException("no " + type + " box");
    }

    private static byte[] zip(byte[] video) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("squat.mp4"));
            z.write(video);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] video) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(video);
        }
        return out.toByteArray();
    }

    private Set<String> storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(storage)) {
            // Browser copies of earlier uploads are made in the background and may appear meanwhile: not this upload's.
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.contains(".browser.mp4")).collect(Collectors.toSet());
        }
    }

    private static String sha256(Path file) throws Exception { return sha256(Files.readAllBytes(file)); }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
