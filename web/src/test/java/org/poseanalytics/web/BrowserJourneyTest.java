package org.poseanalytics.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poseanalytics.web.account.SetupService;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.account.SetupService;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.testing.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new user's first visit, in Debian's Chromium driven through chromedriver: first-run setup with the token
 * from the data directory, sign in, a subject, a session, a rejected and an accepted upload with metadata and
 * thumbnail, another clinic's subject out of reach, the audit log, erasure, sign out. Screenshots go to
 * web/target/screenshots. Skipped without chromium/chromedriver, except under CI=true where that is a failure.
 *
 * <p>First run means an empty database: this class runs before the other browser tests, which share its app.
 */
@Order(1)
class BrowserJourneyTest extends BrowserTest {
    @Autowired SetupService setup;
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;

    @Test
    void aNewClinicGoesFromSetupToAStoredVideo() throws Exception {
        assertThat(setup.isSetupNeeded()).as("the first-run journey needs the shared browser-test database still without a clinic: "
                + "it must run before the other browser tests (@Order(1) with junit-platform.properties' class order)").isTrue();
        driver.manage().window().setSize(new Dimension(1280, 900));
        // The token is required and exact.
        assertThatThrownBy(() -> setup.setUp("wrong", "X", "X", "x", PASSWORD, PASSWORD)).isInstanceOf(UserInputException.class);
        Path tokenFile = DATA.resolve("setup-token.txt");
        String token = Files.readString(tokenFile).trim();

        open("/");
        WebElement tokenField = waitFor(By.id("setup-token"));
        shot("01-setup");
        type(tokenField, token);
        type(waitFor(By.id("clinic-name")), "Riverside Physio");
        type(waitFor(By.id("admin-name")), "Dr. Ana Silva");
        type(waitFor(By.id("admin-username")), "ana@riverside.example");
        type(waitFor(By.id("admin-password")), PASSWORD);
        type(waitFor(By.id("admin-password-repeat")), PASSWORD);
        waitFor(By.id("create-clinic")).click();

        WebElement loginForm = waitFor(By.tagName("vaadin-login-form"));
        assertThat(tokenFile).doesNotExist();
        assertThatThrownBy(() -> setup.setUp(token, "Again", "X", "x2", PASSWORD, PASSWORD)).isInstanceOf(UserInputException.class);

        // A wrong password is refused with a message.
        signIn("ana@riverside.example", "not the password");
        waitForText(By.tagName("vaadin-login-form"), "not right");
        shot("02-login-error");
        signIn("ana@riverside.example", PASSWORD);

        waitFor(By.id("new-subject"));
        waitForText(By.tagName("body"), "No athletes or patients yet");
        assertThat(waitFor(By.id("signed-in-user")).getText()).contains("Dr. Ana Silva").contains("Clinic admin");
        shot("03-subjects-empty");

        waitFor(By.id("new-subject")).click();
        type(waitFor(By.id("subject-name")), "Jonas Berg");
        type(waitFor(By.id("subject-sport")), "ACL reconstruction, left");
        // A European birth date: the field says which forms it takes; no such day is refused under the date itself.
        WebElement birth = waitFor(By.id("subject-birth-date"));
        assertThat((String) js("return arguments[0].helperText", birth)).contains("14.03.2026").contains("day first");
        type(birth, "31.02.1990");
        birth.findElement(By.tagName("input")).sendKeys(Keys.ENTER);
        waitFor(By.id("save-subject")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js("return arguments[0].invalid", birth)));
        String error = (String) js("return arguments[0].errorMessage", birth);
        assertThat(error).as("error under the birth date").contains("day first");
        assertThat((Boolean) js("return !!document.getElementById('subject-name').invalid")).as("the name field is not blamed").isFalse();
        shot("04a-birth-date-refused");
        type(birth, "14.03.1990");
        birth.findElement(By.tagName("input")).sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "1990-03-14".equals(js("return arguments[0].value", birth)));
        assertThat((Boolean) js("return arguments[0].invalid", birth)).isFalse();
        waitFor(By.id("save-subject")).click();
        waitForText(By.id("subject-title"), "Jonas Berg");
        assertThat(jdbc.sql("select birth_date from subject where display_name = 'Jonas Berg'").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(1990, 3, 14));
        waitForText(By.tagName("body"), "No sessions yet");
        shot("04-subject");

        waitFor(By.id("new-session")).click();
        WebElement exercise = waitFor(By.id("session-exercise"));
        type(exercise, "Sit-to-stand");
        exercise.findElement(By.tagName("input")).sendKeys(Keys.ENTER);
        waitFor(By.id("save-session")).click();
        waitForText(By.id("session-title"), "Sit-to-stand");
        waitForText(By.tagName("body"), "No videos in this session yet");
        shot("05-session-empty");

        // A text file named .mp4 is refused with a reason; nothing is stored.
        Path work = Files.createTempDirectory("pa-browser-files-");
        Path fake = Files.writeString(work.resolve("notes.mp4"), "not a video\n".repeat(50), StandardCharsets.UTF_8);
        uploadInput().sendKeys(fake.toString());
        waitForText(By.tagName("vaadin-notification-card"), "was not stored");
        shot("06-upload-rejected");
        assertThat(jdbc.sql("select count(*) from video").query(Integer.class).single()).isZero();

        assertThat(waitFor(By.tagName("vaadin-notification-card")).getText()).doesNotContain("/tmp").doesNotContain("avformat");
        Path video = TestVideos.mp4(work.resolve("sit to stand.mp4"), 320, 240, 50, 25);
        WebElement input = uploadInput();
        js("arguments[0].value = '';", input); // else chromedriver sends notes.mp4 again
        input.sendKeys(video.toString());
        WebElement metadata = waitFor(By.className("video-metadata"));
        assertThat(metadata.getText()).contains("320 × 240").contains("25.0 fps (constant)").contains("mpeg4");
        assertThat(waitFor(By.id("videos")).getText()).contains("sit to stand.mp4").contains("Uploaded");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) js(
                "const i = document.querySelector('.video-card img'); return i != null && i.complete && i.naturalWidth > 0;"));
        shot("07-session-with-video");
        js("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false);");
        Thread.sleep(500);
        shot("07b-session-with-video-quiet");

        // Another clinic's subject is out of reach by URL.
        long otherSubject = otherClinicSubject();
        open("/subjects/" + otherSubject);
        waitFor(By.id("not-found"));
        shot("08-other-clinic-not-found");

        open("/audit");
        WebElement audit = waitFor(By.id("audit"));
        waitForText(By.id("audit"), "uploaded");
        waitForText(By.id("audit"), "viewed");
        shot("09-audit");

        // Erasure: subject, session, video row and files.
        open("/");
        waitForText(By.id("subjects"), "Jonas Berg");
        long subjectId = jdbc.sql("select id from subject where display_name = 'Jonas Berg'").query(Long.class).single();
        open("/subjects/" + subjectId);
        waitFor(By.id("delete-subject")).click();
        WebElement confirm = waitFor(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], vaadin-confirm-dialog vaadin-button[slot='confirm-button']"));
        shot("10-confirm-erasure");
        confirm.click();
        waitForText(By.tagName("body"), "No athletes or patients yet");
        assertThat(jdbc.sql("select count(*) from video").query(Integer.class).single()).isZero();
        try (Stream<Path> files = Files.list(DATA.resolve("videos"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }

        waitFor(By.id("sign-out")).click();
        waitFor(By.tagName("vaadin-login-form"));
        open("/");
        waitFor(By.tagName("vaadin-login-form"));
        shot("11-signed-out");
    }

    private long otherClinicSubject() throws Exception {
        String otherAdmin = newClinicAdmin("Other Clinic", "Other Admin");
        return as(otherAdmin, () -> {
            Subject s = subjects.create(new SubjectDetails("Someone Else", null, LocalDate.of(1980, 1, 1), null, InvolvedSide.NONE, null));
            sessions.create(s.id(), new SessionDetails(LocalDate.now(), Exercise.GAIT, null));
            return s.id();
        });
    }
}
