package org.poseanalytics.web.analysis;

import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.angle.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.testing.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality as a clinician sees it, in Debian's Chromium, on stored squat analyses whose headlines are valid, low and
 * invalid (no video is analysed: the results are stored as the job would store them): the analysis page leads with
 * the headlines, badges in words, the reasons, "—" for the invalid value, the camera view and the filming guidance,
 * with every figure folded under "All figures"; the progress page leaves the invalid visit out with its reason; the
 * session form shows how to film the chosen exercise. Screenshots: web/target/screenshots/quality-*.png.
 */
class FigureQualityBrowserTest extends BrowserTest {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired AnalysisStore store;

    private record Visit(Session session, long videoId) {}

    @Test
    void headlinesWithTheirQualityLead_invalidShowsNoNumber_allFiguresFolded_progressLeavesTheInvalidVisitOut() throws Exception {
        String username = newClinicAdmin("Riverside Physio", "Dr Ana Ruiz");
        long clinicId = clinicOf(username);
        Subject patient = as(username, () -> subjects.create(new SubjectDetails("Tom Berger", null, null, "ACL reconstruction", InvolvedSide.LEFT, null)));
        Visit earlier = visit(username, clinicId, patient, LocalDate.now().minusDays(21), 88.0, Quality.VALID, "");
        Visit middle = visit(username, clinicId, patient, LocalDate.now().minusDays(14), 364.0, Quality.INVALID, "outside the physiological range");
        Visit today = visit(username, clinicId, patient, LocalDate.now(), 95.5, Quality.VALID, "");

        signInThroughPage(username);
        open("/analysis/" + today.videoId());
        WebElement figures = waitFor(By.id("headline-figures"));
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("figures")));
        shot("quality-01-analysis");
        assertThat(find(By.id("camera-view")).getText()).isEqualTo("Camera view: side (left), 93 % of frames");
        List<WebElement> cards = figures.findElements(By.className("headline-figure"));
        assertThat(cards).extracting(c -> c.findElement(By.className("figure-label")).getText())
                .containsExactly("Peak knee flexion (left)", "Knee valgus (left)", "Knee flexion symmetry");
        WebElement valgus = card(cards, "left_knee_valgus_peak");
        assertThat(valgus.findElement(By.className("figure-value")).getText()).isEqualTo("—");
        assertThat(valgus.findElement(By.className("quality-badge")).getText()).contains("invalid");
        assertThat(valgus.findElement(By.className("figure-reason")).getText()).isEqualTo("frontal-plane angle from a side view");
        assertThat(valgus.getText()).doesNotContain("364").doesNotContain("17.5");
        WebElement symmetry = card(cards, "knee_flexion_rom_symmetry_index");
        assertThat(symmetry.findElement(By.className("figure-value")).getText()).isEqualTo("-12.0 %");
        assertThat(symmetry.findElement(By.className("quality-badge")).getText()).contains("low quality");
        assertThat(symmetry.findElement(By.className("figure-reason")).getText()).isEqualTo("left knee hidden in 30 % of frames");
        WebElement knee = card(cards, "left_knee_flexion_peak_mean");
        assertThat(knee.findElement(By.className("figure-value")).getText()).isEqualTo("95.5°");
        assertThat(knee.findElement(By.className("quality-badge")).getText()).contains("valid");
        assertThat(knee.findElements(By.className("figure-reason"))).isEmpty();
        // the view and visibility limited headline figures: how to film a squat, again
        assertThat(find(By.id("filming-guidance")).getText()).contains("Film from the side").contains("from the front for knee valgus");
        // every figure is there, folded
        WebElement all = find(By.id("all-figures"));
        assertThat(js("return arguments[0].opened", all)).isEqualTo(false);
        assertThat(driver.findElements(By.id("all-figures-grid"))).isEmpty(); // built when first opened
        WebElement summary = all.findElement(By.cssSelector("vaadin-details-summary"));
        js("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        waitFor(By.id("all-figures-grid"));
        // the grid's quality column is drawn in the browser (QualityBadge.renderer), the same badge as the cards'
        waitFor(By.cssSelector("#all-figures-grid .quality-badge[data-quality='invalid']"));
        assertThat(find(By.cssSelector("#all-figures-grid .quality-badge[data-quality='invalid']")).getText()).isEqualTo("✕ invalid");
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("figures")));
        shot("quality-02-all-figures");

        // progress: the invalid visit of the headline is left out, with its reason
        open("/subjects/" + patient.id() + "/progress");
        WebElement gaps = waitFor(By.id("trend-left-out"));
        assertThat(gaps.getText()).contains(middle.session().date().toString()).contains("outside the physiological range");
        assertThat(find(By.id("trend-summary")).getText()).contains("95.5°").contains("+7.5 since the first session");
        assertThat(waitFor(By.cssSelector("#trend-table .quality-badge[data-quality='invalid']")).getText()).isEqualTo("✕ invalid");
        shot("quality-03-progress");
        assertThat(earlier.videoId()).isPositive();

        // the session form: how to film the chosen exercise, under the field
        open("/subjects/" + patient.id());
        waitFor(By.id("new-session")).click();
        WebElement exercise = waitFor(By.id("session-exercise"));
        type(exercise, "Gait");
        exercise.findElement(By.tagName("input")).sendKeys(Keys.ENTER);
        waitForText(By.id("session-exercise"), "Film from the side, the walkway crossing the image");
        shot("quality-04-session-form");
    }

    private static WebElement card(List<WebElement> cards, String metricKey) {
        return cards.stream().filter(c -> metricKey.equals(c.getAttribute("data-metric"))).findFirst().orElseThrow();
    }

    /** A squat session with a stored analysis whose peak knee flexion is {@code peak} at quality {@code q}. */
    private Visit visit(String username, long clinicId, Subject patient, LocalDate date, double peak, Quality q, String reason) throws Exception {
        Session session = as(username, () -> sessions.create(patient.id(), new SessionDetails(date, Exercise.SQUAT, null)));
        long video = jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, container, codec, width,
                                           height, frames, duration_s, nominal_fps, variable_frame_rate, has_audio, status)
                        values (:c, :s, :n, 'squat.mp4', 1000, 'mp4', 'h264', 720, 1280, 60, 2.0, 30, false, false, 'done')
                        returning id""")
                .param("c", clinicId).param("s", session.id()).param("n", UUID.randomUUID()).query(Long.class).single();
        MetricRecord knee = SyntheticResults.figure("knee_flexion_peak_mean", peak, "deg", Side.LEFT, q, reason);
        MetricRecord valgus = SyntheticResults.figure("knee_valgus_peak", 17.5, "deg", Side.LEFT, Quality.INVALID,
                "frontal-plane angle from a side view");
        MetricRecord symmetry = SyntheticResults.figure("knee_flexion_rom_symmetry_index", -12.0, "%", Side.NONE, Quality.LOW,
                "left knee hidden in 30 % of frames");
        MetricRecord count = SyntheticResults.figure("repetition_count", 3, "count", Side.NONE, Quality.VALID, "");
        ViewSummary side = new ViewSummary(CameraView.SAGITTAL_LEFT, 0.93, Map.of(CameraView.SAGITTAL_LEFT, 0.93), 11, 79);
        AnalysisResult base = SyntheticResults.of(60, 33, 1, 2, 0);
        AnalysisResult r = SyntheticResults.withFigures(base, "squat", List.of(), List.of(knee, valgus, symmetry, count), List.of(
                new Headline(1, "Peak knee flexion (left)", "deepest knee bend per repetition, mean; 2D image plane", knee),
                new Headline(2, "Knee valgus (left)", "frontal-plane projection angle at the deepest point; 2D", valgus),
                new Headline(3, "Knee flexion symmetry", "symmetry index of knee flexion ROM", symmetry)), side);
        store.save(clinicId, video, UUID.randomUUID(), null, r);
        return new Visit(session, video);
    }
}
