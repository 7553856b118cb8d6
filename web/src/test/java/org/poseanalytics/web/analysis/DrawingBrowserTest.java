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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.account.AccountService;
import org.poseanalytics.web.account.Invitation;
import org.poseanalytics.web.account.Role;
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
 * Drawing and measuring on a paused frame, in Chromium (issue 19): a clinician pauses at 1.50 s and clicks an angle
 * whose truth is known (arms to (100, 400) and (500, 400) from a vertex at (300, 300): 126.87°); after a reload it is
 * listed with its value and text and handed to the player; a distance of 500 px is measured in pixels and says so (the
 * analysis has no scale); both are in the PDF; the text is changed, a drawing deleted, each change audited without its
 * text, and a viewer reads them but cannot draw.
 */
class DrawingBrowserTest extends BrowserTest {
    static final double TRUE_ANGLE = Math.toDegrees(Math.PI - 2 * Math.atan(100.0 / 200.0));

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired AnalysisStore store;
    @Autowired AccountService accounts;
    @Autowired FrameDrawings drawings;

    @Test
    void aClinicianDrawsAnAngleFindsItAfterAReloadAndInThePdf() throws Exception {
        String username = newClinicAdmin("Drawing Lab", "Dr Lena Brandt");
        long clinicId = clinicOf(username);
        Session session = as(username, () -> {
            Subject athlete = subjects.create(new SubjectDetails("Jon Ek", null, null, "Handball", InvolvedSide.NONE, null, null));
            return sessions.create(athlete.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        });
        long videoId = storedClip(clinicId, session.id(), "landing.mp4", 7);
        store.save(clinicId, videoId, UUID.randomUUID(), null, SyntheticResults.of(210, 33, 1, 2, 2));

        signInThroughPage(username);
        open("/analysis/" + videoId);
        waitFor(By.id("analysis-title"));
        awaitVideo();
        assertThat(find(By.id("drawings-panel")).getText()).contains("No drawings on this video yet").contains("No scale: distances in pixels");

        // An angle on the frame at 1.50 s: three clicks, the middle one its vertex.
        seek(1.5);
        WebElement label = waitFor(By.id("drawing-label"));
        js("arguments[0].scrollIntoView({block: 'center'})", label);
        type(label, "knee at landing");
        js("arguments[0].click()", find(By.id("draw-angle")));
        waitForText(By.id("drawing-state"), "first end");
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        clickOnVideo(100, 400);
        waitForText(By.id("drawing-state"), "vertex");
        clickOnVideo(300, 300);
        waitForText(By.id("drawing-state"), "other end");
        clickOnVideo(500, 400);
        waitForText(By.id("drawing-state"), "Angle saved at 1.50 s");
        List<FrameDrawing> stored = as(username, () -> drawings.of(videoId));
        assertThat(stored).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(FrameDrawing.Kind.ANGLE);
            assertThat(d.timeS()).isCloseTo(1.5, within(0.05));
            assertThat(d.points().get(1).x()).isCloseTo(300, within(2.0));
            assertThat(d.points().get(1).y()).isCloseTo(300, within(2.0));
        });
        double angle = stored.getFirst().angleDeg();
        System.out.printf("[measured] angle drawn by three clicks: %.2f° (truth %.2f°)%n", angle, TRUE_ANGLE);
        assertThat(angle).isCloseTo(TRUE_ANGLE, within(1.0));
        String value = stored.getFirst().value(null);
        assertThat(value).matches("\\d+\\.\\d°");
        shot("drawing-01-angle");

        // After a reload: listed with its value and text, and drawn by the player near its time.
        open("/analysis/" + videoId);
        waitForText(By.id("drawings"), "knee at landing");
        waitForText(By.id("drawings"), value);
        awaitVideo();
        assertThat(((Number) js("return document.getElementById('analysis-player')._drawings.length")).intValue()).isEqualTo(1);
        assertThat((String) js("return document.getElementById('analysis-player')._drawings[0].value")).isEqualTo(value);

