package org.poseanalytics.loadtest;

import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue #17, item 4: 20 uploads at once (each analysed by the app's job runner afterwards) and 50 viewers browsing the
 * pages and the REST API while those analyses run, bounded in time. Passes when the 95th percentile of page views and of
 * API calls is under 1 s, no request fails, and every upload ends stored and analysed or still queued or running (never
 * failed, cancelled or missing).
 *
 * <p>A "page view" is what a browser opening the URL costs the server: the document (Vaadin's bootstrap page, through
 * the security filters) plus the request in which Vaadin builds the view on the server ({@code ?v-r=init}: the route's
 * {@code beforeEnter}, its queries and the audit entry, answered as the UI's JSON). Static resources (the frontend bundle,
 * cached by browsers) and the server push connection (a page's live job progress) are not requested: see
 * docs/BENCHMARKS.md, "Server under load", for what is and is not covered.
 */
public class ServerUnderLoadSimulation extends Simulation {
    private static final LoadConfig CFG = LoadConfig.fromSystemProperties();
    private static final LoadSeed.Seeded SEED = seed();
    /** Uploads poll their analysis until this moment (nanoTime), then say where it stands. */
    private static final long UPLOADS_DEADLINE = System.nanoTime() + CFG.view().toNanos();

    private static LoadSeed.Seeded seed() {
        try {
            LoadSeed.Seeded s = LoadSeed.seed(CFG);
            System.out.println("load test seeded: " + LoadSeed.describe(s));
            return s;
        } catch (Exception e) {
            throw new IllegalStateException("seeding the app under test failed: " + e.getMessage(), e);
        }
    }

    HttpProtocolBuilder protocol = http.baseUrl(CFG.baseUrl().toString())
            .acceptLanguageHeader("en")
            .userAgentHeader("pose-analytics load test (Gatling)")
            .shareConnections();

    /** One page view: the document, Vaadin's UI for it, then the view built on the server (see the class comment). */
    static ChainBuilder page(String name, String route, String expected) {
        return group("pages").on(group(name).on(
                exec(http(name + ": document").get("/" + route).check(status().is(200)))
                        .exec(http(name + ": ui").get("/")
                                .queryParam("v-r", "init").queryParam("location", route).queryParam("query", "")
                                .check(status().is(200),
                                        jsonPath("$.appConfig['v-uiId']").ofInt().saveAs("uiId"),
                                        jsonPath("$.appConfig.uidl['Vaadin-Security-Key']").saveAs("uiKey")))
                        // what the browser's router sends next: Vaadin runs the route's beforeEnter (queries, audit) here
                        .exec(http(name + ": view").post("/").queryParam("v-r", "uidl").queryParam("v-uiId", "#{uiId}")
                                .header("Content-Type", "application/json; charset=UTF-8")
                                .body(StringBody("{\"csrfToken\":\"#{uiKey}\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                                        + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                                        + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0,\"usr\":null},\"trigger\":\"\"}}],"
                                        + "\"syncId\":0,\"clientId\":0}"))
                                .check(status().is(200), substring("\"changes\""), substring(expected),
                                        // an error page is a failed view, even though Vaadin answers 200
                                        substring("Page not found").notExists(), substring("\"Not found\"").notExists(),
                                        substring("Not allowed").notExists(), substring("Something went wrong").notExists(),
                                        substring("exception while trying to navigate").notExists()))));
    }

    /** One REST call with the viewer's own read-only token. */
    static ChainBuilder api(String name, String path) {
        return group("api").on(exec(http("api: " + name).get(path).header("Authorization", "Bearer #{token}")
                .check(status().is(200))));
    }

    ChainBuilder signIn = group("sign-in").on(
            exec(http("sign-in: page").get("/login").check(status().is(200),
                    regex("name=\"_csrf\" content=\"([^\"]+)\"").saveAs("csrf")))
                    .exec(http("sign-in: post").post("/login")
                            .formParam("username", "#{username}").formParam("password", "#{password}")
                            .formParam("_csrf", "#{csrf}")
                            .check(status().is(200), currentLocation().not(CFG.url("/login?error")))));

    ScenarioBuilder viewers = scenario("50 viewers browse pages and the API")
            .feed(viewerFeeder())
            .exec(signIn)
            .during(CFG.view()).on(
                    page("subjects", "", "Load progress subject").pause(2, 5)
                            .exec(page("subject", "subjects/#{progressSubject}", "Share with the patient")).pause(2, 5)
                            .exec(page("progress, 1000 sessions", "subjects/#{progressSubject}/progress", "Progress of Load progress subject")).pause(2, 5)
                            .exec(api("progress, 1000 sessions", "/api/v1/subjects/#{progressSubject}/progress" + CFG.progressQuery())).pause(2, 5)
                            .exec(api("sessions of a subject", "/api/v1/subjects/#{progressSubject}/sessions?size=50")).pause(2, 5)
                            .exec(page("analysis", "analysis/#{analysedVideo}", "Load progress subject")).pause(2, 5)
                            .exec(api("analysis state", "/api/v1/videos/#{analysedVideo}/analysis"))
                            .exec(api("metrics", "/api/v1/videos/#{analysedVideo}/metrics"))
                            .exec(api("angles", "/api/v1/videos/#{analysedVideo}/angles")).pause(2, 5)
                            .exec(session -> session.set("uploadSession", randomOf(session.getList("uploadSessions"))))
                            .exec(page("session being uploaded to", "sessions/#{uploadSession}", "Load upload subject")).pause(2, 5)
                            .exec(api("videos of a session being uploaded to", "/api/v1/sessions/#{uploadSessions.random()}/videos")).pause(2, 5)
                            .exec(page("progress, subject being uploaded to", "subjects/#{uploadSubject}/progress", "Progress of Load upload subject")).pause(2, 5)
                            .exec(api("subjects", "/api/v1/subjects?size=50")).pause(2, 5));

    ScenarioBuilder uploads = scenario("20 uploads at once")
            .feed(uploadFeeder())
            .exec(group("uploads").on(exec(http("upload").post("/api/v1/sessions/#{uploadSession}/videos")
                    .header("Authorization", "Bearer #{token}")
                    .bodyPart(RawFileBodyPart("file", CFG.video().toString()).fileName("squat.mp4").contentType("video/mp4"))
                    .check(status().is(201), jsonPath("$.id").ofLong().saveAs("video")))))
            // a refused upload (already a failed request above) has nothing to follow: count it, and go no further
            .doIfOrElse(session -> session.contains("video")).then(
                    exec(session -> session.set("state", "queued"))
                            // while the viewers browse: the upload's analysis progress, as its page or a script follows it
                            .asLongAs(session -> List.of("queued", "running").contains(session.getString("state"))
                                    && System.nanoTime() < UPLOADS_DEADLINE).on(
                                    pause(5).exec(group("api").on(exec(http("api: analysis progress of an upload")
                                            .get("/api/v1/videos/#{video}/analysis").header("Authorization", "Bearer #{token}")
                                            .check(status().is(200), jsonPath("$.state").saveAs("state"))))))
                            // no lost upload: stored, and analysed or still waiting its turn (one job runs at a time by default)
                            .exec(group("upload kept").on(
                                    exec(http("upload kept: video stored").get("/api/v1/videos/#{video}").header("Authorization", "Bearer #{token}")
                                            .check(status().is(200)))
                                            .exec(http("upload kept: analysed, running or queued").get("/api/v1/videos/#{video}/analysis")
                                                    .header("Authorization", "Bearer #{token}")
                                                    .check(status().is(200), jsonPath("$.state").in("succeeded", "running", "queued").saveAs("state"))))))
            .orElse(exec(session -> session.set("state", "upload refused")))
            .exec(session -> {
                UPLOAD_STATES.computeIfAbsent(session.getString("state"), k -> new AtomicInteger()).incrementAndGet();
                return session;
            });

    private static final Map<String, AtomicInteger> UPLOAD_STATES = new java.util.concurrent.ConcurrentHashMap<>();

    {
        setUp(uploads.injectOpen(atOnceUsers(CFG.uploads())),
                // sign-ins (bcrypt) spread over 10 s, as a clinic's staff do not all press Enter in the same second
                viewers.injectOpen(rampUsers(CFG.viewers()).during(Duration.ofSeconds(10))))
                .protocols(protocol)
                .maxDuration(CFG.view().plus(Duration.ofMinutes(5)))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("pages").responseTime().percentile(95.0).lt(1000),
                        details("api").responseTime().percentile(95.0).lt(1000));
    }

    @Override
    public void after() {
        System.out.println("uploads at the end, by analysis state: " + UPLOAD_STATES);
    }

    private static Object randomOf(List<Object> items) {
        return items.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(items.size()));
    }

    private static Iterator<Map<String, Object>> viewerFeeder() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (LoadSeed.Viewer v : SEED.viewers()) {
            records.add(Map.of("username", v.username(), "password", v.password(), "token", v.token(),
                    "progressSubject", SEED.progressSubject(), "analysedVideo", SEED.analysedVideo(),
                    "uploadSubject", SEED.uploadSubject(), "uploadSessions", SEED.uploadSessions()));
        }
        return records.iterator();
    }

    private static Iterator<Map<String, Object>> uploadFeeder() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (long s : SEED.uploadSessions()) records.add(Map.of("uploadSession", s, "token", SEED.clinicianToken()));
        return records.iterator();
    }
}
