package org.poseanalytics.web.api;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.TestKeypoints;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.ApiTokens;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Keypoints made elsewhere, uploaded with a token over {@code POST /api/v1/sessions/{id}/keypoints} (issue 18, item 4):
 * an OpenPose folder as a .zip and a .trc of three synthetic squats (knees to 90°) are analysed on their own into three
 * repetitions peaking at 90° at the frames the truth says; an OpenPose zip attached to a video of the same frames is
 * that video's analysis, and one attached to a video it was not made from fails its job saying they do not match; and
 * every bad input (not a keypoint file, a path outside the archive, a bomb, too many files, too large, a .trc on a
 * video, OpenPose without its frame rate) is refused with 422 and its reason, keeping no row and no file.
 */
class KeypointUploadApiTest extends AppTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ApiTokens tokens;
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired Storage storage;
    @Autowired org.poseanalytics.web.video.PlaybackService playback;
    @Autowired org.poseanalytics.web.report.ExportService exports;
    @LocalServerPort int port;
    @TempDir Path tmp;

    final HttpClient http = HttpClient.newHttpClient();
    String token;

    private Session newSession(ClinicUsers clinic) throws Exception {
        return as(clinic.clinician(), () -> {
            Subject s = subjects.create(new SubjectDetails("Keypoint Patient", null, null, null, InvolvedSide.NONE, null));
            return sessions.create(s.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        });
    }

    @Test
    void openPoseZipAndTrcAloneGiveTheSquatsRepetitionsAndPeaks() throws Exception {
        ClinicUsers clinic = newClinic("Keypoints API");
        Session session = newSession(clinic);
        token = as(clinic.clinician(), () -> tokens.create("keypoints", 30, false).secret());
        org.springframework.security.core.context.SecurityContextHolder.clearContext();

        for (var upload : List.of(
                new Upload("squat_json.zip", TestKeypoints.squatOpenPoseZip(), "?fps=30&frameSize=1280x960", "openpose", "zip", TestKeypoints.FRAMES),
                new Upload("squat_Sports2D.trc", TestKeypoints.squatTrc(), "", "trc", "trc", 1))) {
            HttpResponse<byte[]> r = upload(session.id(), upload.name(), upload.bytes(), upload.query());
            assertThat(r.statusCode()).as(body(r)).isEqualTo(201);
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.get("withVideo").asBoolean()).isFalse();
            assertThat(answer.get("format").asString()).isEqualTo(upload.format());
            assertThat(answer.get("packaging").asString()).isEqualTo(upload.packaging());
            assertThat(answer.get("files").asInt()).isEqualTo(upload.files());
            assertThat(answer.at("/analysis/state").asString()).isIn("queued", "running", "succeeded");
            long videoId = answer.get("videoId").asLong();

            JsonNode status = awaitAnalysis(videoId);
            assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("succeeded");
            assertThat(status.at("/result/model").asString()).isEqualTo("imported-" + upload.format());
            JsonNode video = JSON.readTree(get("/api/v1/videos/" + videoId).body());
            assertThat(video.get("hasVideo").asBoolean()).isFalse();
            assertThat(video.get("frames").asLong()).as("the row takes the keypoints' frames once analysed").isEqualTo(TestKeypoints.FRAMES);
            assertThat(video.get("nominalFps").asDouble()).isCloseTo(TestKeypoints.FPS, within(1e-6));

            JsonNode reps = JSON.readTree(get("/api/v1/videos/" + videoId + "/repetitions").body());
            assertThat(reps.size()).as(upload.name() + ": " + reps).isEqualTo(TestKeypoints.SQUATS);
            for (int k = 0; k < TestKeypoints.SQUATS; k++) {
                JsonNode rep = reps.get(k);
                System.out.printf("%s: repetition %d peak %.1f deg at frame %d (truth %.1f at %d)%n", upload.name(), k + 1, rep.get("peak_deg").asDouble(),
                        rep.get("peak_frame").asLong(), TestKeypoints.PEAK_KNEE_DEG, TestKeypoints.REST + k * TestKeypoints.SQUAT + TestKeypoints.SQUAT / 2);
                assertThat(rep.get("peak_deg").asDouble()).isCloseTo(TestKeypoints.PEAK_KNEE_DEG, within(2.0));
                assertThat(rep.get("peak_frame").asLong()).isCloseTo(TestKeypoints.REST + k * TestKeypoints.SQUAT + TestKeypoints.SQUAT / 2L, within(3L));
            }
            // there is no video to play: the keypoint file is never served as one
            assertThatThrownBy(() -> as(clinic.clinician(), () -> videos.openForViewing(videoId))).isInstanceOf(org.poseanalytics.web.NotFoundException.class);
            // nor offered to a player (its row says "as uploaded": the compare page asked ready() and showed a player that got
            // a 404); the report and the patient's share page say "No video" where the key frame would be
            Video row = as(clinic.clinician(), () -> videos.get(videoId));
            assertThat(as(clinic.clinician(), () -> playback.ready(row))).isFalse();
            assertThatThrownBy(() -> as(clinic.clinician(), () -> playback.open(videoId))).isInstanceOf(org.poseanalytics.web.NotFoundException.class);
            org.poseanalytics.web.report.SessionReport report = as(clinic.clinician(), () -> exports.sessionReport(videoId));
            assertThat(report.keyFrame()).isNull();
            assertThat(report.keyFrameNote()).startsWith(org.poseanalytics.web.report.ExportService.NO_VIDEO).contains(upload.name());
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void keypointsAttachedToAVideoAreItsAnalysis_andOnesFromAnotherVideoAreToldApart() throws Exception {
        ClinicUsers clinic = newClinic("Keypoints attach");
        Session session = newSession(clinic);
        token = as(clinic.clinician(), () -> tokens.create("keypoints", 30, false).secret());
        Video same, other;
        try (InputStream a = Files.newInputStream(TestVideos.mp4(tmp.resolve("same.mp4"), 1280, 960, TestKeypoints.FRAMES, TestKeypoints.FPS));
             InputStream b = Files.newInputStream(TestVideos.mp4(tmp.resolve("other.mp4"), 160, 120, 10, 25))) {
            same = as(clinic.clinician(), () -> videos.store(session.id(), "squat.mp4", a));
            other = as(clinic.clinician(), () -> videos.store(session.id(), "other.mp4", b));
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        // The videos' own analyses are not what this is about: stop them.
        for (Video v : List.of(same, other)) post("/api/v1/videos/" + v.id() + "/analysis/cancel");
        awaitAnalysis(same.id());
        awaitAnalysis(other.id());

        HttpResponse<byte[]> r = upload(session.id(), "squat_json.zip", TestKeypoints.squatOpenPoseZip(), "?videoId=" + same.id());
        assertThat(r.statusCode()).as(body(r)).isEqualTo(201);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("withVideo").asBoolean()).isTrue();
        assertThat(answer.get("videoId").asLong()).isEqualTo(same.id());
        JsonNode status = awaitAnalysis(same.id());
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("succeeded");
        assertThat(status.at("/result/model").asString()).isEqualTo("imported-openpose");
        assertThat(JSON.readTree(get("/api/v1/videos/" + same.id() + "/repetitions").body()).size()).isEqualTo(TestKeypoints.SQUATS);

        r = upload(session.id(), "squat_json.zip", TestKeypoints.squatOpenPoseZip(), "?videoId=" + other.id());
        assertThat(r.statusCode()).as(body(r)).isEqualTo(201);
        status = awaitAnalysis(other.id());
        System.out.println("Attached to the wrong video: " + status.get("message").asString());
        assertThat(status.get("state").asString()).isEqualTo("failed");
        assertThat(status.get("message").asString()).contains("do not match the video", "300 frames", "the video 10")
                .doesNotContain(storage.root().toString(), "--fps");
    }

    @Test
    void badInputsAreRefusedWithTheirReasonAndNothingIsKept() throws Exception {
        ClinicUsers clinic = newClinic("Keypoints bad");
        Session session = newSession(clinic);
        token = as(clinic.clinician(), () -> tokens.create("keypoints", 30, false).secret());
        Video video;
        try (InputStream in = Files.newInputStream(TestVideos.mp4(tmp.resolve("v.mp4"), 160, 120, 10, 25))) {
            video = as(clinic.clinician(), () -> videos.store(session.id(), "v.mp4", in));
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        post("/api/v1/videos/" + video.id() + "/analysis/cancel");
        awaitAnalysis(video.id());
        Set<String> filesBefore = files();
        long rowsBefore = rows(session.id());

        byte[] frame = ("{\"people\":[]}").getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= 1000; i++) many.put(String.format("f_%012d_keypoints.json", i), frame);
        Map<String, byte[]> big = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) big.put(String.format("f_%012d_keypoints.json", i), padded(900 * 1024));
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("notes.txt", "is not a keypoint file we can read");
        refused.put("traversal.zip", "points outside the archive");
        refused.put("absolute.zip", "points outside the archive");
        refused.put("bomb.zip", "larger than 1 MB once unpacked");
        refused.put("big.zip", "more than 6 MB once unpacked");
        refused.put("many.zip", "more than 1000 files");
        refused.put("huge.json", "larger than the limit of 2.0 MB");
        refused.put("broken.json", "is not valid JSON");
        refused.put("video.mp4", "is not a keypoint file we can read");
        refused.put("attached.trc", "cannot be drawn on a video");
        refused.put("nofps.zip", "frames per second");
        Map<String, byte[]> bodies = Map.ofEntries(
                Map.entry("notes.txt", "hello, these are my notes".getBytes(StandardCharsets.UTF_8)),
                Map.entry("traversal.zip", TestKeypoints.zip(Map.of("../../evil_000000000000_keypoints.json", frame))),
                Map.entry("absolute.zip", TestKeypoints.zip(Map.of("/tmp/evil_000000000000_keypoints.json", frame))),
                Map.entry("bomb.zip", TestKeypoints.zip(Map.of("a_000000000000_keypoints.json", padded(100 << 20)))),
                Map.entry("big.zip", TestKeypoints.zip(big)),
                Map.entry("many.zip", TestKeypoints.zip(many)),
                Map.entry("huge.json", padded((2 << 20) + 1)),
                Map.entry("broken.json", "{\"people\": [".getBytes(StandardCharsets.UTF_8)),
                Map.entry("video.mp4", Files.readAllBytes(tmp.resolve("v.mp4"))),
                Map.entry("attached.trc", TestKeypoints.squatTrc(40)),
                Map.entry("nofps.zip", TestKeypoints.squatOpenPoseZip()));
        assertThat(bodies.get("bomb.zip").length).as("the bomb is small").isLessThan(1 << 20);
        for (var e : refused.entrySet()) {
            String query = e.getKey().equals("attached.trc") ? "?videoId=" + video.id() : "";
            HttpResponse<byte[]> r = upload(session.id(), e.getKey(), bodies.get(e.getKey()), query);
            String text = body(r);
            System.out.println(e.getKey() + " → " + r.statusCode() + " " + JSON.readTree(r.body()).path("detail").asString());
            assertThat(r.statusCode()).as(e.getKey() + ": " + text).isEqualTo(422);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(text).as(e.getKey()).contains("“" + e.getKey() + "” was not stored", e.getValue()).doesNotContain(storage.root().toString());
        }
        assertThat(rows(session.id())).as("no keypoint or video row kept").isEqualTo(rowsBefore);
        assertThat(files()).as("no file kept in the storage directory").isEqualTo(filesBefore);
        // and a viewer's token may not upload
        String viewerToken = as(clinic.viewer(), () -> tokens.create("viewer", 30, false).secret());
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        String own = token;
        token = viewerToken;
        assertThat(upload(session.id(), "squat.trc", TestKeypoints.squatTrc(40), "").statusCode()).isEqualTo(403);
        token = own;
    }

    private record Upload(String name, byte[] bytes, String query, String format, String packaging, int files) {}

    /** An OpenPose frame's opening, then white space, so that its size is what the test needs. */
    private static byte[] padded(int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] head = "{\"people\": [], \"pad\": ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private long rows(long sessionId) {
        return jdbc.sql("select (select count(*) from keypoint_file where session_id = :s) + (select count(*) from video where session_id = :s)")
                .param("s", sessionId).query(Long.class).single();
    }

    private Set<String> files() throws Exception {
        try (Stream<Path> list = Files.walk(storage.root())) {
            return list.filter(Files::isRegularFile).map(p -> storage.root().relativize(p).toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    JsonNode awaitAnalysis(long videoId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = JSON.readTree(get("/api/v1/videos/" + videoId + "/analysis").body());
            if (!Set.of("queued", "running").contains(status.get("state").asString())) return status;
            Thread.sleep(200);
        }
        throw new AssertionError("the analysis of " + videoId + " did not end: " + status);
    }

    HttpResponse<byte[]> upload(long sessionId, String name, byte[] content, String query) throws Exception {
        ApiScriptTest.ApiTokenMultipart body = ApiScriptTest.ApiTokenMultipart.of("file", name, "application/octet-stream", content);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sessions/" + sessionId + "/keypoints" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    void post(String path) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> r) { return new String(r.body(), StandardCharsets.UTF_8); }
}
