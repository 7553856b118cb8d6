package org.poseanalytics.web.keypoints;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.TestKeypoints;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.testing.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach uploads a Sports2D-style .trc of three synthetic squats (knees to 90°) on the session page, without a video,
 * in Debian's Chromium: first three bad files (not a keypoint file, an archive naming a path outside itself, one over the
 * size limit), each refused with its reason and nothing stored; then the .trc, whose job runs like a video's; its
 * analysis page says there is no video, has no player, renders the angle chart and lists three repetitions peaking at
 * 90° (± 2°). Screenshots: web/target/screenshots/keypoints-*.png.
 */
class KeypointUploadBrowserTest extends BrowserTest {
    private static final Pattern DEGREES = Pattern.compile("^(\\d+(?:\\.\\d+)?)°$");

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;

    @Test
    void aTrcWithoutVideoIsAnalysedAndBadFilesAreRefused() throws Exception {
        String username = newClinicAdmin("Keypoint Clinic", "Coach Ada Brennan");
        Session session = as(username, () -> {
            Subject athlete = subjects.create(new SubjectDetails("Tomas Varga", null, null, "Squat", InvolvedSide.NONE, null));
            return sessions.create(athlete.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        });
        Path work = Files.createTempDirectory("pa-keypoints-");
        Path notKeypoints = Files.writeString(work.resolve("notes.json"), "these are my notes, not keypoints\n", StandardCharsets.UTF_8);
        Path traversal = Files.write(work.resolve("openpose.zip"), TestKeypoints.zip(Map.of("../../../evil_000000000000_keypoints.json",
                "{\"people\":[]}".getBytes(StandardCharsets.UTF_8))));
        Path tooLarge = Files.write(work.resolve("big.json"), new byte[(2 << 20) + 1]);
        Path trc = Files.write(work.resolve("squat_Sports2D.trc"), TestKeypoints.squatTrc());

        signInThroughPage(username);
        open("/sessions/" + session.id());
        waitFor(By.cssSelector("#keypoint-upload-panel vaadin-details-summary")).click();
        waitFor(By.id("keypoint-upload"));
        shot("keypoints-01-panel");

        for (var bad : List.of(Map.entry(notKeypoints, "is not a keypoint file we can read"),
                Map.entry(traversal, "points outside the archive"), Map.entry(tooLarge, "Keypoint files up to 2.0 MB"))) {
            closeNotifications();
            keypointInput().sendKeys(bad.getKey().toString());
            waitForText(By.tagName("vaadin-notification-card"), bad.getValue());
            String said = find(By.tagName("vaadin-notification-card")).getText();
            assertThat(said).contains(bad.getKey().getFileName().toString()).doesNotContain(DATA.toString()).doesNotContain("/tmp");
            assertThat(jdbc.sql("select count(*) from keypoint_file where session_id = :s").param("s", session.id()).query(Integer.class).single())
                    .as("nothing stored of " + bad.getKey().getFileName()).isZero();
            assertThat(jdbc.sql("select count(*) from video where session_id = :s").param("s", session.id()).query(Integer.class).single()).isZero();
        }
        shot("keypoints-02-refused");

        closeNotifications();
        keypointInput().sendKeys(trc.toString());
        waitFor(By.className("keypoints-only"));
        assertThat(waitFor(By.id("videos")).getText()).contains("squat_Sports2D.trc").contains("Keypoints without a video");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'uploaded' and detail like 'keypoint file %without a video'")
                .query(Integer.class).single()).as("the upload is audited").isPositive();
        shot("keypoints-03-stored");
        closeNotifications();
        js("arguments[0].scrollIntoView({block: 'center'})", find(By.className("open-analysis")));
        find(By.className("open-analysis")).click();
        new WebDriverWait(driver, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.id("analysis-title")).isEmpty());

        assertThat(waitFor(By.id("no-video")).getText()).contains("No video").contains("squat_Sports2D.trc").contains("imported-trc");
        assertThat(driver.findElements(By.id("analysis-player"))).as("no player without a video").isEmpty();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> (Boolean) js(
                "return document.querySelector('#angle-chart').dataset.rendered === 'true' && document.querySelector('#angle-chart canvas') != null"));
        waitFor(By.id("repetitions"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) js(
                "return document.querySelector('#repetitions').shadowRoot.querySelectorAll('tbody#items tr').length")).intValue() == TestKeypoints.SQUATS);
        // The Peak column: the 4th of each row.
        @SuppressWarnings("unchecked")
        List<String> peaks = (List<String>) js("""
                const rows = document.querySelector('#repetitions').shadowRoot.querySelectorAll('tbody#items tr');
                return [...rows].map(r => { const cell = r.querySelectorAll('td')[3]; const slot = cell.querySelector('slot');
                    const content = slot && slot.assignedElements()[0]; return content ? content.textContent.trim() : ''; });""");
        System.out.println("Peaks on the page: " + peaks);
        assertThat(peaks).hasSize(TestKeypoints.SQUATS).allSatisfy(text -> {
            Matcher m = DEGREES.matcher(text);
            assertThat(m.matches()).as("a peak in degrees: " + text).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isBetween(TestKeypoints.PEAK_KNEE_DEG - 2, TestKeypoints.PEAK_KNEE_DEG + 2);
        });
        js("document.getElementById('repetitions').scrollIntoView()");
        shot("keypoints-04-analysis");
    }

    private WebElement keypointInput() {
        WebElement input = waitFor(By.id("keypoint-upload")).getShadowRoot().findElement(By.cssSelector("input[type='file']"));
        js("arguments[0].value = '';", input); // else chromedriver sends the previous file again
        return input;
    }

    private void closeNotifications() throws InterruptedException {
        js("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false);");
        Thread.sleep(300);
    }
}
