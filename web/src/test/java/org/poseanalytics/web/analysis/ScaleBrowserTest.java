package org.poseanalytics.web.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.scale.ScaleFinder;
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
import static org.assertj.core.api.Assertions.within;

/**
 * Metres on the analysis page, in Debian's Chromium, on a small video made by ffmpeg: a bar end (a white square)
 * moving down and up 100 px in 1 s each way, twice, beside a yellow reference bar 400 px long. The coach draws the
 * scale line with two clicks on the bar's ends (a zero length and a line of a few pixels are refused with their
 * reason), gives it 1.00 m, the video is analysed with it (stored as the job stores a result: the video has no person
 * for the pose model, so the job runner's part is played here, with the library's ScaleFinder on the stored line),
 * the coach tracks the bar end with a click and reads its mean concentric velocity per repetition: 0.25 m/s (the truth,
 * within 5 %), also in the PDF, the points CSV (metre columns) and the progress page. Screenshots: scale-*.png.
 */
class ScaleBrowserTest extends BrowserTest {
    static final double TRUE_MCV_M_PER_S = 0.25;

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired AnalysisStore store;
    @Autowired ScaleLines lines;

    @Test
    void aCoachDrawsAScaleLineTracksTheBarAndReadsItsVelocityInMetresPerSecond() throws Exception {
        String username = newClinicAdmin("Barbell Club", "Coach Jo Park");
        long clinicId = clinicOf(username);
        Session session = as(username, () -> {
            Subject athlete = subjects.create(new SubjectDetails("Mia Storm", null, null, "Weightlifting", InvolvedSide.NONE, null, 1.68));
            return sessions.create(athlete.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        });
        UUID file = UUID.randomUUID();
        barVideo(storage.video(file));
        long videoId = jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, container, codec, width,
                                           height, frames, duration_s, nominal_fps, variable_frame_rate, has_audio, status)
                        values (:c, :s, :n, 'back squat 80 kg.mp4', :size, 'mp4', 'h264', 640, 480, 180, 6.0, 30, false, false, 'done')
                        returning id""")
                .param("c", clinicId).param("s", session.id()).param("n", file).param("size", Files.size(storage.video(file)))
                .query(Long.class).single();
        // The pose's repetitions, as the job would have stored them: down and up with the bar.
        List<Repetition> reps = List.of(SyntheticResults.lift(1, 0.5, 1.0), SyntheticResults.lift(2, 3.0, 1.0));
        AnalysisResult base = SyntheticResults.of(181, 33, 1, 2, 0);
        AnalysisResult lifts = SyntheticResults.withFigures(base, "squat", reps, base.kinematics().metrics(), base.kinematics().headlines(),
                base.kinematics().view());
        store.save(clinicId, videoId, UUID.randomUUID(), null, lifts);

        signInThroughPage(username);
        // The standing height on the subject's form, in metres: centimetres are refused with what to type instead.
        long subjectId = jdbc.sql("select subject_id from session where id = :s").param("s", session.id()).query(Long.class).single();
        open("/subjects/" + subjectId);
        waitFor(By.id("edit-subject")).click();
        WebElement height = waitFor(By.id("subject-height"));
        assertThat((String) js("return arguments[0].value", height)).isEqualTo("1.68");
        type(height, "175");
        find(By.id("save-subject")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js("return arguments[0].invalid", height)));
        assertThat((String) js("return arguments[0].errorMessage", height)).contains("between 0.5 and 2.5 m").contains("enter 1.75 for 175 cm");
        shot("scale-00-height-in-centimetres-refused");
        type(height, "1.75");
        find(By.id("save-subject")).click();
        waitForText(By.id("subject-title"), "Mia Storm");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("body")).getText().contains("1.75 m"));
        assertThat(jdbc.sql("select height_m from subject where id = :s").param("s", subjectId).query(Double.class).single()).isEqualTo(1.75);

        open("/analysis/" + videoId);
        waitFor(By.id("analysis-title"));
        awaitVideo();
        assertThat(find(By.id("analysis-scale")).getText()).isEqualTo("No scale: distances in pixels");

        // Draw the scale line along the yellow bar: two clicks on its ends.
        js("document.getElementById('analysis-player').seek(0.0)");
        Thread.sleep(300);
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        find(By.id("draw-scale-line")).click();
        clickOnVideo(120, 440);
        waitForText(By.id("scale-line-state"), "Now click its other end");
        clickOnVideo(520, 440);
        waitForText(By.id("scale-line-state"), "Line of 400 px drawn");
        shot("scale-01-line-drawn");
        WebElement length = find(By.id("scale-length"));
        type(length, "0");
        find(By.id("save-scale-line")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js("return arguments[0].invalid", length)));
        assertThat((String) js("return arguments[0].errorMessage", length)).startsWith("The scale line's real length must be more than 0 m");
        assertThat(lines.ofClinic(clinicId, videoId)).as("nothing stored for a zero length").isEmpty();
        shot("scale-02-zero-length-refused");
        type(length, "1,0");
        find(By.id("save-scale-line")).click();
        waitForText(By.id("scale-line-state"), "Scale line: 1.00 m over 400 px (0.0025 m/px), drawn at 0.00 s");
        ScaleLine stored = lines.ofClinic(clinicId, videoId).orElseThrow();
        System.out.println("[measured] scale line stored from two clicks: " + stored.line());
        assertThat(stored.line().lengthPx()).as("line length from the clicks, in video pixels").isCloseTo(400, within(2.0));
        assertThat(stored.line().y1()).isCloseTo(440, within(1.5));
        assertThat(stored.line().x1()).isCloseTo(120, within(1.5));
        assertThat(stored.line().metres()).isEqualTo(1.0);

        // A line of a few pixels is refused, and the stored one stays.
        find(By.id("draw-scale-line")).click();
        clickOnVideo(300, 300);
        clickOnVideo(304, 302);
        waitFor(By.id("scale-length"));
        type(find(By.id("scale-length")), "1");
        find(By.id("save-scale-line")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js("return document.getElementById('scale-length').invalid")));
        assertThat((String) js("return document.getElementById('scale-length').errorMessage")).contains("px long");
        assertThat(lines.ofClinic(clinicId, videoId).orElseThrow().line()).isEqualTo(stored.line());
        open("/analysis/" + videoId);
        waitForText(By.id("scale-line-state"), "Scale line: 1.00 m");
        awaitVideo();
        js("document.getElementById('analysis-player').seek(0.0)");
        Thread.sleep(300);
        assertThat(yellowPixels()).as("the stored line drawn on the video").isGreaterThan(300);

        // "Analyse again" offers the line as the scale; the analysis is then stored with the library's scale for it.
        find(By.className("analyse-again")).click();
        assertThat(waitFor(By.id("analyse-scale")).getText()).contains("Scale line drawn on the video");
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        store.save(clinicId, videoId, UUID.randomUUID(), null,
                SyntheticResults.withScale(lifts, ScaleFinder.find(stored.line(), null, 640, 480)));
        open("/analysis/" + videoId);
        waitFor(By.id("analysis-title"));
        assertThat(find(By.id("analysis-scale")).getText()).isEqualTo("Scale: line 1.00 m, " + String.format(java.util.Locale.ROOT, "%.4f", stored.line().metresPerPx()) + " m/px");
        awaitVideo();

        // Track the bar end: pause on the first frame, click its centre.
        js("document.getElementById('analysis-player').seek(0.0)");
        Thread.sleep(300);
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        find(By.id("track-point")).click();
        clickOnVideo(320, 170);
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> find(By.id("point-state")).getText().contains("Followed in"));
        assertThat(find(By.id("point-chart")).getAttribute("data-speed-unit")).isEqualTo("m/s");

        // Its velocity per repetition, in m/s, with its quality.
        WebElement grid = waitFor(By.id("bar-velocity-1"));
        js("arguments[0].scrollIntoView({block: 'center'})", grid);
        List<String> cells = cellTexts(grid);
        System.out.println("[measured] bar velocity cells: " + cells);
        List<Double> mcv = new ArrayList<>();
        // columns: Rep, Displacement, Mean concentric velocity, Peak, Mean eccentric, Quality, Why
        int columns = 7;
        assertThat(cells.size()).as("two repetitions of seven columns").isGreaterThanOrEqualTo(2 * columns);
        for (int r = 0; r < 2; r++) {
            String value = cells.get(r * columns + 2);
            assertThat(value).endsWith(" m/s");
            mcv.add(Double.parseDouble(value.replace(" m/s", "")));
            assertThat(cells.get(r * columns + 1)).endsWith(" m");
            assertThat(cells.get(r * columns + 5)).contains("valid");
        }
        System.out.println("[measured] mean concentric velocity per repetition on the page: " + mcv + " m/s (truth " + TRUE_MCV_M_PER_S + ")");
        for (double v : mcv) assertThat(v).as("mean concentric velocity, m/s").isCloseTo(TRUE_MCV_M_PER_S, within(TRUE_MCV_M_PER_S * 0.05));
        assertThat(find(By.id("bar-velocity-summary-1")).getText()).contains("Mean concentric velocity per set: 0.2").contains("m/s")
                .contains("Velocity loss");
        shot("scale-03-bar-velocity");

        // The same in the exports: the points CSV with metres, the PDF with the scale and the velocity table.
        String csv = fetchText("download-points-csv");
        List<String> csvLines = csv.lines().toList();
        assertThat(csvLines.getFirst()).isEqualTo("point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s");
        String deepest = csvLines.stream().filter(l -> l.startsWith("1,45,")).findFirst().orElseThrow(); // t = 1.5 s, 0.25 m down
        double yM = Double.parseDouble(deepest.split(",", -1)[8]);
        assertThat(yM).as("y_m at the bottom of the first repetition").isCloseTo(-0.25, within(0.0125));
        byte[] pdf = fetchBytes("download-pdf");
        Files.write(SHOTS.resolve("scale-report.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Scale: line 1.00 m").contains("Bar velocity per repetition").contains("m/s");
        }

        // Progress: mean concentric velocity per set across sessions.
        js("document.getElementById('to-progress').click()");
        WebElement perSet = waitFor(By.id("set-velocity"));
        js("arguments[0].scrollIntoView({block: 'start'})", perSet);
        assertThat(perSet.getText()).contains("Mean concentric velocity per set").contains("m/s");
        shot("scale-04-progress");
    }

    /** The bar video: 640 × 480, 30 fps, 6 s, H.264; the bar end's centre at (320, 170 + depth), see SyntheticResults.barDepthPx. */
    static void barVideo(Path target) throws Exception {
        String ffmpeg = System.getProperty("ffmpeg.binary", "/usr/bin/ffmpeg");
        if (!Files.isExecutable(Path.of(ffmpeg))) skipOrFail("this test makes its video with " + ffmpeg + " (apt-get install ffmpeg)");
        String depth = "50*(1-cos(PI*(t-0.5)))";
        String y = "150+if(between(t,0.5,2.5)," + depth + ",if(between(t,3,5)," + depth.replace("0.5", "3") + ",0))";
        Process p = new ProcessBuilder(ffmpeg, "-v", "error", "-y",
                "-f", "lavfi", "-i", "color=c=0x203040:s=640x480:r=30:d=6",
                "-f", "lavfi", "-i", "color=c=white:s=40x40:r=30:d=6",
                "-filter_complex", "[1]drawbox=x=10:y=10:w=20:h=20:c=black:t=fill[m];"
                        + "[0]drawbox=x=118:y=438:w=404:h=5:c=yellow:t=fill[bg];[bg][m]overlay=x=300:y='" + y + "'",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-t", "6", "-f", "mp4", target.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("ffmpeg failed: " + out);
    }

    private void awaitVideo() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> js("""
                const v = document.querySelector('#analysis-player video'); return v != null && v.readyState >= 2;"""));
    }

    /** A click on the video at (x, y) in pixels of the displayed frame, wherever the player letterboxes it. */
    private void clickOnVideo(double x, double y) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) js("""
                const p = document.getElementById('analysis-player'); const b = p._box();
                return [b.ox + arguments[0] * b.s - p.clientWidth / 2, b.oy + arguments[1] * b.s - p.clientHeight / 2];""", x, y);
        WebElement player = find(By.id("analysis-player"));
        new Actions(driver).moveToElement(player, (int) Math.round(at.get(0).doubleValue()), (int) Math.round(at.get(1).doubleValue()))
                .click().perform();
    }

    /** The grid's cell texts, row by row (Vaadin renders cells as vaadin-grid-cell-content in its light DOM). */
    @SuppressWarnings("unchecked")
    private static List<String> cellTexts(WebElement grid) {
        return (List<String>) js("""
                const g = arguments[0];
                const rows = [...g.shadowRoot.querySelectorAll('tbody#items tr')].filter(r => !r.hidden);
                const out = [];
                for (const r of rows) for (const td of r.querySelectorAll('td')) {
                  const slot = td.querySelector('slot'); const el = slot && slot.assignedElements()[0];
                  out.push(el ? el.textContent.trim() : '');
                }
                return out;""", grid);
    }

    /** Yellow pixels (the scale line, #ffd600) on the overlay canvas. */
    private static long yellowPixels() {
        return ((Number) js("""
                const c = document.querySelector('#analysis-player canvas.overlay');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 128 && d[i] > 200 && d[i + 1] > 180 && d[i + 2] < 80) n++;
                return n;""")).longValue();
    }
}
