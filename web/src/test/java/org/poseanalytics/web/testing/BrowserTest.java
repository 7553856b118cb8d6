package org.poseanalytics.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.ClinicService;
import org.poseanalytics.web.storage.Storage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The whole app on a random port, driven by Debian's Chromium through chromedriver, one browser per test class.
 *
 * <p>Every browser test extends this and declares no Spring configuration of its own (no {@code @DynamicPropertySource},
 * {@code @MockitoBean}, {@code @Import}, {@code @DirtiesContext}), so Spring's test context cache starts the app and its
 * embedded PostgreSQL once for all of them. They share one database and one data directory, so each creates its own
 * clinic under a fresh name ({@link #newClinicAdmin}) and counts only its own rows. The first-run journey needs the
 * database still empty and runs first ({@code @Order(1)}; {@code junit-platform.properties} orders classes by it).
 *
 * <p>Skipped without chromium/chromedriver (or the shared fixtures, ffmpeg), except under {@code CI=true} where
 * that is a failure. Screenshots go to web/target/screenshots; a failed test leaves {@code <TestClass>-failure.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest {
    /** The app's data directory (database, setup token, videos), one per test JVM. */
    protected static final Path DATA = tempDir("pa-browser-");
    protected static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    protected static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    protected static final Path SHOTS = Path.of("target", "screenshots");
    protected static final String PASSWORD = "a good long password";
    private static final Duration WAIT = Duration.ofSeconds(30);

    protected static WebDriver driver;
    private static Path userDataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pose.data-dir", DATA::toString);
        // small enough to test a refusal quickly, large enough for every video the browser tests upload
        registry.add("pose.upload.max-size", () -> "8MB");
        // keypoint uploads and OpenPose archives: small limits, so that refusing them is quick to test
        registry.add("pose.keypoints.max-size", () -> "2MB");
        registry.add("pose.keypoints.max-zip-entries", () -> "1000");
        registry.add("pose.keypoints.max-unpacked", () -> "6MB");
        registry.add("pose.keypoints.max-zip-entry", () -> "1MB");
    }

    @LocalServerPort protected int port;
    @Autowired protected ClinicService clinics;
    @Autowired protected UserDetailsService users;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected Storage storage;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            skipOrFail("browser test needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        }
        Files.createDirectories(SHOTS);
        userDataDir = Files.createTempDirectory("pa-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // STACK.md: without the background-networking flags Chromium keeps trying to reach hosts it cannot reach.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required", "--window-size=1366,1000", "--user-data-dir=" + userDataDir);
        // An explicit driver: Selenium Manager would try to download one.
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(), options);
    }

    @AfterAll
    static void quitBrowser() {
        if (driver != null) driver.quit();
        driver = null;
        if (userDataDir != null) FileSystemUtils.deleteRecursively(userDataDir.toFile());
    }

    /** Skips the test where a tool or fixture is missing, fails it under CI=true (where everything must be there). */
    public static void skipOrFail(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why + "; under CI=true this is a failure");
        Assumptions.abort(why);
    }

    /** The shared squat video; {@code fixtures.dir} (or FIXTURES_DIR) else ../shared/fixtures seen from web/ or the root. */
    protected static Path squatFixture() {
        String relative = "mediapipe-squats/pose_squats.mp4";
        String configured = System.getProperty("fixtures.dir", System.getenv("FIXTURES_DIR"));
        for (Path dir : configured != null ? List.of(Path.of(configured)) : List.of(Path.of("../shared/fixtures"), Path.of("../../shared/fixtures"))) {
            if (Files.exists(dir.resolve(relative))) return dir.resolve(relative).toAbsolutePath().normalize();
        }
        skipOrFail("fixture " + relative + " is absent");
        return null;
    }

    // --- accounts, made through the services (the journeys start where a clinic already exists)

    /** A new clinic named {@code clinicName} plus a fresh suffix, with its admin; returns the admin's user name. */
    protected String newClinicAdmin(String clinicName, String adminName) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String username = "coach-" + suffix;
        clinics.createWithAdmin(clinicName + " " + suffix, adminName, username, PASSWORD, PASSWORD);
        return username;
    }

    /** The id of {@code username}'s clinic. */
    protected long clinicOf(String username) {
        return jdbc.sql("select clinic_id from account where username = :u").param("u", username).query(Long.class).single();
    }

    /**
     * A plain 640×480, 30 fps H.264 clip of {@code seconds} in the storage directory, and its video row as a checked
     * upload leaves it (status done), named {@code originalName}: for pages that need a playable video under a stored
     * result, without running the job.
     */
    protected long storedClip(long clinicId, long sessionId, String originalName, int seconds) throws Exception {
        UUID file = UUID.randomUUID();
        Path target = storage.video(file);
        TestVideos.ffmpeg(target, "-f", "lavfi", "-i", "color=c=0x30405a:s=640x480:r=30:d=" + seconds, "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-t", String.valueOf(seconds), "-f", "mp4");
        return jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, container, codec, width,
                                           height, frames, duration_s, nominal_fps, variable_frame_rate, has_audio, status)
                        values (:c, :s, :n, :o, :size, 'mp4', 'h264', 640, 480, :frames, :d, 30, false, false, 'done')
                        returning id""")
                .param("c", clinicId).param("s", sessionId).param("n", file).param("o", originalName)
                .param("size", Files.size(target)).param("frames", 30 * seconds).param("d", (double) seconds)
                .query(Long.class).single();
    }

    /** Runs service calls as that user (method security and the clinic scope read the security context). */
    protected <T> T as(String username, Callable<T> work) throws Exception {
        AccountPrincipal user = (AccountPrincipal) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // --- the browser

    protected void open(String path) { driver.get("http://localhost:" + port + path); }

    /** Types into Vaadin's login form and presses Enter; the caller waits for what should follow. */
    protected void signIn(String username, String password) {
        WebElement form = waitFor(By.tagName("vaadin-login-form"));
        WebElement user = form.findElement(By.cssSelector("input[name='username']"));
        WebElement pass = form.findElement(By.cssSelector("input[name='password']"));
        user.clear();
        user.sendKeys(username);
        pass.clear();
        pass.sendKeys(password);
        pass.sendKeys(Keys.ENTER);
    }

    /** Opens the app, signs in with {@link #PASSWORD} and waits until the header names the signed-in user. */
    protected void signInThroughPage(String username) {
        open("/");
        signIn(username, PASSWORD);
        waitFor(By.id("signed-in-user"));
    }

    /** The file input inside the session page's vaadin-upload. */
    protected WebElement uploadInput() {
        return waitFor(By.id("upload")).getShadowRoot().findElement(By.cssSelector("input[type='file']"));
    }

    /** The element as it is now (no waiting). */
    protected WebElement find(By by) { return driver.findElement(by); }

    /** The first element matching, once it is shown; a screenshot is taken when it does not appear in time. */
    protected WebElement waitFor(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by), "failed-waiting-for-" + by);
    }

    protected void waitForText(By by, String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(by, text), "failed-waiting-for-" + text);
    }

    /**
     * Waits until the condition holds. Vaadin re-renders elements while a test reads them, so an element found a moment
     * ago may be stale: the condition is then simply tried again.
     */
    protected static <T> T await(Duration timeout, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private <T> T waitUntil(ExpectedCondition<T> condition, String failureShot) {
        try {
            return await(WAIT, condition);
        } catch (RuntimeException e) {
            tryShot(failureShot.replaceAll("\\W+", "-"));
            throw e;
        }
    }

    /** Vaadin fields take the text in their own input element. */
    protected static void type(WebElement field, String text) {
        WebElement input = field.getTagName().equals("input") ? field : field.findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(text);
    }

    /** Runs a script in the page; a bare expression is returned as if written {@code return expression}. */
    protected static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script.contains("return") ? script : "return " + script, args);
    }

    /** A script that calls {@code arguments[arguments.length - 1]} with its result. */
    protected static Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The text the link with this id leads to, fetched by the page itself (with its session cookie). */
    protected static String fetchText(String anchorId) {
        return (String) jsAsync("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href).then(r => r.text()).then(done, e => done('ERROR ' + e));""", anchorId);
    }

    /** The bytes the link with this id leads to (a PDF), fetched by the page itself. */
    protected static byte[] fetchBytes(String anchorId) {
        String b64 = (String) jsAsync("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href).then(r => r.blob()).then(b => {
                  const fr = new FileReader(); fr.onload = () => done(fr.result.split(',')[1]); fr.readAsDataURL(b); });""", anchorId);
        return java.util.Base64.getDecoder().decode(b64);
    }

    /** Saves the page as target/screenshots/NAME.png; fails the test when that is not possible. */
    protected static void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            System.out.println("screenshot " + name + " at " + driver.getCurrentUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot while something already went wrong: a second failure must not hide the first. */
    private static void tryShot(String name) {
        if (driver == null) return;
        try {
            shot(name);
        } catch (RuntimeException e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }

    /** What else to print when the test fails, e.g. an element's HTML; null for nothing. */
    protected String failureDetails() { return null; }

    /** The page as it was when a test failed, taken before the browser closes. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            tryShot(context.getRequiredTestClass().getSimpleName() + "-failure");
            context.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast).ifPresent(test -> {
                try {
                    String details = test.failureDetails();
                    if (details != null) System.err.println(context.getDisplayName() + " failed; " + details);
                } catch (RuntimeException e) {
                    System.err.println("no failure details: " + e);
                }
            });
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
