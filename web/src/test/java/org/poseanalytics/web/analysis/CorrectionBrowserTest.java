package org.poseanalytics.web.analysis;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.series.KeypointSeries;
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
 * Correcting keypoints on the analysis page, in Chromium: the stored analysis is the kinematics stage's own result for a
 * person filmed side-on doing two squats whose knees the "model" lost for 0.6 s (pushed 80 px forward while the person
 * stood), which made a third, false squat. The clinician drags the left knee, then the right one, back to where they are
 * on the glitch's middle frame, reaching ±10 frames; the page then counts the two true squats and shows the true knee
 * angle there (0°), marks the corrected frames, keeps the model's analysis, audits each change and says so in the metrics
 * CSV and the PDF. Removing both corrections brings the model's numbers back. Screenshots: correction-*.png.
 */
class CorrectionBrowserTest extends BrowserTest {
    static final int FRAMES = 210, GLITCH_FROM = 160, GLITCH_TO = 178, MIDDLE = 169, WINDOW = 10, LEG_PX = 90;
    static final Skeleton SK = Skeleton.BLAZEPOSE_33;

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired AnalysisStore store;

    @Test
    void aClinicianDragsTheKneesBackAndTheKneeAngleAndRepetitionCountChange() throws Exception {
        String username = newClinicAdmin("Knee Clinic", "Dr Ana Reyes");
        long clinicId = clinicOf(username);
        Session session = as(username, () -> {
            Subject patient = subjects.create(new SubjectDetails("Leo Brandt", null, null, "ACL rehab", InvolvedSide.NONE, null, null));
            return sessions.create(patient.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        });
        long videoId = storedClip(clinicId, session.id(), "squats side-on.mp4", 7);
        KeypointSeries model = series();
        KinematicsResult k = new KinematicsStage().analyze(new KinematicsInput(FilteredSeries.asIs(model, 6), Exercise.SQUAT, Side.NONE, 640, 480));
        AnalysisResult frame = SyntheticResults.of(FRAMES, 33, 1, 2, 0);
        AnalysisResult result = new AnalysisResult(frame.video(), "synthetic", "1", frame.poses(), frame.tracks(),
                new TrackingStage.Subject(frame.subject().choice(), model, FilteredSeries.asIs(model, 6)), k, List.of(), frame.timings(), List.of());
        long modelAnalysis = store.save(clinicId, videoId, UUID.randomUUID(), null, result).analysisId();
        assertThat(k.repetitions()).as("the model's analysis counts the glitch as a squat").hasSize(3);

        signInThroughPage(username);
        open("/analysis/" + videoId);
        waitFor(By.id("analysis-title"));
        awaitVideo();
        waitForText(By.id("correction-state"), "not corrected");
        await(Duration.ofSeconds(20), d -> {
            try { return repetitionsOnPage() == 3; } catch (RuntimeException e) { return false; }
        });
        double before = leftKneeLabel(MIDDLE);
        System.out.println("[measured] left knee on frame " + MIDDLE + " before: " + before + "°, repetitions 3");
        assertThat(before).isGreaterThan(40);
        assertThat(find(By.id("correction-state")).getText()).contains("not corrected");

        // Left knee, then right knee: each a drag from where the model put it to where it is.
        dragKnee(25, 0);
        waitForText(By.id("correction-state"), "1 correction");
        shot("correction-01-left-knee");
        dragKnee(26, -6);
        waitForText(By.id("correction-state"), "2 corrections");
        awaitVideo();
        double after = leftKneeLabel(MIDDLE);
        await(Duration.ofSeconds(20), d -> {
            try { return repetitionsOnPage() > 0; } catch (RuntimeException e) { return false; }
        });
        int reps = repetitionsOnPage();
        System.out.println("[measured] left knee on frame " + MIDDLE + " after two drags: " + after + "°, repetitions " + reps);
        assertThat(reps).as("the two true squats").isEqualTo(2);
        assertThat(after).as("the true knee flexion on the corrected frame").isCloseTo(0, within(3.0));
        js("document.getElementById('analysis-player').seek(arguments[0])", MIDDLE / 30.0 + 0.001);
        Thread.sleep(300);
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        shot("correction-02-corrected");

        // Marked on the chart and listed; the model's analysis is kept; every change audited.
        long lines = ((Number) js("""
                const o = document.getElementById('angle-chart')._chart.getOption();
                const m = o.series.find(s => s.name === 'markers'); return m ? m.markLine.data.length : 0;""")).longValue();
        assertThat(lines).as("a line per corrected frame and a span per window").isGreaterThanOrEqualTo(2);
        assertThat(find(By.id("corrections")).getText()).contains("left knee").contains("right knee");
        assertThat(jdbc.sql("select count(*) from keypoint_correction where analysis_id = :a").param("a", modelAnalysis).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from analysis where id = :a and complete").param("a", modelAnalysis).query(Long.class).single())
                .as("the model's analysis stays").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from analysis where corrected_from = :a and complete").param("a", modelAnalysis).query(Long.class).single())
                .as("one corrected analysis, the latest").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where video_id = :v and action = 'changed' and detail like 'keypoint %'")
                .param("v", videoId).query(Long.class).single()).isEqualTo(2);

        // The exports say so.
        String csv = fetchText("download-metrics-csv");
        assertThat(csv).contains("keypoint_correction,frame,landmark").contains("," + MIDDLE + ",left_knee,");
        byte[] pdf = fetchBytes("download-pdf");
        Files.write(SHOTS.resolve("correction-report.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Keypoints corrected by a clinician on 1 frame (2 corrections)");
        }

        // Removing both brings back the model's numbers.
        for (int left = 2; left > 0; left--) {
            WebElement remove = waitFor(By.cssSelector("#corrections .remove-correction"));
            js("arguments[0].click()", remove);
            int expected = left - 1;
            // the state is re-rendered when the analysis is recomputed: a reference may go stale between finding and reading it
            await(Duration.ofSeconds(30), d -> expected == 0
                    ? find(By.id("correction-state")).getText().contains("not corrected")
                    : find(By.id("correction-state")).getText().contains("1 correction"));
        }
        awaitVideo();
        waitForText(By.id("correction-state"), "not corrected");
        await(Duration.ofSeconds(20), d -> {
            try { return repetitionsOnPage() == 3; } catch (RuntimeException e) { return false; }
        });
        assertThat(jdbc.sql("select count(*) from analysis where corrected_from = :a").param("a", modelAnalysis).query(Long.class).single()).isZero();
    }

    /** Pauses on the glitch's middle frame, turns correcting on with a ±10 frame reach and drags knee {@code landmark}. */
    private void dragKnee(int landmark, double dxTrue) throws InterruptedException {
        awaitVideo();
        js("document.getElementById('analysis-player').seek(arguments[0])", MIDDLE / 30.0 + 0.001);
        Thread.sleep(400);
        js("arguments[0].click()", waitFor(By.id("correct-keypoints")));
        WebElement window = waitFor(By.id("correction-window"));
        js("arguments[0].scrollIntoView({block: 'center'})", window);
        type(window, String.valueOf(WINDOW));
        window.findElement(By.tagName("input")).sendKeys(org.openqa.selenium.Keys.TAB);
        Thread.sleep(300);
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        Thread.sleep(200);
        @SuppressWarnings("unchecked")
        List<Number> from = (List<Number>) js("""
                const p = document.getElementById('analysis-player'); const i = p.frameAt(p._video.currentTime);
                return [i, p._data.kp[i][3 * arguments[0]], p._data.kp[i][3 * arguments[0] + 1]];""", landmark);
        assertThat(from.get(0).intValue()).as("the frame shown").isEqualTo(MIDDLE);
        double[] to = {320 + dxTrue, 420 - LEG_PX};
        Point a = onScreen(from.get(1).doubleValue(), from.get(2).doubleValue()), b = onScreen(to[0], to[1]);
        new Actions(driver).moveToElement(find(By.id("analysis-player")), a.x, a.y).clickAndHold()
                .moveByOffset((b.x - a.x) / 2, (b.y - a.y) / 2).moveByOffset(b.x - a.x - (b.x - a.x) / 2, b.y - a.y - (b.y - a.y) / 2)
                .release().perform();
    }

    private record Point(int x, int y) {}

    /** Video pixels to an offset from the player's centre, as Actions.moveToElement takes it. */
    private Point onScreen(double x, double y) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) js("""
                const p = document.getElementById('analysis-player'); const b = p._box();
                return [b.ox + arguments[0] * b.s - p.clientWidth / 2, b.oy + arguments[1] * b.s - p.clientHeight / 2];""", x, y);
        return new Point((int) Math.round(at.get(0).doubleValue()), (int) Math.round(at.get(1).doubleValue()));
    }

    /** The repetitions the page shows: the bands on its angle chart, one per repetition of the analysis shown. */
    private int repetitionsOnPage() {
        return ((Number) js("""
                const o = document.getElementById('angle-chart')._chart.getOption();
                const a = o.series[0].markArea; return a && a.data ? a.data.length : 0;""")).intValue();
    }

    /** The left knee's angle label the player draws on that frame (the chart's and the page's number). */
    private static double leftKneeLabel(int frame) {
        return ((Number) js("""
                const d = document.getElementById('analysis-player')._data;
                return d.labels.find(l => l.name === 'left_knee_flexion_deg').values[arguments[0]];""", frame)).doubleValue();
    }

    private void awaitVideo() {
        await(Duration.ofSeconds(60), d -> js("""
                const p = document.getElementById('analysis-player'); const v = p && p.querySelector('video');
                return v != null && v.readyState >= 2 && p._data != null && p._data.t.length > 0;"""));
    }

    /**
     * Side-on squats with known knee flexion (kinematics' SideViewSquats, as the web tests cannot see the library's test
     * classes): two squats to 90° (0.5–2.5 s, 3–5 s), both knees pushed up to 80 px forward on frames 160–178.
     */
    static KeypointSeries series() {
        long[] f = new long[FRAMES];
        double[] t = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) { f[i] = i; t[i] = i / 30.0; }
        KeypointSeries s = KeypointSeries.empty(SK, f, t, false, "hampel+butterworth-4-6hz");
        for (int i = 0; i < FRAMES; i++) {
            double knee = t[i] >= 0.5 && t[i] <= 2.5 ? 45 * (1 - Math.cos(Math.PI * (t[i] - 0.5)))
                    : t[i] >= 3 && t[i] <= 5 ? 45 * (1 - Math.cos(Math.PI * (t[i] - 3))) : 0;
            double bump = i >= GLITCH_FROM && i <= GLITCH_TO ? 80 * Math.sin(Math.PI * (i - GLITCH_FROM) / (GLITCH_TO - GLITCH_FROM)) : 0;
            double a = Math.toRadians(knee / 2);
            for (int side = 0; side < 2; side++) {
                String p = side == 0 ? "left_" : "right_";
                double ax = 320 + (side == 0 ? 0 : -6), ay = 420;
                double kx = ax + LEG_PX * Math.sin(a), ky = ay - LEG_PX * Math.cos(a);
                double hx = kx - LEG_PX * Math.sin(a), hy = ky - LEG_PX * Math.cos(a);
                double sx = hx + 4, sy = hy - 110;
                set(s, i, p + "ankle", ax, ay);
                set(s, i, p + "heel", ax - 10, ay + 8);
                set(s, i, p + "foot_index", ax + 25, ay + 8);
                set(s, i, p + "knee", kx + bump, ky);
                set(s, i, p + "hip", hx, hy);
                set(s, i, p + "shoulder", sx, sy);
                set(s, i, p + "elbow", sx + 2, sy + 55);
                set(s, i, p + "wrist", sx + 4, sy + 105);
                for (String h : new String[] {"pinky", "index", "thumb"}) set(s, i, p + h, sx + 5, sy + 115);
                set(s, i, p + "ear", sx - 2, sy - 30);
                for (String e : new String[] {"eye_inner", "eye", "eye_outer"}) set(s, i, p + e, sx + 12, sy - 38);
            }
            double hx = s.x().get(SK.indexOf("left_shoulder"), i), hy = s.y().get(SK.indexOf("left_shoulder"), i);
            set(s, i, "nose", hx + 18, hy - 32);
            set(s, i, "mouth_left", hx + 14, hy - 22);
            set(s, i, "mouth_right", hx + 14, hy - 22);
        }
        return s;
    }

    private static void set(KeypointSeries s, int i, String name, double x, double y) {
        int l = SK.indexOf(name);
        s.x().set(l, i, (float) x);
        s.y().set(l, i, (float) y);
        s.z().set(l, i, 0);
        s.visibility().set(l, i, 0.95f);
    }
}
