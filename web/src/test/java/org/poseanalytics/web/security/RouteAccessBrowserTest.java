package org.poseanalytics.web.security;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.AccountService;
import org.poseanalytics.web.account.Invitation;
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
import org.poseanalytics.web.testing.BrowserTest;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Vaadin route by URL in a real browser, for a viewer, a clinician and an admin of clinic A and an admin of clinic
 * B (issue #15, item 9; strangers without a session: {@link EndpointMatrixTest}). A role too low for a page gets Vaadin's
 * "Page not found"; clinic B gets "Not found" for clinic A's records and sees no name of A's anywhere; each page that
 * shows a subject's data leaves a "viewed" entry in clinic A's audit log, and B's attempts leave none.
 */
class RouteAccessBrowserTest extends BrowserTest {
    static final String PATIENT = "Route Patient Wilhelmina";

    @Autowired AccountService accounts;
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired AnalysisStore store;
    @TempDir Path tmp;

    /** What the signed-in user should see. */
    enum Sees { PAGE, PAGE_NOT_FOUND, RECORD_NOT_FOUND }

    @Test
    void eachRoleSeesWhatItMayAndAnotherClinicNothing() throws Exception {
        String adminA = newClinicAdmin("Routes A", "Admin A");
        String adminB = newClinicAdmin("Routes B", "Admin B");
        String viewerA = adminA + "-viewer", clinicianA = adminA + "-clinician";
        as(adminA, () -> {
            for (var u : Map.of(viewerA, Role.VIEWER, clinicianA, Role.CLINICIAN).entrySet()) {
                Invitation inv = accounts.invite(u.getKey(), "User " + u.getValue(), u.getValue());
                accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD);
            }
            return null;
        });
        Subject subject = as(adminA, () -> subjects.create(new SubjectDetails(PATIENT, null, null, null, InvolvedSide.NONE, null)));
        Session session = as(adminA, () -> sessions.create(subject.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null)));
        Path mp4 = TestVideos.mp4(tmp.resolve("r.mp4"), 160, 120, 10, 25);
        Video video = as(adminA, () -> {
            try (InputStream in = Files.newInputStream(mp4)) {
                return videos.store(session.id(), "wilhelmina.mp4", in);
            }
        });
        long clinicA = jdbc.sql("select clinic_id from subject where id = ?").param(subject.id()).query(Long.class).single();
        store.save(clinicA, video.id(), UUID.randomUUID(), null, SyntheticResults.of(40, 33, 1, 2, 2));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "subjects");
        pages.put("/subjects", "subjects");
        pages.put("/subjects/" + subject.id(), "record");
        pages.put("/sessions/" + session.id(), "record");
        pages.put("/multi-camera/" + session.id(), "record");
        pages.put("/analysis/" + video.id(), "record");
        pages.put("/subjects/" + subject.id() + "/progress", "record");
        pages.put("/compare/" + video.id() + "/" + video.id(), "record");
        pages.put("/subjects/" + subject.id() + "/share", "record");
        pages.put("/share/not-a-token", "public");
        pages.put("/users", "admin");
        pages.put("/audit", "admin");
        pages.put("/profile", "subjects"); // every signed-in user's own tokens; no subject's data

        List<String> failures = new ArrayList<>();
        for (String user : List.of(viewerA, clinicianA, adminA, adminB)) {
            driver.manage().deleteAllCookies();
            signInThroughPage(user);
            boolean admin = user.equals(adminA) || user.equals(adminB);
            boolean foreign = user.equals(adminB);
            for (var page : pages.entrySet()) {
                Sees expected = switch (page.getValue()) {
                    case "admin" -> admin ? Sees.PAGE : Sees.PAGE_NOT_FOUND;
                    case "record" -> foreign ? Sees.RECORD_NOT_FOUND : Sees.PAGE;
                    default -> Sees.PAGE;
                };
                open(page.getKey()); // a page the role may not open is Vaadin's bare "Page not found", without the app's frame
                String heading = heading();
                String source = driver.getPageSource();
                Sees seen = heading.equals("Page not found") ? Sees.PAGE_NOT_FOUND : heading.equals("Not found") ? Sees.RECORD_NOT_FOUND : Sees.PAGE;
                boolean namesA = source.contains(PATIENT) || source.contains("wilhelmina.mp4");
                // The patient's shared page (issue 19) is public and shows nothing but its refusal: no frame, no link.
                if (page.getValue().equals("public") && (!heading.equals("This link has expired or was withdrawn") || namesA
                        || ((Number) js("return document.querySelectorAll('a, vaadin-side-nav, vaadin-app-layout').length")).intValue() > 0)) {
                    failures.add(user + " " + page.getKey() + ": the public shared page showed “" + heading + "” or more than its message");
                }
                boolean shouldName = !foreign && page.getValue().equals("record");
                if (seen != expected || (foreign && namesA) || (shouldName && !namesA)) {
                    failures.add(user + " " + page.getKey() + ": saw " + seen + " (“" + heading + "”), expected " + expected
                            + (foreign && namesA ? ", and clinic A's names are on the page" : "")
                            + (shouldName && !namesA ? ", and the page does not show the subject" : ""));
                }
            }
        }
        // Without any session the shared page is open and still shows only its message.
        driver.manage().deleteAllCookies();
        open("/share/not-a-token");
        assertThat(heading()).isEqualTo("This link has expired or was withdrawn");
        assertThat(((Number) js("return document.querySelectorAll('a, vaadin-side-nav, vaadin-app-layout').length")).intValue()).isZero();
        assertThat(failures).as("pages that break the matrix").isEmpty();

        // Each page with the subject's data was audited for each of A's users; B's attempts left nothing.
        List<String> details = jdbc.sql("select username || ': ' || detail from audit_event where action = 'viewed' and subject_id = ?")
                .param(subject.id()).query(String.class).list();
        for (String user : List.of(viewerA, clinicianA, adminA)) {
            assertThat(details).as(user).contains(user + ": subject page", user + ": session " + session.id() + " page",
                    user + ": multi-camera page of session " + session.id(),
                    user + ": analysis page of video " + video.id(), user + ": progress page", user + ": share links page",
                    user + ": compare page of videos " + video.id() + " and " + video.id());
        }
        assertThat(details).noneMatch(d -> d.startsWith(adminB + ":"));
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and subject_id is not null").param(adminB)
                .query(Long.class).single()).isZero();
    }

    /** The page's first heading once Vaadin has rendered the route (or its error view). */
    private String heading() {
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d -> !d.findElements(By.tagName("h2")).isEmpty());
        return driver.findElements(By.tagName("h2")).getFirst().getText().trim();
    }
}