        // A distance of 500 px (a 3-4-5 triangle), without a scale: in pixels, and said so.
        seek(3.0);
        type(find(By.id("drawing-label")), "");
        js("arguments[0].click()", find(By.id("draw-distance")));
        waitForText(By.id("drawing-state"), "starts");
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        clickOnVideo(100, 60);
        waitForText(By.id("drawing-state"), "ends");
        clickOnVideo(400, 460);
        waitForText(By.id("drawing-state"), "Distance saved");
        FrameDrawing distance = as(username, () -> drawings.of(videoId)).getLast();
        assertThat(distance.lengthPx()).isCloseTo(500, within(3.0));
        assertThat(distance.value(null)).endsWith("px (no scale: pixels)");
        waitForText(By.id("drawings"), distance.value(null));

        // The text changed.
        js("arguments[0].click()", waitFor(By.cssSelector("#drawings .edit-drawing")));
        await(Duration.ofSeconds(10), d -> "knee at landing".equals(js("return document.getElementById('drawing-label').value")));
        type(find(By.id("drawing-label")), "left knee at landing");
        find(By.id("drawing-label")).findElement(By.tagName("input")).sendKeys(Keys.TAB); // the value reaches the server on change
        js("arguments[0].click()", find(By.id("drawing-save-text")));
        waitForText(By.id("drawings"), "left knee at landing");

        byte[] pdf = fetchBytes("download-pdf");
        Files.write(SHOTS.resolve("drawings-report.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Drawings on frames").contains("left knee at landing").contains(value).contains("1.50 s")
                    .contains("px (no scale: pixels)");
        }

        // A viewer sees them and cannot draw.
        String viewer = username + "-viewer";
        as(username, () -> {
            Invitation inv = accounts.invite(viewer, "Viewer", Role.VIEWER);
            accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD);
            return null;
        });
        driver.manage().deleteAllCookies();
        signInThroughPage(viewer);
        open("/analysis/" + videoId);
        waitForText(By.id("drawings"), "left knee at landing");
        assertThat(driver.findElements(By.id("draw-angle"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        assertThat(driver.findElements(By.cssSelector("#drawings .delete-drawing"))).isEmpty();

        // Deleted by the clinician; every change audited, without the text.
        driver.manage().deleteAllCookies();
        signInThroughPage(username);
        open("/analysis/" + videoId);
        waitForText(By.id("drawings"), "left knee at landing");
        js("arguments[0].click()", waitFor(By.cssSelector("#drawings .delete-drawing")));
        await(Duration.ofSeconds(10), d -> !find(By.id("drawings")).getText().contains("left knee at landing"));
        assertThat(jdbc.sql("select action from audit_event where video_id = :v and detail like '%drawing %' order by id").param("v", videoId)
                .query(String.class).list()).containsExactly("created", "created", "changed", "deleted");
        assertThat(jdbc.sql("select count(*) from audit_event where video_id = :v and detail like '%knee%'").param("v", videoId)
                .query(Long.class).single()).isZero();
    }

    private void clickOnVideo(double x, double y) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) js("""
                const p = document.getElementById('analysis-player'); const b = p._box();
                return [b.ox + arguments[0] * b.s - p.clientWidth / 2, b.oy + arguments[1] * b.s - p.clientHeight / 2];""", x, y);
        WebElement player = find(By.id("analysis-player"));
        new Actions(driver).moveToElement(player, (int) Math.round(at.get(0).doubleValue()), (int) Math.round(at.get(1).doubleValue()))
                .click().perform();
    }

    private static void seek(double t) throws InterruptedException {
        js("document.getElementById('analysis-player').seek(arguments[0])", t);
        Thread.sleep(300);
    }

    private void awaitVideo() {
        await(Duration.ofSeconds(60), d -> js("""
                const v = document.querySelector('#analysis-player video'); return v != null && v.readyState >= 2;"""));
    }
}
