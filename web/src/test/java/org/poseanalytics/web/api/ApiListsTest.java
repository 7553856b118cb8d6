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
 * clinic's sessions across subjects, a subject's sessions and the subjects, each paged and filtered by date range and
 * exercise, scoped to the token's clinic, with a wrong filter refused as a problem detail and the reads audited.
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
    String token;
    Subject ann, bob, cat;

    @BeforeAll
    void twoClinicsWithSessions() throws Exception {
        ClinicUsers a = newClinic("Lists A");
        ClinicUsers b = newClinic("Lists B");
        as(a.clinician(), () -> {
            ann = subjects.create(new SubjectDetails("Lists Ann", null, null, null, InvolvedSide.NONE, null));
            bob = subjects.create(new SubjectDetails("Lists Bob", null, null, null, InvolvedSide.NONE, null));
            cat = subjects.create(new SubjectDetails("Lists Cat", null, null, null, InvolvedSide.NONE, null));
            sessions.create(ann.id(), new SessionDetails(today.minusDays(60), Exercise.SQUAT, null));
            sessions.create(ann.id(), new SessionDetails(today.minusDays(40), Exercise.GAIT, null));
            sessions.create(bob.id(), new SessionDetails(today.minusDays(10), Exercise.SQUAT, null));
            return null;
        });
        as(b.clinician(), () -> {
            Subject dan = subjects.create(new SubjectDetails("Lists Dan of B", null, null, null, InvolvedSide.NONE, null));
            sessions.create(dan.id(), new SessionDetails(today.minusDays(50), Exercise.SQUAT, null));
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
                "/api/v1/subjects?exercise=yoga", "/api/v1/subjects/" + ann.id() + "/sessions?from=" + today + "&to=" + today.minusDays(1))) {
            HttpResponse<String> r = get(query);
            assertThat(r.statusCode()).as(query + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void theOpenApiDescriptionHasTheListsWithTheirFilters() throws Exception {
        JsonNode spec = JSON.readTree(get("/api/v1/openapi.json").body());
        for (String[] op : List.of(new String[] {"/api/v1/sessions", "listClinicSessions"}, new String[] {"/api/v1/subjects", "listSubjects"},
                new String[] {"/api/v1/subjects/{id}/sessions", "listSessions"})) {
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
