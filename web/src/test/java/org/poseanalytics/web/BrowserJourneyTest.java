package org.poseanalytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.clinic.ClinicService;
import org.poseanalytics.web.session.Exercise;
import org.poseanalytics.web.session.SessionDetails;
import org.poseanalytics.web.session.SessionService;
import org.poseanalytics.web.setup.SetupService;
import org.poseanalytics.web.subject.Side;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new user's first visit, in Debian's Chromium driven through chromedriver: first-run setup with the token
 * from the data directory, sign in, a subject, a session, a rejected and an accepted upload with metadata and
 * thumbnail, another clinic's subject out of reach, the audit log, erasure, sign out. Screenshots go to
 * web/target/screenshots. Skipped without chromium/chromedriver, except under CI=true where that is a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTest {
    static final Path DATA = AppTestBase.tempDir("pa-browser-");
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "a good long password";

    static WebDriver driver;
    static Path userDataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pose.data-dir", DATA::toString);
        registry.add("pose.upload.max-size", () -> "8MB");
    }

    @LocalServerPort int port;
    @Autowired SetupService setup;
    @Autowired ClinicService clinics;
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void browser() throws Exception {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            String why = "browser test needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why + "; under CI=true this is a failure");
            Assumptions.abort(why);
        }
        Files.createDirectories(SHOTS);
        userDataDir = Files.createTempDirectory("pa-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + userDataDir);
        // An explicit driver: Selenium Manager would try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void quit() {
        if (driver != null) driver.quit();
    }

    @Test
    void aNewClinicGoesFromSetupToAStoredVideo() throws Exception {
        // The token is required and exact.
        assertThatThrownBy(() -> setup.setUp("wrong", "X", "X", "x", PASSWORD, PASSWORD)).isInstanceOf(UserInputException.class);
        Path tokenFile = DATA.resolve("setup-token.txt");
        String token = Files.readString(tokenFile).trim();

        open("/");
        WebElement tokenField = waitFor(By.id("setup-token"));
        shot("01-setup");
        type(tokenField, token);
        type(find(By.id("clinic-name")), "Riverside Physio");
        type(find(By.id("admin-name")), "Dr. Ana Silva");
        type(find(By.id("admin-username")), "ana@riverside.example");
        type(find(By.id("admin-password")), PASSWORD);
        type(find(By.id("admin-password-repeat")), PASSWORD);
        find(By.id("create-clinic")).click();

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
        assertThat(find(By.id("signed-in-user")).getText()).contains("Dr. Ana Silva").contains("Clinic admin");
        shot("03-subjects-empty");

        find(By.id("new-subject")).click();
        type(waitFor(By.id("subject-name")), "Jonas Berg");
        type(find(By.id("subject-sport")), "ACL reconstruction, left");
        find(By.id("save-subject")).click();
        waitForText(By.id("subject-title"), "Jonas Berg");
        waitForText(By.tagName("body"), "No sessions yet");
        shot("04-subject");

        find(By.id("new-session")).click();
        WebElement exercise = waitFor(By.id("session-exercise"));
        type(exercise, "Sit-to-stand");
        exercise.findElement(By.tagName("input")).sendKeys(Keys.ENTER);
        find(By.id("save-session")).click();
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

        assertThat(find(By.tagName("vaadin-notification-card")).getText()).doesNotContain("/tmp").doesNotContain("avformat");
        Path video = TestVideos.mp4(work.resolve("sit to stand.mp4"), 320, 240, 50, 25);
        WebElement input = uploadInput();
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '';", input); // else chromedriver sends notes.mp4 again
        input.sendKeys(video.toString());
        WebElement metadata = waitFor(By.className("video-metadata"));
        assertThat(metadata.getText()).contains("320 × 240").contains("25.0 fps (constant)").contains("mpeg4");
        assertThat(find(By.id("videos")).getText()).contains("sit to stand.mp4").contains("Uploaded");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.querySelector('.video-card img'); return i != null && i.complete && i.naturalWidth > 0;"));
        shot("07-session-with-video");
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false);");
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
        find(By.id("delete-subject")).click();
        WebElement confirm = waitFor(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], vaadin-confirm-dialog vaadin-button[slot='confirm-button']"));
        shot("10-confirm-erasure");
        confirm.click();
        waitForText(By.tagName("body"), "No athletes or patients yet");
        assertThat(jdbc.sql("select count(*) from video").query(Integer.class).single()).isZero();
        try (Stream<Path> files = Files.list(DATA.resolve("videos"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }

        find(By.id("sign-out")).click();
        waitFor(By.tagName("vaadin-login-form"));
        open("/");
        waitFor(By.tagName("vaadin-login-form"));
        shot("11-signed-out");
    }

    private long otherClinicSubject() {
        clinics.createWithAdmin("Other Clinic", "Other Admin", "other-admin", PASSWORD, PASSWORD);
        AccountPrincipal other = (AccountPrincipal) users.loadUserByUsername("other-admin");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(other, null, other.getAuthorities()));
        try {
            Subject s = subjects.create(new SubjectDetails("Someone Else", null, LocalDate.of(1980, 1, 1), null, Side.NONE, null));
            sessions.create(s.id(), new SessionDetails(LocalDate.now(), Exercise.GAIT, null));
            return s.id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void signIn(String username, String password) {
        WebElement form = waitFor(By.tagName("vaadin-login-form"));
        WebElement user = form.findElement(By.cssSelector("input[name='username']"));
        WebElement pass = form.findElement(By.cssSelector("input[name='password']"));
        user.clear();
        user.sendKeys(username);
        pass.clear();
        pass.sendKeys(password);
        pass.sendKeys(Keys.ENTER);
    }

    private WebElement uploadInput() {
        SearchContext shadow = find(By.id("upload")).getShadowRoot();
        return shadow.findElement(By.cssSelector("input[type='file']"));
    }

    private void open(String path) { driver.get("http://localhost:" + port + path); }

    private WebElement find(By by) { return waitFor(by); }

    private WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (RuntimeException e) {
            shot("failed-waiting-for-" + by.toString().replaceAll("\\W+", "-"));
            throw e;
        }
    }

    private void waitForText(By by, String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (RuntimeException e) {
            shot("failed-waiting-for-" + text.replaceAll("\\W+", "-"));
            throw e;
        }
    }

    /** Vaadin fields take the text in their own input element. */
    private static void type(WebElement field, String text) {
        WebElement input = field.getTagName().equals("input") ? field : field.findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(text);
    }

    private static void shot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(name + ".png"), png);
            System.out.println("screenshot " + name + " at " + driver.getCurrentUrl());
        } catch (Exception e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }

}
