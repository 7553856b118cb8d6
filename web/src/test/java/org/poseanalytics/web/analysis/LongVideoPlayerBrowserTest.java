package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

/**
 * A long video's analysis page, in Debian's Chromium: the player holds one window of the analysis at a time and
 * fetches the next as the user moves through the video (a 400 s clip with 12,000 analysed frames and a second person);
 * the skeleton drawn is the frame shown, wherever the user seeks; the angle chart gets the curve's envelope, not every
 * sample. Screenshots go to web/target/screenshots/long-*.png. Skipped without chromium/chromedriver or ffmpeg, except
 * under CI=true where that is a failure.
 */
class LongVideoPlayerBrowserTest extends BrowserTest {
    private static final String PLAYER = "document.getElementById('analysis-player')";
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired AnalysisStore store;

    @Test
    void thePlayerFetchesTheWindowOfTheTimeShown() throws Exception {
        String username = newClinicAdmin("Endurance Lab", "Dr Noor Haddad");
        long clinicId = clinicOf(username);
        Session session = as(username, () -> {
            Subject runner = subjects.create(new SubjectDetails("Tomas Berg", null, null, "Rowing", InvolvedSide.NONE, null, null));
            return sessions.create(runner.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        });
        long videoId = storedClip(clinicId, session.id(), "training_block.mp4", 400);
        store.save(clinicId, videoId, UUID.randomUUID(), null, SyntheticResults.of(12_000, 33, 2, 4, 5));

        signInThroughPage(username);
        open("/analysis/" + videoId);
        waitFor(By.id("analysis-title"));
        await(Duration.ofSeconds(60), d -> js("""
                const v = document.querySelector('#analysis-player video'); return v != null && v.readyState >= 1;"""));

        // The first minute and half a minute after it, not 12,000 frames.
        await(Duration.ofSeconds(10), d -> js("return " + PLAYER + "._data != null"));
        assertThat(((Number) js("return " + PLAYER + "._data.window.to")).doubleValue()).isEqualTo(60.0);
        assertThat(js("return " + PLAYER + "._data.window.from")).isNull();
        assertThat(((Number) js("return " + PLAYER + "._data.t.length")).intValue()).isEqualTo(2_700);

        // Seeking to 3:20 fetches minute 3; the skeleton drawn is that frame's, and the other person is there too.
        seekAndAwaitWindow(200, 180.0);
        assertShownFrameIs(200);
        assertThat(((Number) js("return " + PLAYER + "._data.others.length")).intValue()).isEqualTo(1);
        shot("long-01-minute-3");
        // a frame forward is the next analysed frame, inside the window
        js(PLAYER + ".step(1)");
        await(Duration.ofSeconds(5), d -> js("return !" + PLAYER + "._video.seeking"));
        assertThat(((Number) js("return " + PLAYER + ".currentTime()")).doubleValue()).isCloseTo(200 + 1 / 30.0, within(0.02));

        // The last minute has nothing after it; back near the start, the first window again.
        seekAndAwaitWindow(399, 360.0);
        assertThat(js("return " + PLAYER + "._data.window.to")).isNull();
        assertShownFrameIs(399);
        seekAndAwaitWindow(10, null);
        assertShownFrameIs(10);

        // The chart draws the angle's envelope: 4,000 points of the 12,000 samples (and one for the sample not measured).
        await(Duration.ofSeconds(10), d -> js("return document.getElementById('angle-chart').dataset.rendered === 'true'"));
        int points = ((Number) js("return document.getElementById('angle-chart')._chart.getOption().series[0].data.length")).intValue();
        assertThat(points).isBetween(3_000, 4_001);
        shot("long-02-back-at-the-start");
    }

    private static void seekAndAwaitWindow(double t, Double from) {
        js(PLAYER + ".seek(arguments[0])", t);
        await(Duration.ofSeconds(15), d -> js("const w = " + PLAYER + "._data.window; return w != null && w.from === arguments[0] && !"
                + PLAYER + "._video.seeking", from));
    }

    /** The frame the overlay draws at the player's time is the analysed frame of that time, held in the window. */
    private static void assertShownFrameIs(double t) {
        assertThat((Boolean) js("return " + PLAYER + "._covers(" + PLAYER + ".currentTime())")).isTrue();
        double drawn = ((Number) js("const p = " + PLAYER + "; return p._data.t[p.frameAt(p.currentTime())]")).doubleValue();
        assertThat(drawn).isCloseTo(t, within(1 / 30.0 + 1e-3));
    }
}
