package org.poseanalytics.web.security;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.ApiTokens;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every /api/v1 endpoint of {@link EndpointMatrixTest#MATRIX} × every kind of token, over real HTTP through the whole
 * filter chain (issue 18, item 2): tokens of clinic A's viewer, clinician and admin, a clinician's read-only token, tokens
 * of clinic B's admin and clinician, and A's admin's revoked and expired tokens, a disabled user's token, an unknown token
 * and none. Bearer requests carry no CSRF token and no session. Refused answers are problem details and carry none of
 * clinic A's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenMatrixTest extends AppTestBase {
    static final String PATIENT = "Token Patient Philippa";
    static final String FILE = "philippa_squat.mp4";

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired AnalysisStore store;
    @Autowired ApiTokens tokens;
    @LocalServerPort int port;
    @TempDir static Path tmp;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    ClinicUsers a;
    ClinicUsers b;
    Subject subject;
    Session session;
    Video video;
    byte[] upload;

    /** A caller: its token (null: none) and the role it acts with in clinic A (null: refused or another clinic). */
    record Caller(String name, String token, Role roleInA, boolean foreign, boolean invalid) {}

    final Map<String, Caller> callers = new LinkedHashMap<>();

    @BeforeAll
    void twoClinicsAndTheirTokens() throws Exception {
        a = newClinic("Token A");
        b = newClinic("Token B");
        signIn(a.clinician());
        subject = subjects.create(new SubjectDetails(PATIENT, "EXT-42", null, null, InvolvedSide.NONE, null));
        session = sessions.create(subject.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        Path mp4 = TestVideos.mp4(tmp.resolve("t.mp4"), 160, 120, 10, 25);
        upload = Files.readAllBytes(mp4);
        try (InputStream in = Files.newInputStream(mp4)) {
            video = videos.store(session.id(), FILE, in);
        }
        store.save(a.admin().clinicId(), video.id(), UUID.randomUUID(), null, SyntheticResults.of(40, 33, 1, 2, 2));

        add("A viewer", token(a.viewer(), false), Role.VIEWER, false, false);
        add("A clinician", token(a.clinician(), false), Role.CLINICIAN, false, false);
        add("A clinician read-only", token(a.clinician(), true), Role.VIEWER, false, false);
        add("A admin", token(a.admin(), false), Role.ADMIN, false, false);
        add("B admin", token(b.admin(), false), Role.ADMIN, true, false);
        add("B clinician", token(b.clinician(), false), Role.CLINICIAN, true, false);

        String revoked = as(a.admin(), () -> {
            ApiTokens.NewApiToken t = tokens.create("revoked", 30, false);
            tokens.revoke(t.token().id());
            return t.secret();
        });
        add("A admin revoked", revoked, null, false, true);
        ApiTokens.NewApiToken expiring = as(a.admin(), () -> tokens.create("expired", 1, false));
        jdbc.sql("update api_token set created_at = now() - interval '3 days', expires_at = now() - interval '1 day' where id = ?")
                .param(expiring.token().id()).update();
        add("A admin expired", expiring.secret(), null, false, true);
        AccountPrincipal leaver = newClinician(a);
        String leaversToken = token(leaver, false);
        as(a.admin(), () -> { accounts.setEnabled(leaver.accountId(), false); return null; });
        add("A disabled clinician", leaversToken, null, false, true);
        add("unknown token", ApiTokens.SECRET_PREFIX + "x".repeat(32), null, false, true);
        add("no token", null, null, false, true);
        clearSignIn();
    }

    private void add(String name, String token, Role role, boolean foreign, boolean invalid) {
        callers.put(name, new Caller(name, token, role, foreign, invalid));
    }

    private String token(AccountPrincipal user, boolean readOnly) throws Exception {
        return as(user, () -> tokens.create("matrix " + user.getUsername(), ApiTokens.DEFAULT_DAYS, readOnly).secret());
    }

    private AccountPrincipal newClinician(ClinicUsers clinic) throws Exception {
        String username = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        return as(clinic.admin(), () -> {
            var inv = accounts.invite(username, "Leaving User", Role.CLINICIAN);
            accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD);
            return (AccountPrincipal) users.loadUserByUsername(username);
        });
    }

    private void clearSignIn() { org.springframework.security.core.context.SecurityContextHolder.clearContext(); }

    @Test
    void everyApiEndpointAnswersEveryTokenAsItsRuleSays() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, EndpointMatrixTest.Rule> e : EndpointMatrixTest.MATRIX.entrySet()) {
            if (!e.getKey().contains(" /api/v1/")) continue;
            String[] methodAndPattern = e.getKey().split(" ", 2);
            List<String> urls = methodAndPattern[1].contains("{name}")
                    ? EndpointMatrixTest.EXPORTS.stream().map(n -> methodAndPattern[1].replace("{name}", n)).toList() : List.of(methodAndPattern[1]);
            for (String pattern : urls) {
                for (Caller caller : callers.values()) {
                    HttpResponse<byte[]> r = send(methodAndPattern[0], e.getKey(), fill(pattern), caller.token());
                    String problem = expectation(e.getValue(), caller, methodAndPattern[0], r);
                    if (problem != null) failures.add(caller.name() + " " + methodAndPattern[0] + " " + pattern + ": " + problem);
                    checked++;
                }
            }
        }
        assertThat(checked).as("endpoint × token checks").isGreaterThan(300);
        assertThat(failures).as("answers that break the matrix").isEmpty();
    }

    /** Null when the answer is right, else what is wrong with it. */
    private String expectation(EndpointMatrixTest.Rule rule, Caller caller, String method, HttpResponse<byte[]> r) {
        int status = r.statusCode();
        String body = new String(r.body(), StandardCharsets.UTF_8);
        String type = r.headers().firstValue("Content-Type").orElse("");
        boolean leaks = body.contains(PATIENT) || body.contains(FILE) || body.contains(video.storageName().toString());
        if (caller.invalid()) {
            if (status != 401) return status + " (expected 401) " + abbreviate(body);
            if (!type.startsWith("application/problem+json")) return "401 as " + type + ", not a problem detail";
            if (!r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) return "401 without WWW-Authenticate: Bearer";
            return leaks ? "401 that names clinic A's data" : null;
        }
        boolean clinician = caller.roleInA() != Role.VIEWER;
        boolean allowed = switch (rule) {
            case VIEWER, OWN_CLINIC, DOCS -> true;
            case CLINICIAN, CLINICIAN_OWN_CLINIC -> clinician;
            case ADMIN_OWN_CLINIC -> caller.roleInA() == Role.ADMIN;
            case PUBLIC -> true;
        };
        boolean clinicScoped = rule == EndpointMatrixTest.Rule.VIEWER || rule == EndpointMatrixTest.Rule.CLINICIAN;
        if (caller.foreign() && clinicScoped) {
            if (status != 404) return status + " (expected 404: another clinic's id) " + abbreviate(body);
        } else if (!allowed) {
            if (status != 403) return status + " (expected 403) " + abbreviate(body);
        } else {
            boolean ok = status / 100 == 2 || (!method.equals("GET") && status == 409) || (status == 503 && body.contains("being prepared"));
            if (!ok) return status + " (expected 2xx) " + abbreviate(body);
            return caller.foreign() && leaks ? "another clinic's answer names clinic A's data" : null;
        }
        if (!type.startsWith("application/problem+json")) return status + " as " + type + ", not a problem detail";
        return leaks ? status + " that names clinic A's data" : null;
    }

    @Test
    void aBearerTokenOpensOnlyTheApi_notThePagesNorTheOlderEndpoints() throws Exception {
        String token = callers.get("A admin").token();
        HttpResponse<byte[]> older = send("GET", "", "/api/videos/" + video.id() + "/analysis", token);
        assertThat(older.statusCode()).as("a token on /api/videos").isIn(302, 401);
        assertThat(new String(older.body(), StandardCharsets.UTF_8)).doesNotContain(PATIENT);
        HttpResponse<byte[]> page = send("GET", "", "/subjects/" + subject.id(), token);
        assertThat(page.statusCode()).as("a token on a page: sent to sign in").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<byte[]> api = send("GET", "", "/api/v1/subjects/" + subject.id(), token);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("Set-Cookie")).as("a bearer request makes no session").noneMatch(c -> c.contains("JSESSIONID"));
    }

    @Test
    void useIsAuditedOncePerTokenAndEndpointAMinute_andRevokingStopsATokenAtOnce() throws Exception {
        String token = as(a.viewer(), () -> tokens.create("poller", 30, false)).secret();
        long id = jdbc.sql("select id from api_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(token).query(Long.class).single();
        for (int i = 0; i < 5; i++) assertThat(send("GET", "", "/api/v1/videos/" + video.id() + "/analysis", token).statusCode()).isEqualTo(200);
        assertThat(send("GET", "", "/api/v1/videos/" + video.id() + "/metrics", token).statusCode()).isEqualTo(200);
        List<String> uses = jdbc.sql("select detail from audit_event where action = 'token_used' and detail like ? order by id")
                .param("API token " + id + ":%").query(String.class).list();
        assertThat(uses).containsExactly("API token " + id + ": GET /api/v1/videos/{id}/analysis", "API token " + id + ": GET /api/v1/videos/{id}/metrics");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'token_created' and detail like ?").param("API token " + id + " made%")
                .query(Long.class).single()).isEqualTo(1);
        // what it read is in the log as for the pages
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'viewed' and username = ? and video_id = ?")
                .param(a.viewer().getUsername()).param(video.id()).query(Long.class).single()).isPositive();

        as(a.viewer(), () -> { tokens.revoke(id); return null; });
        HttpResponse<byte[]> after = send("GET", "", "/api/v1/videos/" + video.id() + "/analysis", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("revoked");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'token_revoked' and detail = ?").param("API token " + id + " revoked")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDemotedUsersTokensAreDemotedWithThem_andATokenCannotMakeTokens() throws Exception {
        AccountPrincipal user = newClinician(a);
        String token = token(user, false);
        String url = "/api/v1/subjects";
        assertThat(send("POST", "POST /api/v1/subjects", url, token).statusCode()).isEqualTo(201);
        as(a.admin(), () -> { accounts.setRole(user.accountId(), Role.VIEWER); return null; });
        assertThat(send("POST", "POST /api/v1/subjects", url, token).statusCode()).as("after the demotion").isEqualTo(403);
        assertThat(send("GET", "", url, token).statusCode()).isEqualTo(200);
    }

    String fill(String pattern) {
        return pattern.replace("/subjects/{id}", "/subjects/" + subject.id()).replace("/sessions/{id}", "/sessions/" + session.id())
                .replace("{id}", String.valueOf(video.id()));
    }

    HttpResponse<byte[]> send(String method, String key, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) request.header("Authorization", "Bearer " + token);
        switch (key) {
            case "POST /api/v1/subjects" -> request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Token New\"}"));
            case "POST /api/v1/subjects/{id}/sessions" -> request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + LocalDate.now() + "\",\"exercise\":\"squat\"}"));
            case "POST /api/v1/sessions/{id}/videos" -> {
                Multipart body = Multipart.of("file", "upload.mp4", "video/mp4", upload);
                request.header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            }
            case "POST /api/v1/sessions/{id}/keypoints" -> {
                Multipart body = Multipart.of("file", "squat.trc", "text/plain", org.poseanalytics.web.TestKeypoints.squatTrc(40));
                request.header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            }
            default -> request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A multipart/form-data body with one file, as curl -F and Python's requests send it. */
    record Multipart(String contentType, byte[] bytes) {
        static Multipart of(String field, String fileName, String type, byte[] content) {
            String boundary = "----pa" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }

    private static String abbreviate(String s) { return s.length() > 160 ? s.substring(0, 160) + "…" : s; }
}
