package org.poseanalytics.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.account.ApiTokens;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
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

/**
 * {@code GET /api/v1/subjects/{id}/progress} with its filters applied in the query (issue #17, item 4): each filter
 * answers exactly the rows of the unfiltered answer it selects, with the same values and the same changes (counted
 * from the trend's first visit, whatever the bounds), over HTTP with a token, on the real database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiProgressTest extends AppTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String KNEE = "left_knee_flexion_peak_mean", DEPTH = "squat_depth", CADENCE = "cadence";

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired ApiTokens tokens;
    @Autowired AnalysisStore store;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();
    final LocalDate day = LocalDate.of(2026, 3, 2);
    String token;
    Subject ann, other;

    @BeforeAll
    void aSubjectWithSquatsAndAGaitVisit() throws Exception {
        ClinicUsers a = newClinic("Progress API A"), b = newClinic("Progress API B");
        as(a.clinician(), () -> {
            ann = subjects.create(new SubjectDetails("Progress Ann", null, null, null, InvolvedSide.NONE, null));
            double[] knee = {60, Double.NaN, 64.5, 70};
            for (int i = 0; i < knee.length; i++) {
                boolean invalid = Double.isNaN(knee[i]);
                MetricRecord k = SyntheticResults.figure("knee_flexion_peak_mean", invalid ? 364 : knee[i], "deg", Side.LEFT,
                        invalid ? Quality.INVALID : Quality.VALID, invalid ? "outside the physiological range" : "");
                MetricRecord depth = SyntheticResults.figure(DEPTH, 0.3 + i * 0.01, "m", Side.NONE, Quality.VALID, "");
                visit(a, day.plusWeeks(i), "squat", List.of(k, depth), List.of(new Headline(1, "Peak knee flexion (left)", "2D", k)));
            }
            visit(a, day.plusDays(10), "gait", List.of(SyntheticResults.figure(CADENCE, 110, "steps/min", Side.NONE, Quality.VALID, "")), List.of());
            return null;
        });
        as(b.clinician(), () -> other = subjects.create(new SubjectDetails("Progress of B", null, null, null, InvolvedSide.NONE, null)));
        token = as(a.viewer(), () -> tokens.create("progress", 30, true).secret());
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyFilterAnswersTheRowsItSelects_withTheChangesCountedFromTheFirstVisit() throws Exception {
        List<JsonNode> all = rows("");
        // 4 squats × 2 figures, 1 gait visit
        assertThat(all).hasSize(9);
        assertThat(rows("?metric=" + KNEE)).hasSize(4).isEqualTo(select(all, r -> r.get("key").asString().equals(KNEE)));
        assertThat(rows("?metric=" + KNEE + "," + CADENCE)).hasSize(5)
                .isEqualTo(select(all, r -> List.of(KNEE, CADENCE).contains(r.get("key").asString())))
                .isEqualTo(rows("?metric=" + KNEE + "&metric=" + CADENCE));
        assertThat(rows("?exercise=gait")).hasSize(1).isEqualTo(select(all, r -> r.get("exercise").asString().equals("gait")));
        LocalDate to = day.plusWeeks(1);
        assertThat(rows("?to=" + to)).hasSize(4).isEqualTo(select(all, r -> !LocalDate.parse(r.get("date").asString()).isAfter(to)));
        // from: the visits before it are not answered, but the changes still start at the first visit
        LocalDate from = day.plusWeeks(2);
        List<JsonNode> later = rows("?from=" + from + "&metric=" + KNEE);
        assertThat(later).isEqualTo(select(all, r -> r.get("key").asString().equals(KNEE) && !LocalDate.parse(r.get("date").asString()).isBefore(from)));
        assertThat(later).extracting(r -> r.get("value").asDouble(), r -> r.get("since_first").asDouble(), r -> r.get("since_previous").asDouble())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(64.5, 4.5, 4.5), org.assertj.core.groups.Tuple.tuple(70.0, 10.0, 5.5));
        assertThat(rows("?exercise=squat&from=" + from + "&to=" + from + "&metric=" + DEPTH)).singleElement()
                .satisfies(r -> assertThat(r.get("since_first").asDouble()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9)));
        // a figure the subject does not have: no rows, not an error
        assertThat(rows("?metric=no_such_figure")).isEmpty();

        HttpResponse<String> csv = get("/api/v1/subjects/" + ann.id() + "/progress.csv?metric=" + KNEE);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(1 + 4).allSatisfy(l -> assertThat(l).satisfiesAnyOf(
                h -> assertThat(h).startsWith("exercise,"), r -> assertThat(r).contains(KNEE)));
    }

    @Test
    void anotherClinicsSubjectOrAnUnknownExerciseIsAProblem() throws Exception {
        assertThat(get("/api/v1/subjects/" + other.id() + "/progress?metric=" + KNEE).statusCode()).isEqualTo(404);
        HttpResponse<String> yoga = get("/api/v1/subjects/" + ann.id() + "/progress?exercise=yoga");
        assertThat(yoga.statusCode()).isEqualTo(400);
        assertThat(yoga.body()).contains("Unknown exercise");
    }

    @Test
    void theOpenApiDescriptionHasTheFigureFilter() throws Exception {
        JsonNode spec = JSON.readTree(get("/api/v1/openapi.json").body());
        for (String path : List.of("/api/v1/subjects/{id}/progress", "/api/v1/subjects/{id}/progress.csv")) {
            JsonNode get = spec.get("paths").get(path).get("get");
            assertThat(StreamSupport.stream(get.get("parameters").spliterator(), false).map(p -> p.get("name").asString()))
                    .as(path).contains("from", "to", "exercise", "metric");
        }
    }

    private void visit(ClinicUsers a, LocalDate date, String exercise, List<MetricRecord> figures, List<Headline> headlines) {
        long session = sessions.create(ann.id(), new SessionDetails(date, Exercise.parse(exercise), null)).id();
        long video = jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, width, height,
                                           frames, duration_s, nominal_fps, variable_frame_rate, has_audio, uploaded_by)
                        values (:c, :s, :n, 'p.mp4', 1000, 720, 1280, 30, 1, 30, false, false, :a) returning id""")
                .param("c", a.clinician().clinicId()).param("s", session).param("n", UUID.randomUUID()).param("a", a.clinician().accountId())
                .query(Long.class).single();
        store.save(a.clinician().clinicId(), video, UUID.randomUUID(), null, SyntheticResults.withFigures(SyntheticResults.of(30, 33, 1, 2, 0),
                exercise, List.of(), figures, headlines, SyntheticResults.SIDE_VIEW));
    }

    private static List<JsonNode> select(List<JsonNode> rows, Predicate<JsonNode> which) {
        return rows.stream().filter(which).toList();
    }

    private List<JsonNode> rows(String query) throws Exception {
        HttpResponse<String> r = get("/api/v1/subjects/" + ann.id() + "/progress" + query);
        assertThat(r.statusCode()).as(query + " " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(out::add);
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
