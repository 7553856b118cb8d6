package org.poseanalytics.web.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing the analysed person, in Debian's Chromium: a video of two people squatting (the squat fixture beside its
 * mirror image, made here with ffmpeg) is uploaded through the session page and analysed by the job runner; on the
 * analysis page the coach presses “Choose the person…”, clicks the person who was not analysed on the video,
 * confirms “Analyse person N instead”, and the page, once the re-analysis is done, shows person N as the analysed
 * one, chosen by a user; the stored analysis has that track. Screenshots go to web/target/screenshots/pick-*.png.
 * Skipped without chromium/chromedriver, ffmpeg or the shared fixtures, except under CI=true where that is a failure.
 */
class SubjectPickBrowserTest extends BrowserTest {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;

    @Test
    void theCoachClicksTheOtherPersonAndTheirResultsAreShown() throws Exception {
        Path twoPeople = twoPeopleVideo(squatFixture(), Path.of("target", "two-people", "two_people_squats.mp4"));
        String username = newClinicAdmin("Two Squats Gym", "Coach Ana Reyes");
        Session session = as(username, () -> {
            Subject athlete = subjects.create(new SubjectDetails("Sam Okafor", null, null, "Weightlifting", InvolvedSide.NONE, null));
            return sessions.create(athlete.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        });

        signInThroughPage(username);

        open("/sessions/" + session.id());
        uploadInput().sendKeys(twoPeople.toAbsolutePath().toString());
        waitFor(By.className("open-analysis")).click();
        long videoId = jdbc.sql("select id from video where session_id = :s").param("s", session.id()).query(Long.class).single();
        new WebDriverWait(driver, Duration.ofSeconds(300)).until(d -> !d.findElements(By.id("analysis-title")).isEmpty());
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> js("""
                const v = document.querySelector('#analysis-player video'); return v != null && v.readyState >= 2;"""));

        // Both people were followed: the page says so and offers the choice.
        int tracks = jdbc.sql("""
                        select count(*) from analysis_track t join analysis a on a.id = t.analysis_id
                        where a.video_id = :v and a.complete""").param("v", videoId).query(Integer.class).single();
        assertThat(tracks).as("people followed in the two-person video").isGreaterThanOrEqualTo(2);
        waitForText(By.id("people-note"), "people were seen");
        int before = Integer.parseInt(find(By.id("subject-track")).getText().trim());
        assertThat(find(By.id("person-choice")).getText()).contains("Person " + before + " is analysed (picked automatically");
        shot("pick-01-two-people");

        // Pause where both stand, press “Choose the person…”, click the other one on their hips.
        find(By.id("choose-person")).click();
        js("document.getElementById('analysis-player').seek(1.0)");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("""
                const v = document.querySelector('#analysis-player video'); return !v.seeking && Math.abs(v.currentTime - 1.0) < 0.05;"""));
        Thread.sleep(300);
        @SuppressWarnings("unchecked")
        List<Number> other = (List<Number>) js("""
                const p = document.getElementById('analysis-player'); const b = p._box(); const t = p._video.currentTime;
                const o = p._data.others[0];
                let i = 0; for (let k = 0; k < o.t.length; k++) if (Math.abs(o.t[k] - t) < Math.abs(o.t[i] - t)) i = k;
                const kp = o.kp[i]; const x = (kp[23 * 3] + kp[24 * 3]) / 2, y = (kp[23 * 3 + 1] + kp[24 * 3 + 1]) / 2;
                return [o.id, b.ox + x * b.s - p.clientWidth / 2, b.oy + y * b.s - p.clientHeight / 2];""");
        int chosen = other.get(0).intValue();
        assertThat(chosen).isNotEqualTo(before);
        js("arguments[0].scrollIntoView({block: 'start'})", find(By.id("analysis-player")));
        Thread.sleep(200);
        new Actions(driver).moveToElement(find(By.id("analysis-player")), other.get(1).intValue(), other.get(2).intValue()).click().perform();
        // (the button sits above the player, scrolled out of view: wait for it to be shown, then bring it into view)
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js("""
                const b = document.getElementById('confirm-person'); return b != null && !b.hidden;"""));
        WebElement confirm = find(By.id("confirm-person"));
        js("arguments[0].scrollIntoView({block: 'center'})", confirm);
        assertThat(confirm.getText()).isEqualTo("Analyse person " + chosen + " instead");
        assertThat(find(By.id("person-pick-state")).getText()).contains("Person " + chosen);
        shot("pick-02-confirm");
        confirm.click();

        // The re-analysis shows its progress here, then the page shows the chosen person's results.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> jdbc.sql(
                        "select count(*) from analysis_job where video_id = :v and subject_track_id = :t")
                .param("v", videoId).param("t", chosen).query(Integer.class).single() == 1);
        // (the page re-renders when the results arrive: an element read at that moment may be stale, read it again)
        await(Duration.ofSeconds(300), d -> {
            List<WebElement> s = d.findElements(By.id("subject-track"));
            return !s.isEmpty() && s.getFirst().getText().trim().equals(String.valueOf(chosen));
        });
        assertThat(find(By.id("person-choice")).getText()).contains("Person " + chosen + " is analysed (chosen by Coach Ana Reyes)");
        var stored = jdbc.sql("""
                        select subject_track_id, subject_chosen_by_user from analysis where video_id = :v and complete
                        order by completed_at desc limit 1""").param("v", videoId)
                .query((rs, n) -> List.of(rs.getInt(1), rs.getBoolean(2))).single();
        assertThat(stored).containsExactly(chosen, true);
        // the formerly analysed person is now among the grey ones
        assertThat(((Number) js("return document.getElementById('analysis-player')._data.subject")).intValue()).isEqualTo(chosen);
        assertThat((Boolean) js("return document.getElementById('analysis-player')._data.others.some(o => o.id === " + before + ")")).isTrue();
        js("document.getElementById('analysis-player').seek(1.0)");
        Thread.sleep(500);
        shot("pick-03-chosen-person-analysed");
    }

    @Override
    protected String failureDetails() {
        return "person choice at failure: " + js("""
                const e = document.getElementById('person-choice'); return e ? e.outerHTML : 'none';""");
    }

    /** The squat fixture beside its mirror image: two people squatting side by side (made here, never downloaded). */
    static Path twoPeopleVideo(Path fixture, Path out) throws Exception {
        Files.createDirectories(out.getParent());
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-i", fixture.toString(), "-filter_complex",
                    "[0:v]split[a][b];[b]hflip[c];[a][c]hstack", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-an", out.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            skipOrFail("ffmpeg is needed to make the two-person video (apt-get install ffmpeg): " + e.getMessage());
            return null;
        }
        String log = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).as("ffmpeg: " + log).isZero();
        return out;
    }
}
