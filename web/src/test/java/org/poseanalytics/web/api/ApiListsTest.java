package org.poseanalytics.web.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.account.ApiTokens;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's lists as issue 18 asks for them ("pagination, filtering by date/exercise"), over HTTP with a token: the
 * clinic's sessions across subjects, its analyses (each video's latest, keypoint imports included), a subject's sessions
 * and the subjects, each paged and filtered by date range and exercise, scoped to the token's clinic, with a wrong filter refused as a problem detail and the reads audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiListsTest extends AppTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired ApiTokens tokens;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();
    final LocalDate today = LocalDate.now();
    @Autowired org.poseanalytics.web.analysis.AnalysisStore store;
    String token;
    Subject ann, bob, cat, dan;
    long squatVideo, newerSquatAnalysis, keypointsOnly, bobVideo;

    @BeforeAll
    void twoClinicsWithSessions() throws Exception {
        ClinicUsers a = newClinic("Lists A");
        ClinicUsers b = newClinic("Lists B");
        as(a.clinician(), () -> {
            ann = subjects.create(new SubjectDetails("Lists Ann", null, null, null, InvolvedSide.NONE, null));
            bob = subjects.create(new SubjectDetails("Lists Bob", null, null, null, InvolvedSide.NONE, null));
            cat = subjects.create(new SubjectDetails("Lists Cat", null, null, null, InvolvedSide.NONE, null));
            long annSquat = sessions.create(ann.id(), new SessionDetails(today.minusDays(60), Exercise.SQUAT, null)).id();
            long annGait = sessions.create(ann.id(), new SessionDetails(today.minusDays(40), Exercise.GAIT, null)).id();
            long bobSquat = sessions.create(bob.id(), new SessionDetails(today.minusDays(10), Exercise.SQUAT, null)).id();
            // Analyses for GET /api/v1/analyses: a squat analysed twice (the newer one is the video's result), gait keypoints
            // imported without a video, Bob's squat, and a video never analysed (not listed).
            long clinic = a.clinician().clinicId(), by = a.clinician().accountId();
            squatVideo = video(clinic, annSquat, by, "video");
            store.save(clinic, squatVideo, java.util.UUID.randomUUID(), null, org.poseanalytics.web.analysis.SyntheticResults.of(30, 33, 1, 2, 1));
            newerSquatAnalysis = store.save(clinic, squatVideo, java.util.UUID.randomUUID(), null,
                    org.poseanalytics.web.analysis.SyntheticResults.of(30, 33, 1, 2, 3)).analysisId();
            keypointsOnly = video(clinic, annGait, by, "keypoints");
            long gait = store.save(clinic, keypointsOnly, java.util.UUID.randomUUID(), null, org.poseanalytics.web.analysis.SyntheticResults.of(30, 33, 1, 2, 2)).analysisId();
            jdbc.sql("update analysis set exercise = 'gait' where id = :id").param("id", gait).update();
            bobVideo = video(clinic, bobSquat, by, "video");
            store.save(clinic, bobVideo, java.util.UUID.randomUUID(), null, org.poseanalytics.web.analysis.SyntheticResults.of(30, 33, 1, 2, 2));
            video(clinic, bobSquat, by, "video");
            return null;
        });
        as(b.clinician(), () -> {
            dan = subjects.create(new SubjectDetails("Lists Dan of B", null, null, null, InvolvedSide.NONE, null));
            long danSquat = sessions.create(dan.id(), new SessionDetails(today.minusDays(50), Exercise.SQUAT, null)).id();
            long v = video(b.clinician().clinicId(), danSquat, b.clinician().accountId(), "video");
            store.save(b.clinician().clinicId(), v, java.util.UUID.randomUUID(), null, org.poseanalytics.web.analysis.SyntheticResults.of(30, 33, 1, 2, 2));
            return null;
        });
        token = as(a.viewer(), () -> tokens.create("lists", 30, true).secret());
        SecurityContextHolder.clearContext();
    }

    @Test
    void theClinicsSessionsAcrossSubjectsArePagedAndFilteredByDateAndExercise() throws Exception {
        JsonNode all = ok("/api/v1/sessions");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(names(all)).as("newest first, clinic B's left out").containsExactly("Lists Bob", "Lists Ann", "Lists Ann");
        assertThat(all.get("items").get(0).get("exercise").asString()).isEqualTo("squat");

        assertThat(names(ok("/api/v1/sessions?exercise=squat"))).containsExactly("Lists Bob", "Lists Ann");
        assertThat(names(ok("/api/v1/sessions?exercise=gait"))).containsExactly("Lists Ann");
        assertThat(names(ok("/api/v1/sessions?from=" + today.minusDays(60) + "&to=" + today.minusDays(40)))).containsExactly("Lists Ann", "Lists Ann");
        assertThat(names(ok("/api/v1/sessions?from=" + today.minusDays(59) + "&exercise=squat"))).containsExactly("Lists Bob");
        assertThat(names(ok("/api/v1/sessions?to=" + today.minusDays(61)))).isEmpty();

        JsonNode second = ok("/api/v1/sessions?size=2&page=1");
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(names(second)).as("the third session, the oldest").containsExactly("Lists Ann");
        assertThat(ok("/api/v1/sessions?size=2&page=2").get("items")).isEmpty();

        // each listed subject's visits were read: audited as the subject's own sessions list is
        assertThat(jdbc.sql("select distinct subject_id from audit_event where action = 'viewed' and detail like '%clinic''s session list%'")
                .query(Long.class).list()).contains(ann.id(), bob.id()).doesNotContain(cat.id());
    }

    @Test
    void theClinicsAnalysesAreEachVideosLatestResult_pagedAndFilteredByDateExerciseAndSubject() throws Exception {
        JsonNode all = ok("/api/v1/analyses");
        assertThat(all.get("total").asLong()).as("three analysed videos; the unanalysed one and clinic B's left out").isEqualTo(3);
        assertThat(videos(all)).as("newest session first").containsExactly(bobVideo, keypointsOnly, squatVideo);
        JsonNode squat = all.get("items").get(2);
        assertThat(squat.get("analysisId").asLong()).as("the video's latest analysis").isEqualTo(newerSquatAnalysis);
        assertThat(squat.get("repetitions").asInt()).isEqualTo(3);
        assertThat(squat.get("subjectId").asLong()).isEqualTo(ann.id());
        assertThat(squat.get("sessionDate").asString()).isEqualTo(today.minusDays(60).toString());
        assertThat(squat.get("exercise").asString()).isEqualTo("squat");
        assertThat(squat.get("model").asString()).isEqualTo("synthetic");
        assertThat(squat.get("status").asString()).isEqualTo("succeeded");
        assertThat(squat.get("hasVideo").asBoolean()).isTrue();
        JsonNode keypoints = all.get("items").get(1);
        assertThat(keypoints.get("hasVideo").asBoolean()).as("keypoints imported without a video are listed").isFalse();
        assertThat(keypoints.get("repetitions").asInt()).isEqualTo(2);
        // its links lead to its results
        HttpResponse<String> reps = get(squat.at("/links/repetitions").asString());
        assertThat(reps.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reps.body()).size()).isEqualTo(3);

        assertThat(videos(ok("/api/v1/analyses?exercise=squat"))).containsExactly(bobVideo, squatVideo);
        assertThat(videos(ok("/api/v1/analyses?exercise=gait"))).containsExactly(keypointsOnly);
        assertThat(videos(ok("/api/v1/analyses?from=" + today.minusDays(60) + "&to=" + today.minusDays(40)))).containsExactly(keypointsOnly, squatVideo);
        assertThat(videos(ok("/api/v1/analyses?from=" + today.minusDays(59) + "&exercise=squat"))).containsExactly(bobVideo);
        assertThat(videos(ok("/api/v1/analyses?subjectId=" + ann.id()))).containsExactly(keypointsOnly, squatVideo);
        assertThat(videos(ok("/api/v1/analyses?subjectId=" + cat.id()))).isEmpty();
        JsonNode second = ok("/api/v1/analyses?size=2&page=1");
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(videos(second)).containsExactly(squatVideo);
        assertThat(ok("/api/v1/analyses?size=2&page=2").get("items")).isEmpty();
        // another clinic's subject is not found, not an empty list of it
        assertThat(get("/api/v1/analyses?subjectId=" + dan.id()).statusCode()).isEqualTo(404);

        assertThat(jdbc.sql("select distinct subject_id from audit_event where action = 'viewed' and detail like '%clinic''s analysis list%'")
                .query(Long.class).list()).contains(ann.id(), bob.id()).doesNotContain(cat.id(), dan.id());
    }

    private static List<Long> videos(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("videoId").asLong()).toList();
    }

    /** A video row without a file (media 'keypoints': keypoints imported without a video). */
    private long video(long clinic, long session, long by, String media) {
        return jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, width, height,
                                           frames, duration_s, nominal_fps, variable_frame_rate, has_audio, uploaded_by, media)
                        values (:c, :s, :n, 'lists.mp4', 1000, 720, 1280, 30, 1, 30, false, false, :a, :m) returning id""")
                .param("c", clinic).param("s", session).param("n", java.util.UUID.randomUUID()).param("a", by).param("m", media)
                .query(Long.class).single();
    }

    @Test
    void aSubjectsSessionsAndTheSubjectsListFilterByDateAndExercise() throws Exception {
        assertThat(ok("/api/v1/subjects/" + ann.id() + "/sessions?exercise=gait").get("total").asLong()).isEqualTo(1);
        assertThat(ok("/api/v1/subjects/" + ann.id() + "/sessions?size=1").get("items")).hasSize(1);

        assertThat(names(ok("/api/v1/subjects"))).containsExactly("Lists Ann", "Lists Bob", "Lists Cat");
        assertThat(names(ok("/api/v1/subjects?exercise=gait"))).containsExactly("Lists Ann");
        assertThat(names(ok("/api/v1/subjects?exercise=squat&from=" + today.minusDays(20)))).containsExactly("Lists Bob");
        assertThat(names(ok("/api/v1/subjects?from=" + today.minusDays(70) + "&to=" + today.minusDays(30)))).containsExactly("Lists Ann");
        JsonNode page = ok("/api/v1/subjects?size=1&page=2");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(names(page)).containsExactly("Lists Cat");
        // the subject keeps its own count of sessions, whatever the filter
        assertThat(ok("/api/v1/subjects?exercise=gait").get("items").get(0).get("sessions").asInt()).isEqualTo(2);
    }

    @Test
    void aFilterThatCannotBeUsedIsAProblemToCorrect() throws Exception {
        for (String query : List.of("/api/v1/sessions?exercise=yoga", "/api/v1/sessions?from=" + today + "&to=" + today.minusDays(1),
                "/api/v1/sessions?size=0", "/api/v1/sessions?page=-1", "/api/v1/sessions?from=yesterday",
                "/api/v1/subjects?exercise=yoga", "/api/v1/analyses?exercise=yoga", "/api/v1/analyses?from=" + today + "&to=" + today.minusDays(1),
                "/api/v1/analyses?size=501", "/api/v1/subjects/" + ann.id() + "/sessions?from=" + today + "&to=" + today.minusDays(1))) {
            HttpResponse<String> r = get(query);
            assertThat(r.statusCode()).as(query + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void theOpenApiDescriptionHasTheListsWithTheirFilters() throws Exception {
        JsonNode spec = JSON.readTree(get("/api/v1/openapi.json").body());
        for (String[] op : List.of(new String[] {"/api/v1/sessions", "listClinicSessions"}, new String[] {"/api/v1/subjects", "listSubjects"},
                new String[] {"/api/v1/subjects/{id}/sessions", "listSessions"}, new String[] {"/api/v1/analyses", "listAnalyses"})) {
            JsonNode get = spec.get("paths").get(op[0]).get("get");
            assertThat(get.get("operationId").asString()).isEqualTo(op[1]);
            List<String> params = java.util.stream.StreamSupport.stream(get.get("parameters").spliterator(), false).map(p -> p.get("name").asString()).toList();
            assertThat(params).as(op[0]).contains("from", "to", "exercise", "page", "size");
        }
    }

    private static List<String> names(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.has("subjectName") ? i.get("subjectName").asString() : i.get("displayName").asString()).toList();
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
