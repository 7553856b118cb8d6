package org.poseanalytics.web.analysis;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.testing.BrowserTest;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an uploaded squat video to its analysis page, the exports and the progress chart, in Debian's Chromium:
 * the squat fixture is uploaded through the page, the overlay must draw pixels on the video's canvas, the angle
 * chart must render, three repetitions must be listed, the CSV and PDF downloads are parsed, and a second,
 * earlier visit makes a two-point progress chart. Screenshots go to web/target/screenshots/analysis-*.png.
 * Skipped without chromium/chromedriver or the shared fixtures, except under CI=true where that is a failure.
 */
class AnalysisBrowserTest extends BrowserTest {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired PointTrackingQueue pointQueue;

    /** The athlete's two squat sessions, the earlier one with its video stored through the service. */
    private record Visits(Session earlier, Session today, Video earlierVideo) {}

    @Test
    void uploadToAnalysisExportsAndProgress() throws Exception {
        Path squat = squatFixture();
        String username = newClinicAdmin("Northside Sports", "Coach Mia Kovac");
        Visits visits = as(username, () -> {
            Subject athlete = subjects.create(new SubjectDetails("Lena Sorensen", null, null, "Weightlifting", InvolvedSide.NONE, null));
            Session earlier = sessions.create(athlete.id(), new SessionDetails(LocalDate.now().minusDays(14), Exercise.SQUAT, null));
            Session today = sessions.create(athlete.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
            try (var in = new FileInputStream(squat.toFile())) {
                return new Visits(earlier, today, videos.store(earlier.id(), "squat week 1.mp4", in));
            }
        });
        Session earlier = visits.earlier(), today = visits.today();
        Video earlierVideo = visits.earlierVideo();

        signInThroughPage(username);

        // Upload through the session page, as a coach would.
        open("/sessions/" + today.id());
        uploadInput().sendKeys(squat.toString());
        waitFor(By.className("open-analysis"));
        long videoId = jdbc.sql("select id from video where session_id = :s").param("s", today.id()).query(Long.class).single();

        // Before the result exists the page says what is happening and waits.
        find(By.className("open-analysis")).click();
        waitFor(By.id("analysis-progress"));
        shot("analysis-01-waiting");
        // The job runner analyses the upload with the real pipeline (pose → tracking → kinematics); the page updates itself.
        new WebDriverWait(driver, Duration.ofSeconds(240)).until(d -> !d.findElements(By.id("analysis-title")).isEmpty());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> js("""
                const v = document.querySelector('#analysis-player video'); return v != null && v.readyState >= 2;"""));
        // Step to a frame deep in the first squat, then count the overlay's drawn pixels.
        js("document.getElementById('analysis-player').seek(1.8)");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("""
                const v = document.querySelector('#analysis-player video'); return !v.seeking && Math.abs(v.currentTime - 1.8) < 0.05;"""));
        Thread.sleep(300);
        long drawn = ((Number) js("""
                const c = document.querySelector('#analysis-player canvas.overlay');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;""")).longValue();
        assertThat(drawn).as("overlay pixels on the video canvas").isGreaterThan(500);
        assertAngleLabelsApart();
        assertThat((Boolean) js("return document.querySelector('#angle-chart').dataset.rendered === 'true' && document.querySelector('#angle-chart canvas') != null")).isTrue();
        // From the front the thighs point at the camera at the bottom of each squat: the 3D knee curve's low-quality
        // stretch (its depth guessed) is marked behind it, with values there and gaps elsewhere.
        Number lowPoints = (Number) js("""
                const s = document.querySelector('#angle-chart')._chart.getOption().series.filter(s => String(s.id).startsWith('low:'));
                return s.length === 0 ? 0 : s[0].data.filter(p => p[1] !== null && p[1] !== undefined).length;""");
        assertThat(lowPoints.intValue()).as("points of the first low-quality band on the angle chart").isPositive();
        List<WebElement> rows = waitFor(By.id("repetitions")).findElements(By.cssSelector("vaadin-grid-cell-content"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) js(
                "return document.querySelector('#repetitions').shadowRoot.querySelectorAll('tbody#items tr').length")).intValue() == 3);
        assertThat(rows).isNotEmpty();
        // Each repetition's ROM and peak are the 3D knee's, low at the bottom of a frontal squat: the table says so.
        assertThat(find(By.id("repetitions")).findElements(By.cssSelector("vaadin-grid-cell-content")).stream().map(WebElement::getText))
                .as("repetition table cells").anyMatch(t -> t.matches("\\d+\\.\\d° \\(low quality\\)"));
        assertThat(find(By.id("headline-figures")).getText()).isNotBlank();
        shot("analysis-02-overlay-chart-reps");
        // The real pipeline on the fixture's front view: the view is named, and the 2D knee valgus (FPPA), whose plane
        // is turned ~35° from the image, is shown without a number and with its reason.
        js("document.getElementById('figures').scrollIntoView()");
        assertThat(find(By.id("camera-view")).getText()).contains("front");
        assertThat(find(By.id("headline-figures")).getText()).contains("invalid").contains("frontal-plane angle with the camera");
        shot("analysis-02c-key-figures");

        // The video is served with range support (seeking) and the viewing is audited.
        String range = (String) jsAsync("""
                const done = arguments[arguments.length - 1];
                fetch('media/videos/' + arguments[0] + '/playable.mp4', {headers: {Range: 'bytes=100-199'}})
                  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + b.byteLength)), e => done('ERROR ' + e));""", videoId);
        assertThat(range).isEqualTo("206 100");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'viewed' and video_id = :v and detail like 'played%'")
                .param("v", videoId).query(Integer.class).single()).isPositive();

        // A click on the chart moves the video there.
        WebElement chart = find(By.id("angle-chart"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(chart, chart.getSize().getWidth() / 4, 0).click().perform();
        Thread.sleep(400);
        double after = ((Number) js("return document.querySelector('#analysis-player video').currentTime")).doubleValue();
        assertThat(after).as("video time after clicking the chart").isNotCloseTo(1.8, org.assertj.core.data.Offset.offset(0.05));

        // Frame stepping moves by one analysed frame (0.2 s at 5 fps).
        js("document.getElementById('analysis-player').seek(2.0)");
        Thread.sleep(400);
        find(By.id("frame-forward")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Math.abs(((Number) js(
                "return document.querySelector('#analysis-player video').currentTime")).doubleValue() - 2.201) < 0.02);

        // The earlier visit's upload is analysed by the job runner too (queued first); the report compares with it.
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> jdbc.sql(
                "select count(*) from analysis where video_id = :v and complete").param("v", earlierVideo.id()).query(Integer.class).single() > 0);

        // Track a point: at the first frame, click the left knee where the pose model put it, and follow it.
        js("document.getElementById('analysis-player').seek(0.0)");
        Thread.sleep(400);
        js("arguments[0].scrollIntoView({block: 'center'})", find(By.id("point-panel")));
        find(By.id("track-point")).click();
        // The point waits behind another on the server's queue, so the page can be reloaded while it is pending.
        CountDownLatch hold = new CountDownLatch(1);
        pointQueue.submit(() -> {
            try {
                hold.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        Thread.sleep(300);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) js("""
                const p = document.getElementById('analysis-player'); const b = p._box(); const k = p._data.kp[0];
                return [b.ox + k[25 * 3] * b.s - p.clientWidth / 2, b.oy + k[25 * 3 + 1] * b.s - p.clientHeight / 2];""");
        WebElement player = find(By.id("analysis-player"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(player, at.get(0).intValue(), at.get(1).intValue()).click().perform();
        waitFor(By.cssSelector("#point-progress .point-run[data-state='queued']"));
        // A reload while the point is pending: the page still lists it as being tracked, then shows its path.
        driver.navigate().refresh();
        waitFor(By.id("analysis-title"));
        WebElement pending = waitFor(By.cssSelector("#point-progress .point-run"));
        assertThat(pending.getText()).as("the pending point after a reload").contains("being tracked").contains("picked at 0.00 s");
        js("arguments[0].scrollIntoView({block: 'center'})", find(By.id("point-panel")));
        shot("analysis-05a-point-pending-after-reload");
        hold.countDown();
        waitForText(By.id("point-state"), "Followed in");
        assertThat(find(By.id("point-progress")).findElements(By.className("point-run"))).as("no point left pending").isEmpty();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> js("""
                const v = document.querySelector('#analysis-player video'); return v != null && v.readyState >= 2;"""));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("return document.querySelector('#point-chart').dataset.rendered === 'true'"));
        js("document.getElementById('analysis-player').seek(2.4)");
        Thread.sleep(500);
        js("arguments[0].scrollIntoView({block: 'end'})", find(By.id("point-chart")));
        shot("analysis-05-point-path");
        assertThat(((Number) js("return document.querySelector('#point-chart')._chart.getOption().series.filter(s => s.id !== '__cursor').length")).intValue())
                .as("height and speed of the tracked point charted").isEqualTo(2);
        long drawnPath = pathPixels();
        System.out.println("[measured] tracked path pixels on the overlay at 2.4 s: " + drawnPath);
        assertThat(drawnPath).as("the tracked point's path drawn on the video").isGreaterThan(25);
        assertThat(find(By.id("point-list")).findElements(By.className("tracked-point"))).hasSize(1);
        String followed = find(By.id("point-state")).getText();
        int seen = Integer.parseInt(followed.replaceAll(".*Followed in (\\d+) of (\\d+) frames.*", "$1"));
        assertThat(seen).as("frames of 65 in which the knee was followed (" + followed + ")").isGreaterThanOrEqualTo(59);
        // The path can be switched off like the skeleton.
        find(By.id("toggle-paths")).click();
        Thread.sleep(300);
        assertThat(pathPixels()).as("path pixels with paths switched off").isZero();
        find(By.id("toggle-paths")).click();
        assertThat(jdbc.sql("select count(*) from analysis_tracked_point p join analysis a on a.id = p.analysis_id where a.video_id = :v")
                .param("v", videoId).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'tracked' and video_id = :v").param("v", videoId)
                .query(Integer.class).single()).isEqualTo(1);

        // The point is stored with the analysis: after a reload it is listed, drawn and charted again.
        driver.navigate().refresh();
        waitFor(By.id("analysis-title"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> js("""
                const v = document.querySelector('#analysis-player video'); return v != null && v.readyState >= 2;"""));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("return document.querySelector('#point-chart').dataset.rendered === 'true'"));
        assertThat(find(By.id("point-list")).getText()).contains("Point 1").contains("followed in " + seen + " of 65 frames");
        js("document.getElementById('analysis-player').seek(2.4)");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("""
                const v = document.querySelector('#analysis-player video'); return !v.seeking && Math.abs(v.currentTime - 2.4) < 0.05;"""));
        Thread.sleep(300);
        assertThat(pathPixels()).as("the stored path drawn after a reload").isGreaterThan(25);
        assertThat(((Number) js("return document.querySelector('#point-chart')._chart.getOption().series.filter(s => s.id !== '__cursor').length")).intValue())
                .as("the stored point charted after a reload").isEqualTo(2);
        shot("analysis-07-point-after-reload");

        // Downloads, fetched with the browser's own session and parsed.
        String csv = fetchText("download-angles-csv");
        String[] lines = csv.split("\n");
        assertThat(lines[0]).startsWith("frame,time_s,").contains("left_knee_flexion_3d_deg");
        assertThat(lines).hasSize(66); // header + the 65 frames of the fixture
        int knee = List.of(lines[0].split(",")).indexOf("left_knee_flexion_3d_deg");
        double deepest = java.util.Arrays.stream(lines).skip(1).map(l -> l.split(",", -1)[knee]).filter(v -> !v.isEmpty())
                .mapToDouble(Double::parseDouble).max().orElseThrow();
        assertThat(deepest).as("deepest left knee flexion in the CSV").isGreaterThan(60);
        String metricsCsv = fetchText("download-metrics-csv");
        assertThat(metricsCsv.lines().filter(l -> l.matches("^[123],.*")).count()).as("per-repetition rows").isGreaterThan(3);
        String mot = fetchText("download-mot");
        assertThat(mot).contains("inDegrees=yes").contains("endheader").contains("knee_flexion");
        String trc = fetchText("download-trc");
        assertThat(trc).startsWith("PathFileType\t4").contains("left_knee");
        String points = fetchText("download-points-csv");
        assertThat(points.lines().toList()).hasSize(66).first().isEqualTo("point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s");
        byte[] pdf = fetchBytes("download-pdf");
        Files.write(SHOTS.resolve("analysis-report.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Session report").contains("Lena Sorensen").contains("Squat")
                    .contains("Repetitions").contains("Headline figures, compared with the previous session (" + earlier.date() + ")");
            int images = 0; // key frame + chart (the headline figures come first, so the chart may start page 2)
            for (var page : doc.getPages()) for (var name : page.getResources().getXObjectNames()) images++;
            assertThat(images).isGreaterThanOrEqualTo(2);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'exported' and video_id = :v").param("v", videoId)
                .query(Integer.class).single()).isEqualTo(6);

        // A tracked point can be removed (audited); the list, the paths and the chart empty.
        js("arguments[0].scrollIntoView({block: 'center'})", find(By.id("remove-point-1")));
        find(By.id("remove-point-1")).click();
        waitForText(By.id("point-state"), "Point 1 removed");
        assertThat(find(By.id("point-list")).findElements(By.className("tracked-point"))).isEmpty();
        assertThat(pathPixels()).as("no path once the point is removed").isZero();
        assertThat(jdbc.sql("select count(*) from analysis_tracked_point p join analysis a on a.id = p.analysis_id where a.video_id = :v")
                .param("v", videoId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'deleted' and video_id = :v and detail like 'tracked point 1%'")
                .param("v", videoId).query(Integer.class).single()).isEqualTo(1);

        // Side by side with the earlier visit: the right video follows the left one.
        open("/compare/" + videoId + "/" + earlierVideo.id());
        waitFor(By.id("compare-chart"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> js("""
                return [...document.querySelectorAll('pa-analysis-player video')].every(v => v.readyState >= 2)
                    && document.querySelector('#compare-chart').dataset.rendered === 'true';"""));
        js("document.getElementById('compare-a').seek(3.0)");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Math.abs(((Number) js(
                "return document.querySelector('#compare-b video').currentTime")).doubleValue() - 3.0) < 0.05);
        assertThat(((Number) js("return document.querySelector('#compare-chart')._chart.getOption().series.filter(s => s.id !== '__cursor').length")).intValue())
                .as("two curves overlaid").isEqualTo(2);
        shot("analysis-04-side-by-side");

        // Progress across the two visits.
        open("/analysis/" + videoId);

        waitFor(By.id("to-progress")).click();
        waitFor(By.id("trend-chart"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js(
                "return document.querySelector('#trend-chart').dataset.rendered === 'true'"));
        waitForText(By.id("trend-summary"), "since the first session");
        shot("analysis-03-progress");

        // A tablet held upright: the player and the chart stack, nothing is cut off.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        open("/analysis/" + videoId);
        waitFor(By.id("analysis-title"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("return document.querySelector('#angle-chart').dataset.rendered === 'true'"));
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).as("no sideways scrolling on a tablet").isTrue();
        shot("analysis-06-tablet");

        // Tablets in landscape and portrait: the menu folds away behind its button and the header keeps one tidy row
        // (or wraps its halves), never squeezing names over several lines or under each other.
        for (int[] size : new int[][]{{1024, 768}, {768, 1024}}) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            open("/analysis/" + videoId);
            waitFor(By.id("analysis-title"));
            Thread.sleep(500);
            shot("tablet-" + size[0] + "x" + size[1]);
            assertHeaderNotSqueezed(size[0] + "x" + size[1]);
        }
    }

    /**
     * Angle labels never cover each other nor leave the picture ("15°" read as "5°"): as drawn at this frame, then with
     * six angles crowded on the left knee (so they compete for one spot) and that knee moved to the picture's corner.
     */
    private void assertAngleLabelsApart() {
        String check = """
                const p = document.getElementById('analysis-player'); const c = p.querySelector('canvas.overlay');
                const w = c.clientWidth, h = c.clientHeight, b = p._labelBoxes;
                let overlaps = 0, outside = 0;
                for (let i = 0; i < b.length; i++) {
                  const a = b[i];
                  if (a.x < 0 || a.y < 0 || a.x + a.w > w + 0.5 || a.y + a.h > h + 0.5) outside++;
                  for (let j = i + 1; j < b.length; j++) { const o = b[j];
                    if (a.x < o.x + o.w && o.x < a.x + a.w && a.y < o.y + o.h && o.y < a.y + a.h) overlaps++; }
                }
                return {count: b.length, overlaps, outside, boxes: JSON.stringify(b.map(r => [r.text, Math.round(r.x), Math.round(r.y)]))};""";
        @SuppressWarnings("unchecked") java.util.Map<String, Object> asDrawn = (java.util.Map<String, Object>) js(check);
        System.out.println("[measured] angle labels as drawn at 1.8 s: " + asDrawn);
        assertThat(((Number) asDrawn.get("count")).intValue()).as("angle labels drawn").isGreaterThanOrEqualTo(2);
        assertThat(((Number) asDrawn.get("overlaps")).intValue()).as("overlapping labels " + asDrawn.get("boxes")).isZero();
        assertThat(((Number) asDrawn.get("outside")).intValue()).as("labels cut off " + asDrawn.get("boxes")).isZero();
        String original = (String) js("return JSON.stringify(document.getElementById('analysis-player')._data)");
        for (String where : List.of("knee", "corner")) {
            js("""
                    const p = document.getElementById('analysis-player'); const d = JSON.parse(arguments[0]);
                    const i = p.frameAt(p.currentTime()), knee = 25;
                    if (arguments[1] === 'corner') { d.kp[i][3 * knee] = 3; d.kp[i][3 * knee + 1] = d.height - 3; d.kp[i][3 * knee + 2] = 1; }
                    d.labels = [115, 15, 7, 95, 180, 1].map((v, k) => ({name: 'crowd' + k, joint: knee, color: '#ffd43b',
                        values: d.t.map(() => v)}));
                    p.setData(d); return true;""", original, where);
            @SuppressWarnings("unchecked") java.util.Map<String, Object> crowded = (java.util.Map<String, Object>) js(check);
            System.out.println("[measured] six angle labels on the left knee (" + where + "): " + crowded);
            assertThat(((Number) crowded.get("count")).intValue()).as("crowded labels drawn (%s)", where).isEqualTo(6);
            assertThat(((Number) crowded.get("overlaps")).intValue()).as("overlapping crowded labels (%s) %s", where, crowded.get("boxes")).isZero();
            assertThat(((Number) crowded.get("outside")).intValue()).as("crowded labels cut off (%s) %s", where, crowded.get("boxes")).isZero();
            shot("analysis-02b-crowded-labels-" + where);
        }
        js("document.getElementById('analysis-player').setData(arguments[0])", original);
    }

    /** Pixels of the first tracked point's colour (#ff4081, with anti-aliased edges) on the overlay canvas; nothing else is drawn pink. */
    private long pathPixels() {
        return ((Number) js("""
                const c = document.querySelector('#analysis-player canvas.overlay');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 128 && d[i] > 180 && d[i] - d[i + 1] > 100 && d[i + 2] > 70 && d[i + 2] < 200) n++;
                return n;""")).longValue();
    }

    private void assertHeaderNotSqueezed(String size) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> m = (java.util.Map<String, Object>) js("""
                const box = (el) => { const r = el.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom, h: r.height}; };
                const h = document.getElementById('app-header');
                const parts = ['.pa-title', '.pa-clinic', '#signed-in-user', '#sign-out', '#menu-toggle'].map(s => h.querySelector(s));
                const lineHeight = parseFloat(getComputedStyle(h.querySelector('#signed-in-user')).lineHeight) || 20;
                const boxes = parts.map(p => p && getComputedStyle(p).display !== 'none' ? box(p) : null);
                let overlap = false;
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i], b = boxes[j];
                  if (a && b && a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1) overlap = true;
                }
                const layout = document.querySelector('vaadin-app-layout');
                return {overlap, header: box(h), title: boxes[0], who: boxes[2], signOut: boxes[3], lineHeight,
                        overlay: layout.hasAttribute('overlay'), width: window.innerWidth,
                        scrollWidth: document.documentElement.scrollWidth};""");
        @SuppressWarnings("unchecked") java.util.Map<String, Number> title = (java.util.Map<String, Number>) m.get("title");
        @SuppressWarnings("unchecked") java.util.Map<String, Number> who = (java.util.Map<String, Number>) m.get("who");
        @SuppressWarnings("unchecked") java.util.Map<String, Number> signOut = (java.util.Map<String, Number>) m.get("signOut");
        @SuppressWarnings("unchecked") java.util.Map<String, Number> header = (java.util.Map<String, Number>) m.get("header");
        double line = ((Number) m.get("lineHeight")).doubleValue();
        System.out.println("[measured] header at " + size + ": " + m);
        assertThat((Boolean) m.get("overlap")).as("header parts overlap at %s", size).isFalse();
        assertThat((Boolean) m.get("overlay")).as("menu is an overlay at %s", size).isTrue();
        assertThat(header.get("l").doubleValue()).as("header starts at the left edge (no menu beside it) at %s", size).isLessThan(10);
        assertThat(title.get("h").doubleValue()).as("app name on one line at %s", size).isLessThan(2 * line);
        assertThat(who.get("h").doubleValue()).as("signed-in user on one line at %s", size).isLessThan(1.6 * line);
        assertThat(signOut.get("r").doubleValue()).as("sign out inside the window at %s", size).isLessThanOrEqualTo(((Number) m.get("width")).doubleValue());
        assertThat(((Number) m.get("scrollWidth")).intValue()).as("no sideways scrolling at %s", size).isLessThanOrEqualTo(((Number) m.get("width")).intValue() + 1);
    }
}
