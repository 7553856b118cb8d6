package org.poseanalytics.web.share;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.account.Tokens;
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
 * Sharing with the patient, in Chromium (issue 19): a clinician makes a report link with a PIN on the subject's share
 * page; with no session cookie the link asks for the PIN, refuses a wrong one, then shows that report alone (no menu, no
 * link into the app, nothing of another subject) on a phone-sized window; the view is audited without the token. The
 * link is then withdrawn and refused; a progress link is refused once its expiry is set in the past; five wrong PINs
 * lock a link.
 */
class ShareBrowserTest extends BrowserTest {
    static final String PATIENT = "Share Patient Rosalind";
    static final String OTHER = "Other Patient Bartholomew";

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired AnalysisStore store;
    @Autowired ShareLinks links;
    @TempDir Path tmp;

    @Test
    void aPatientOpensOnlyTheirReportWithThePinUntilWithdrawnOrExpired() throws Exception {
        String clinician = newClinicAdmin("Share Clinic", "Dr Amal Haddad");
        long clinicId = clinicOf(clinician);
        Subject subject = as(clinician, () -> subjects.create(new SubjectDetails(PATIENT, null, null, null, InvolvedSide.NONE, null)));
        Subject other = as(clinician, () -> subjects.create(new SubjectDetails(OTHER, null, null, null, InvolvedSide.NONE, null)));
        Session session = as(clinician, () -> sessions.create(subject.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null)));
        // A 7 s picture (the key frame is read from it) stored as an upload would be, with synthetic results.
        long videoId = storedClip(clinicId, session.id(), "rosalind_squat.mp4", 7);
        Video video = as(clinician, () -> videos.get(videoId));
        store.save(clinicId, videoId, UUID.randomUUID(), null, SyntheticResults.of(210, 33, 1, 2, 2));

        // The clinician makes a 14-day report link with a PIN and copies it.
        signInThroughPage(clinician);
        open("/subjects/" + subject.id());
        waitFor(By.id("to-share")).click();
        waitFor(By.id("share-links-title"));
        open("/subjects/" + subject.id() + "/share?video=" + video.id());
        waitFor(By.id("share-links-title"));
        assertThat((String) js("return document.getElementById('share-what').value ? document.getElementById('share-what').innerText : ''"))
                .contains("rosalind_squat.mp4");
        assertThat((String) js("return document.getElementById('share-days').value")).isEqualTo("14");
        type(find(By.id("share-new-pin")), "4321");
        find(By.id("share-create")).click();
        await(Duration.ofSeconds(20), d -> !"".equals(js("return (document.getElementById('share-url') || {}).value || ''")));
        String url = (String) js("return document.getElementById('share-url').value");
        assertThat(url).startsWith("http://localhost:" + port + "/share/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(token.length()).as("192 random bits in base64url").isGreaterThanOrEqualTo(32);
        waitForText(By.id("share-links"), "active");
        long reportLink = jdbc.sql("select id from share_link where subject_id = :s and video_id = :v").param("s", subject.id())
                .param("v", video.id()).query(Long.class).single();
        // Stored hashed: the token itself is nowhere in the table.
        assertThat(jdbc.sql("select token_hash from share_link where id = :id").param("id", reportLink).query(String.class).single())
                .isEqualTo(Tokens.sha256(token)).isNotEqualTo(token);
        assertThat(jdbc.sql("select (expires_at - created_at) between interval '13 days 23 hours' and interval '14 days 1 hour' from share_link where id = :id")
                .param("id", reportLink).query(Boolean.class).single()).isTrue();
        shot("share-01-created");

        // A fresh browser: no cookie, a phone's width.
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(url);
            waitForText(By.id("shared-title"), "Enter your PIN");
            assertThat(driver.getPageSource()).doesNotContain(PATIENT).doesNotContain("rosalind_squat");
            type(find(By.id("share-pin")), "1111");
            find(By.id("share-open")).click();
            await(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(js("return document.getElementById('share-pin').invalid")));
            type(find(By.id("share-pin")), "4321");
            find(By.id("share-open")).click();
            waitForText(By.id("shared-title"), "Session report");
            String page = find(By.id("shared-page")).getText();
            assertThat(page).contains(PATIENT).contains("Squat").contains("Main figures").doesNotContain(OTHER);
            assertThat(driver.findElements(By.id("shared-key-frame"))).hasSize(1);
            // Only that report: no app frame, no menu, no link anywhere.
            assertThat(((Number) js("return document.querySelectorAll('a, vaadin-side-nav, vaadin-app-layout, vaadin-drawer-toggle').length")).intValue()).isZero();
            assertThat(driver.findElements(By.id("signed-in-user"))).isEmpty();
            // Readable on a phone: nothing wider than the screen.
            assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue()).isLessThanOrEqualTo(0);
            shot("share-02-patient-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 1000));
        }
        assertThat(jdbc.sql("select failed_pins from share_link where id = :id").param("id", reportLink).query(Integer.class).single()).isZero();

