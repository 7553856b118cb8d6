package org.poseanalytics.web.api;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.account.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's "done when", as a script would do it over HTTP against the running app: with a personal API token, read
 * the OpenAPI description, find every operation in it by its operationId (no path is written here), add a subject and
 * a session, upload a squat video, wait for the analysis, download the angles (CSV) and the metrics (JSON and CSV), and
 * read them as pandas and R would.
 */
class ApiScriptTest extends AppTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ApiTokens tokens;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();
    String token;
    final Map<String, String[]> operations = new HashMap<>();

    @Test
    void aScriptWithATokenUploadsAVideoWaitsForTheAnalysisAndDownloadsAnglesAndMetrics() throws Exception {
        ClinicUsers clinic = newClinic("Script");
        token = as(clinic.clinician(), () -> tokens.create("analysis script", 30, false).secret());
        org.springframework.security.core.context.SecurityContextHolder.clearContext();

        // 1. the description: every operation by its id, and the bearer scheme
        JsonNode spec = JSON.readTree(get("/api/v1/openapi.json").body());
        assertThat(spec.get("openapi").asString()).startsWith("3.");
        assertThat(spec.at("/components/securitySchemes/apiToken/scheme").asString()).isEqualTo("bearer");
        for (var path : spec.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations.put(op.getValue().get("operationId").asString(), new String[] {op.getKey().toUpperCase(), path.getKey()});
            }
        }
        assertThat(operations).containsKeys("createSubject", "createSession", "uploadVideo", "getAnalysis", "getAnglesCsv", "getMetrics", "getMetricsCsv");

        // 2. a subject and a session
        JsonNode subject = JSON.readTree(call("createSubject", Map.of(), json("{\"displayName\":\"Script Subject\",\"externalId\":\"S-1\"}")).body());
        JsonNode session = JSON.readTree(call("createSession", Map.of("id", subject.get("id").asString()),
                json("{\"date\":\"" + LocalDate.now() + "\",\"exercise\":\"squat\"}")).body());
        assertThat(session.get("exercise").asString()).isEqualTo("squat");
        assertThat(session.get("date").asString()).isEqualTo(LocalDate.now().toString());

        // 3. the upload, multipart as curl -F and requests send it
        byte[] video = Files.readAllBytes(Fixtures.squatVideo());
        var body = ApiTokenMultipart.of("file", "pose_squats.mp4", "video/mp4", video);
        HttpResponse<byte[]> uploaded = call("uploadVideo", Map.of("id", session.get("id").asString()),
                HttpRequest.BodyPublishers.ofByteArray(body.bytes()), body.contentType());
        assertThat(uploaded.statusCode()).as(new String(uploaded.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        String videoId = JSON.readTree(uploaded.body()).get("id").asString();

        // 4. wait for the analysis, polling its state
        JsonNode status = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            status = JSON.readTree(call("getAnalysis", Map.of("id", videoId), null).body());
            if (!List.of("queued", "running", "none").contains(status.get("state").asString())) break;
            Thread.sleep(500);
        }
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("succeeded");
        assertThat(status.at("/result/angleColumns").size()).isPositive();

        // 5. the angles as CSV: a header, frame and time_s, numeric angle columns, empty cells for gaps
        HttpResponse<byte[]> anglesCsv = call("getAnglesCsv", Map.of("id", videoId), null);
        assertThat(anglesCsv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        CsvAsPandasReadsIt angles = CsvAsPandasReadsIt.parse(new String(anglesCsv.body(), StandardCharsets.UTF_8));
        assertThat(angles.header()).startsWith("frame", "time_s").contains("left_knee_flexion_deg", "left_knee_flexion_deg_quality");
        assertThat(angles.rows()).hasSizeGreaterThan(30);
        for (String c : angles.header()) if (!c.endsWith("_quality")) assertThat(angles.numeric(c)).as(c + " reads as numbers").isTrue();
        List<Double> times = angles.numbers("time_s");
        for (int i = 1; i < times.size(); i++) assertThat(times.get(i)).isGreaterThan(times.get(i - 1));
        // filmed from the front: the 3D knee flexion is the measurement (the 2D one is invalid, so empty cells)
        String knee = angles.header().contains("left_knee_flexion_3d_deg") ? "left_knee_flexion_3d_deg" : "left_knee_flexion_deg";
        double deepest = angles.numbers(knee).stream().filter(Double::isFinite).mapToDouble(d -> d).max().orElseThrow();
        assertThat(deepest).as("deepest left knee flexion of a squat").isGreaterThan(60);
        assertThat(angles.column("left_knee_flexion_deg_quality")).allMatch(q -> List.of("valid", "low", "invalid").contains(q));

        // 6. the metrics as JSON rows and as CSV, with unit and quality, the same figures
        JsonNode metrics = JSON.readTree(call("getMetrics", Map.of("id", videoId), null).body());
        assertThat(metrics.isArray()).isTrue();
        assertThat(metrics.size()).isPositive();
        for (JsonNode m : metrics) {
            assertThat(m.get("unit").asString()).isNotBlank();
            assertThat(m.get("value").isNumber() || m.get("value").isNull()).isTrue();
            if (m.get("quality").isNull()) continue;
            assertThat(m.get("quality").asString()).isIn("valid", "low", "invalid");
            if (m.get("quality").asString().equals("invalid")) assertThat(m.get("value").isNull()).as("an invalid figure has no value").isTrue();
        }
        assertThat(metrics).as("a count of repetitions").anySatisfy(m -> {
            assertThat(m.get("unit").asString()).isEqualTo("count");
            assertThat(m.get("value").asDouble()).isGreaterThan(0);
        });
        CsvAsPandasReadsIt metricsCsv = CsvAsPandasReadsIt.parse(new String(call("getMetricsCsv", Map.of("id", videoId), null).body(), StandardCharsets.UTF_8));
        assertThat(metricsCsv.rows()).hasSize(metrics.size());
        assertThat(metricsCsv.numeric("value")).isTrue();
        assertThat(metricsCsv.column("key")).containsExactlyElementsOf(metrics.valueStream().map(m -> m.get("key").asString()).toList());
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.BodyPublisher json(String s) { return HttpRequest.BodyPublishers.ofString(s); }

    HttpResponse<byte[]> call(String operationId, Map<String, String> pathParams, HttpRequest.BodyPublisher body) throws Exception {
        return call(operationId, pathParams, body, body == null ? null : "application/json");
    }

    /** The operation as the description states it: its method and its path with the parameters filled in. */
    HttpResponse<byte[]> call(String operationId, Map<String, String> pathParams, HttpRequest.BodyPublisher body, String type) throws Exception {
        String[] op = operations.get(operationId);
        assertThat(op).as(operationId + " in the description").isNotNull();
        String path = op[1];
        for (var p : pathParams.entrySet()) path = path.replace("{" + p.getKey() + "}", p.getValue());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
        if (type != null) request.header("Content-Type", type);
        request.method(op[0], body == null ? HttpRequest.BodyPublishers.noBody() : body);
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(operationId + ": " + new String(r.body(), StandardCharsets.UTF_8)).isBetween(200, 299);
        return r;
    }

    /** multipart/form-data with one file. */
    record ApiTokenMultipart(String contentType, byte[] bytes) {
        static ApiTokenMultipart of(String field, String fileName, String type, byte[] content) {
            String boundary = "----pa" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new ApiTokenMultipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }
}
