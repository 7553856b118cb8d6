package org.poseanalytics.web.analysis;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.poseanalytics.kinematics.exercise.Exercise;
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
 * Notes on the timeline, in Chromium: a clinician pauses at 1.50 s, writes "knee valgus on landing" there, finds it after
 * a reload (listed, ticked on the video and marked on the chart), jumps to it from another time, edits it into a span,
 * finds it in the PDF, and deletes it; every change is audited. A note outside the video is refused with the reason.
 */
class NotesBrowserTest extends BrowserTest {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired AnalysisStore store;

    @Test
    void aClinicianNotesAMomentJumpsToItEditsItAndFindsItInThePdf() throws Exception {
        String username = newClinicAdmin("Jump Lab", "Dr Kim Osei");
        long clinicId = clinicOf(username);
        Session session = as(username, () -> {
            Subject athlete = subjects.create(new SubjectDetails("Ida Lund", null, null, "Volleyball", InvolvedSide.NONE, null, null));
            return sessions.create(athlete.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        });
        long videoId = storedClip(clinicId, session.id(), "landing.mp4", 7);
        store.save(clinicId, videoId, UUID.randomUUID(), null, SyntheticResults.of(210, 33, 1, 2, 2));

        signInThroughPage(username);
        open("/analysis/" + videoId);
        waitFor(By.id("analysis-title"));
        awaitVideo();
        assertThat(find(By.id("notes-panel")).getText()).contains("No notes on this video yet");
        seek(1.5);
        WebElement text = waitFor(By.id("note-text"));
        js("arguments[0].scrollIntoView({block: 'center'})", text);
        find(By.id("note-now")).click();
        await(Duration.ofSeconds(10), d -> "1.5".equals(js("return document.getElementById('note-from').value")));
        type(text, "knee valgus on landing");
        find(By.id("save-note")).click();
        waitForText(By.id("notes"), "knee valgus on landing");
        shot("notes-01-added");

        // A note past the video's end is refused with the reason, and not stored.
        type(text, "after the end");
        type(find(By.id("note-from")), "9");
        find(By.id("save-note")).click();
        await(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(js("return document.getElementById('note-text').invalid")));
        assertThat((String) js("return document.getElementById('note-text').errorMessage")).contains("within the video");
        assertThat(jdbc.sql("select count(*) from video_note where video_id = :v").param("v", videoId).query(Long.class).single()).isEqualTo(1);

        // After a reload: listed, on the video's timeline and on the chart; a click jumps there.
        open("/analysis/" + videoId);
        waitForText(By.id("notes"), "knee valgus on landing");
        awaitVideo();
        assertThat(((Number) js("return document.getElementById('analysis-player')._notes.length")).intValue()).isEqualTo(1);
        assertThat((String) js("""
                const o = document.getElementById('angle-chart')._chart.getOption();
                const m = o.series.find(s => s.name === 'markers'); return m ? m.markLine.data.map(d => d.name).join('|') : '';"""))
                .contains("knee valgus on landing");
        seek(4.0);
        WebElement grid = find(By.id("notes"));
        js("arguments[0].scrollIntoView({block: 'center'})", grid);
        clickFirstRow(grid);
        await(Duration.ofSeconds(10), d -> Math.abs(playerTime() - 1.5) < 0.05);
        System.out.println("[measured] after the click on the note the video is at " + playerTime() + " s");
        assertThat(playerTime()).isCloseTo(1.5, within(0.05));
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        shot("notes-02-jumped-to-note");

        // Edited into a span.
        js("arguments[0].click()", waitFor(By.cssSelector("#notes .edit-note")));
        await(Duration.ofSeconds(10), d -> "knee valgus on landing".equals(js("return document.getElementById('note-text').value")));
        type(find(By.id("note-text")), "knee valgus on landing, left");
        type(find(By.id("note-to")), "1.9");
        find(By.id("save-note")).click();
        waitForText(By.id("notes"), "1.50–1.90 s");
        waitForText(By.id("notes"), "knee valgus on landing, left");

        byte[] pdf = fetchBytes("download-pdf");
        Files.write(SHOTS.resolve("notes-report.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Notes on the timeline").contains("knee valgus on landing, left")
                    .contains("1.50–1.90 s");
        }

        js("arguments[0].click()", waitFor(By.cssSelector("#notes .delete-note")));
        await(Duration.ofSeconds(10), d -> find(By.id("notes-panel")).getText().contains("No notes on this video yet"));
        assertThat(jdbc.sql("select action from audit_event where video_id = :v and detail like 'note %' order by id").param("v", videoId)
                .query(String.class).list()).containsExactly("created", "changed", "deleted");
        assertThat(jdbc.sql("select count(*) from audit_event where video_id = :v and detail like '%valgus%'").param("v", videoId)
                .query(Long.class).single()).as("the note's text stays out of the audit log").isZero();
    }

    private static void seek(double t) throws InterruptedException {
        js("document.getElementById('analysis-player').seek(arguments[0])", t);
        Thread.sleep(300);
    }

    private static double playerTime() {
        return ((Number) js("return document.getElementById('analysis-player').currentTime()")).doubleValue();
    }

    private static void clickFirstRow(WebElement grid) {
        js("""
                const g = arguments[0];
                const row = [...g.shadowRoot.querySelectorAll('tbody#items tr')].find(r => !r.hidden);
                const slot = row.querySelector('td slot'); slot.assignedElements()[0].click(); return true;""", grid);
    }

    private void awaitVideo() {
        await(Duration.ofSeconds(60), d -> js("""
                const v = document.querySelector('#analysis-player video'); return v != null && v.readyState >= 2;"""));
    }
}