        // Audited as the link, with a hashed client address, never the token.
        List<String> views = jdbc.sql("select username || ': ' || detail from audit_event where action = 'viewed' and account_id is null and subject_id = :s")
                .param("s", subject.id()).query(String.class).list();
        assertThat(views).singleElement().asString()
                .startsWith("share link " + reportLink + ": shared session report of video " + video.id())
                .containsPattern("client [0-9a-f]{16}$").doesNotContain(token);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like :t").param("t", "%" + token + "%").query(Long.class).single()).isZero();

        // Withdrawn by the clinician: the same link now answers the one refusal page.
        signInThroughPage(clinician);
        open("/subjects/" + subject.id() + "/share");
        WebElement withdraw = waitFor(By.id("revoke-" + reportLink));
        js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", withdraw);
        withdraw.click();
        waitForText(By.id("share-links"), "withdrawn");
        driver.manage().deleteAllCookies();
        driver.get(url);
        waitForText(By.id("shared-title"), "This link has expired or was withdrawn");
        assertThat(driver.getPageSource()).doesNotContain(PATIENT);
        assertThat(driver.findElements(By.id("share-pin"))).isEmpty();

        // A progress link without a PIN opens directly, and is refused once expired.
        CreatedShareLink progress = as(clinician, () -> links.create(subject.id(), null, 14, ""));
        open("/" + progress.path());
        waitForText(By.id("shared-title"), "Progress");
        assertThat(find(By.id("shared-page")).getText()).contains(PATIENT).doesNotContain(OTHER);
        jdbc.sql("update share_link set expires_at = now() - interval '1 minute' where id = :id").param("id", progress.link().id()).update();
        open("/" + progress.path());
        waitForText(By.id("shared-title"), "This link has expired or was withdrawn");
        assertThat(driver.getPageSource()).doesNotContain(PATIENT);

        // A token never issued gets the same page.
        open("/share/" + Tokens.newToken());
        waitForText(By.id("shared-title"), "This link has expired or was withdrawn");

        // Five wrong PINs lock the link, the right one included afterwards.
        CreatedShareLink guarded = as(clinician, () -> links.create(subject.id(), video.id(), 3, "9876"));
        open("/" + guarded.path());
        for (int i = 0; i < ShareLinks.MAX_FAILED_PINS; i++) {
            waitFor(By.id("share-pin"));
            type(find(By.id("share-pin")), "000" + i);
            find(By.id("share-open")).click();
            if (i < ShareLinks.MAX_FAILED_PINS - 1) {
                await(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(js("return document.getElementById('share-pin').invalid")));
            }
        }
        waitForText(By.id("shared-title"), "This link is locked");
        open("/" + guarded.path());
        waitForText(By.id("shared-title"), "This link is locked");
        assertThat(links.checkPin(links.find(guarded.token()).orElseThrow(), "9876")).isEqualTo(PinCheck.LOCKED);
    }
}
