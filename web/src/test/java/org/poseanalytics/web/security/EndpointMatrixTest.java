package org.poseanalytics.web.security;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.AccountPrincipal;
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
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The endpoint × role × foreign-clinic matrix (issue #15, item 9) over every Spring MVC mapping, as Spring has
 * registered them (so an endpoint added without a line here fails {@link #everyMappingIsInTheMatrix}), and over every
 * Vaadin route by URL for a caller without a session (the signed-in roles on the pages: {@code RouteAccessBrowserTest}).
 * Callers: anonymous, a viewer, a clinician and an admin of clinic A, and an admin of clinic B. Each answer is checked
 * for its status and, where refused, for carrying none of clinic A's data (patient name, file name, stored name).
 * The routes' test needs the frontend built (a run with {@code -Dvaadin.skip} has no route registry to check against).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointMatrixTest extends AppTestBase {
    static final String PATIENT = "Matrix Patient Ottoline";
    static final String FILE = "ottoline_knee.mp4";

    /** Who may call an endpoint. */
    enum Rule {
        /** any signed-in user of the video's clinic; another clinic gets 404 */
        VIEWER,
        /** clinicians and admins of the video's clinic; viewers 403; another clinic 404 */
        CLINICIAN,
        /** admins, each seeing only their own clinic's data */
        ADMIN_OWN_CLINIC,
        /** any signed-in user, each seeing only their own clinic's data (a list, a new record in their own clinic) */
        OWN_CLINIC,
        /** clinicians and admins, each acting in their own clinic; viewers 403 */
        CLINICIAN_OWN_CLINIC,
        /** the API's description and Swagger UI: any signed-in user (2xx or a redirect within the docs), no data */
        DOCS,
        /** anyone: Spring's error page, which carries no data */
        PUBLIC
    }

    /**
     * Every Spring MVC mapping (method and pattern, as Spring lists them) with its rule. Placeholders: {id} is clinic
     * A's video, {name} each export.
     */
    static final Map<String, Rule> MATRIX = new LinkedHashMap<>();
    static {
        MATRIX.put("GET /media/videos/{id}/thumbnail.jpg", Rule.VIEWER);
        MATRIX.put("GET /media/videos/{id}/file", Rule.VIEWER);
        MATRIX.put("GET /media/videos/{id}/playable.mp4", Rule.VIEWER);
        MATRIX.put("GET /api/videos/{id}/analysis", Rule.VIEWER);
        MATRIX.put("GET /api/videos/{id}/exports/{name}", Rule.VIEWER);
        // analyse again before cancel: the job the clinician queues is cancelled by the next line's callers
        MATRIX.put("POST /api/videos/{id}/analysis", Rule.CLINICIAN);
        MATRIX.put("POST /api/videos/{id}/analysis/cancel", Rule.CLINICIAN);
        MATRIX.put("GET /api/audit.csv", Rule.ADMIN_OWN_CLINIC);
        MATRIX.put("GET /api/subjects/{id}/fhir-bundle.json", Rule.VIEWER);
        // issue 18: the REST API; {id} is clinic A's subject, session or video as the path says
        MATRIX.put("GET /api/v1/subjects", Rule.OWN_CLINIC);
        MATRIX.put("POST /api/v1/subjects", Rule.CLINICIAN_OWN_CLINIC);
        MATRIX.put("GET /api/v1/subjects/{id}", Rule.VIEWER);
        MATRIX.put("GET /api/v1/subjects/{id}/sessions", Rule.VIEWER);
        MATRIX.put("POST /api/v1/subjects/{id}/sessions", Rule.CLINICIAN);
        MATRIX.put("GET /api/v1/subjects/{id}/progress", Rule.VIEWER);
        MATRIX.put("GET /api/v1/subjects/{id}/progress.csv", Rule.VIEWER);
        MATRIX.put("GET /api/v1/subjects/{id}/fhir", Rule.VIEWER);
        MATRIX.put("GET /api/v1/sessions", Rule.OWN_CLINIC);
        MATRIX.put("GET /api/v1/analyses", Rule.OWN_CLINIC);
        MATRIX.put("GET /api/v1/sessions/{id}", Rule.VIEWER);
        MATRIX.put("GET /api/v1/sessions/{id}/videos", Rule.VIEWER);
        MATRIX.put("POST /api/v1/sessions/{id}/videos", Rule.CLINICIAN);
        MATRIX.put("POST /api/v1/sessions/{id}/keypoints", Rule.CLINICIAN);
        MATRIX.put("GET /api/v1/videos/{id}", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/analysis", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/angles", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/angles.csv", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/metrics", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/metrics.csv", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/repetitions", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/repetitions.csv", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/keypoints", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/keypoints.csv", Rule.VIEWER);
        MATRIX.put("GET /api/v1/videos/{id}/exports/{name}", Rule.VIEWER);
        MATRIX.put("POST /api/v1/videos/{id}/analysis", Rule.CLINICIAN);
        MATRIX.put("POST /api/v1/videos/{id}/analysis/cancel", Rule.CLINICIAN);
        MATRIX.put("GET /api/v1/openapi.json", Rule.DOCS);
        MATRIX.put("GET /api/v1/openapi.json.yaml", Rule.DOCS);
        MATRIX.put("GET /api/v1/openapi.json/swagger-config", Rule.DOCS);
        MATRIX.put("GET /api/docs", Rule.DOCS);
        MATRIX.put("* /error", Rule.PUBLIC);
    }

    static final List<String> EXPORTS = List.of("report.pdf", "angles.csv", "metrics.csv", "angles.mot", "markers.trc", "points.csv");

    /** Every Vaadin route (by the class that declares it) and the URLs that reach it; which are open without signing in. */
    record Page(String[] urls, boolean anonymous) {}

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired AnalysisStore store;
    @Autowired WebApplicationContext context;
    @LocalServerPort int port;
    @TempDir static Path tmp;

    ClinicUsers a;
    ClinicUsers b;
    Subject subject;
    Session session;
    Video video;
    MockMvc mvc;

    @BeforeAll
    void twoClinics() throws Exception {
        a = newClinic("Matrix A");
        b = newClinic("Matrix B");
        signIn(a.clinician());
        subject = subjects.create(new SubjectDetails(PATIENT, null, null, null, InvolvedSide.NONE, null));
        session = sessions.create(subject.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        try (InputStream in = Files.newInputStream(TestVideos.mp4(tmp.resolve("m.mp4"), 160, 120, 10, 25))) {
            video = videos.store(session.id(), FILE, in);
        }
        store.save(a.admin().clinicId(), video.id(), UUID.randomUUID(), null, SyntheticResults.of(40, 33, 1, 2, 2));
        SecurityContextHolder.clearContext();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void everyMappingIsInTheMatrix() {
        Set<String> registered = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) registered.add("* " + pattern);
                    for (String m : methods) registered.add(m + " " + pattern);
                }
            }
        }
        assertThat(registered).as("Spring MVC mappings; add a new one to MATRIX with who may call it")
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
    }

    @Test
    void eachMappingAnswersEachCallerAsItsRuleSays() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Rule> e : MATRIX.entrySet()) {
            if (e.getValue() == Rule.PUBLIC) continue;
            String[] methodAndPattern = e.getKey().split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(methodAndPattern[0]);
            List<String> urls = e.getKey().contains("{name}")
                    ? EXPORTS.stream().map(n -> methodAndPattern[1].replace("{name}", n)).toList() : List.of(methodAndPattern[1]);
            for (String pattern : urls) {
                String url = fill(pattern);
                check(failures, method, url, null, e.getValue(), e.getKey());
                for (AccountPrincipal user : List.of(a.viewer(), a.clinician(), a.admin(), b.admin(), b.clinician())) {
                    check(failures, method, url, user, e.getValue(), e.getKey());
                }
            }
        }
        assertThat(failures).as("answers that break the matrix").isEmpty();
    }

    /** Clinic A's ids in a pattern: the subject's, the session's or the video's, as the path names them. */
    String fill(String pattern) {
        return pattern.replace("/subjects/{id}", "/subjects/" + subject.id()).replace("/sessions/{id}", "/sessions/" + session.id())
                .replace("{id}", String.valueOf(video.id()));
    }

    /** What an API write needs to pass its own checks, so that the answer shows the access rule, not a bad request. */
    org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request(HttpMethod method, String url, String key) throws Exception {
        return switch (key) {
            case "POST /api/v1/subjects" -> MockMvcRequestBuilders.post(url).contentType("application/json").content("{\"displayName\":\"Matrix New\"}");
            case "POST /api/v1/subjects/{id}/sessions" -> MockMvcRequestBuilders.post(url).contentType("application/json")
                    .content("{\"date\":\"" + LocalDate.now() + "\",\"exercise\":\"squat\"}");
            case "POST /api/v1/sessions/{id}/videos" -> MockMvcRequestBuilders.multipart(url)
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "upload.mp4", "video/mp4", Files.readAllBytes(smallVideo())));
            case "POST /api/v1/sessions/{id}/keypoints" -> MockMvcRequestBuilders.multipart(url)
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "squat.trc", "text/plain", org.poseanalytics.web.TestKeypoints.squatTrc(40)));
            default -> MockMvcRequestBuilders.request(method, url);
        };
    }

    private Path smallVideo() throws Exception {
        Path p = tmp.resolve("upload.mp4");
        if (!Files.exists(p)) TestVideos.mp4(p, 160, 120, 10, 25);
        return p;
    }

    private void check(List<String> failures, HttpMethod method, String url, AccountPrincipal user, Rule rule, String key) throws Exception {
        SecurityContextHolder.clearContext();
        var request = request(method, url, key);
        if (method != HttpMethod.GET) request.with(csrf());
        if (user != null) request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        int status = r.getStatus();
        String body = r.getContentAsString();
        boolean sameClinic = user != null && user.clinicId() == a.admin().clinicId();
        String who = (user == null ? "anonymous" : user.getUsername()) + " " + method + " " + url;
        String expected;
        boolean ok;
        if (user == null) {
            expected = "a redirect to sign in or 401";
            ok = (status == 302 && String.valueOf(r.getRedirectedUrl()).endsWith("/login")) || status == 401;
        } else if (rule == Rule.DOCS) {
            expected = "2xx, or a redirect within the docs";
            ok = status / 100 == 2 || (status == 302 && !String.valueOf(r.getRedirectedUrl()).endsWith("/login"));
        } else if (rule == Rule.OWN_CLINIC || rule == Rule.CLINICIAN_OWN_CLINIC) {
            boolean viewer = user.getAuthorities().stream().noneMatch(g -> g.getAuthority().equals("ROLE_CLINICIAN"));
            boolean refused = rule == Rule.CLINICIAN_OWN_CLINIC && viewer;
            expected = refused ? "403" : "2xx with only the caller's clinic";
            ok = refused ? status == 403 : status / 100 == 2 && (sameClinic || noData(body, r.getContentAsByteArray()));
        } else if (rule == Rule.ADMIN_OWN_CLINIC) {
            boolean admin = user.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_ADMIN"));
            expected = admin ? "200 with only the caller's clinic" : "403";
            ok = admin ? status == 200 && (sameClinic || !body.contains(a.clinician().getUsername())) : status == 403;
        } else if (!sameClinic) {
            expected = "404 (another clinic's id, as a missing one)";
            ok = status == 404;
        } else if (rule == Rule.CLINICIAN && user == a.viewer()) {
            expected = "403";
            ok = status == 403;
        } else {
            // allowed: 2xx; an action refused for the video's state (409: a job already queued) or a browser copy still
            // being made in the background (503 with its progress) has passed the access check
            expected = "allowed (2xx, 409 for an action the video's state refuses, 503 while its browser copy is made)";
            ok = status / 100 == 2 || (method != HttpMethod.GET && status == 409)
                    || (status == 503 && body.contains("being prepared for the browser"));
        }
        if (!(ok && (sameClinic && status / 100 == 2 || rule == Rule.DOCS || noData(body, r.getContentAsByteArray())))) {
            failures.add(who + ": " + status + " " + r.getRedirectedUrl() + " (expected " + expected + ") " + abbreviate(body));
        }
    }

    /** A refusal names nothing of clinic A's: not the patient, not the file, not where it is stored. */
    private boolean noData(String body, byte[] bytes) {
        return !body.contains(PATIENT) && !body.contains(FILE) && !body.contains(video.storageName().toString())
                && (bytes.length < 4 || !(bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8) && !new String(bytes, 0, 4).equals("%PDF"));
    }

    private static String abbreviate(String s) { return s.length() > 120 ? s.substring(0, 120) + "…" : s; }

    /** Every class with @Route or @RouteAlias, and the URL template of each, with clinic A's ids filled in. */
    @Test
    void everyVaadinRouteNeedsASignInUnlessMeantForStrangers() throws Exception {
        Map<String, Page> pages = Map.of(
                "org.poseanalytics.web.account.LoginView", new Page(new String[] {"/login"}, true),
                "org.poseanalytics.web.account.SetupView", new Page(new String[] {"/setup"}, true),
                "org.poseanalytics.web.account.InviteView", new Page(new String[] {"/invite/not-a-token"}, true),
                "org.poseanalytics.web.account.UsersView", new Page(new String[] {"/users"}, false),
                "org.poseanalytics.web.audit.AuditView", new Page(new String[] {"/audit"}, false),
                "org.poseanalytics.web.subject.SubjectsView", new Page(new String[] {"/", "/subjects"}, false),
                "org.poseanalytics.web.subject.SubjectView", new Page(new String[] {"/subjects/" + subject.id()}, false),
                "org.poseanalytics.web.session.SessionView", new Page(new String[] {"/sessions/" + session.id()}, false),
                "org.poseanalytics.web.analysis.AnalysisView", new Page(new String[] {"/analysis/" + video.id()}, false),
                "org.poseanalytics.web.progress.ProgressView", new Page(new String[] {"/subjects/" + subject.id() + "/progress"}, false));
        Map<String, Page> withCompare = new LinkedHashMap<>(pages);
        withCompare.put("org.poseanalytics.web.compare.CompareView", new Page(new String[] {"/compare/" + video.id() + "/" + video.id()}, false));
        withCompare.put("org.poseanalytics.web.account.ProfileView", new Page(new String[] {"/profile"}, false));
        withCompare.put("org.poseanalytics.web.recording.RecordingView", new Page(new String[] {"/multi-camera/" + session.id()}, false));
        withCompare.put("org.poseanalytics.web.share.ShareLinksView", new Page(new String[] {"/subjects/" + subject.id() + "/share"}, false));
        // the patient's shared link (issue 19): public, one path segment; the page itself checks the token
        withCompare.put("org.poseanalytics.web.share.SharedView", new Page(new String[] {"/share/not-a-token"}, true));
        assertThat(routeClasses()).as("Vaadin routes; add a new one here with its URL and whether strangers may open it")
                .containsExactlyInAnyOrderElementsOf(withCompare.keySet());

        HttpClient http = HttpClient.newHttpClient();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Page> page : withCompare.entrySet()) {
            for (String url : page.getValue().urls()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String location = r.headers().firstValue("Location").orElse("");
                boolean ok = page.getValue().anonymous() ? r.statusCode() == 200
                        : r.statusCode() == 302 && location.endsWith("/login") && !r.body().contains(PATIENT);
                if (!ok) failures.add(url + ": " + r.statusCode() + " " + location);
            }
        }
        assertThat(failures).as("pages over HTTP without a session").isEmpty();
    }

    static Set<String> routeClasses() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(com.vaadin.flow.router.Route.class));
        scan.addIncludeFilter(new AnnotationTypeFilter(com.vaadin.flow.router.RouteAlias.class));
        return scan.findCandidateComponents("org.poseanalytics.web").stream().map(d -> d.getBeanClassName())
                .filter(n -> !n.contains(".archfixture.")).collect(Collectors.toCollection(TreeSet::new));
    }
}
