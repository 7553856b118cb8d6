package org.poseanalytics.web.keypoints;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
import org.poseanalytics.web.share.CreatedShareLink;
import org.poseanalytics.web.share.ShareLinks;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.testing.BrowserTest;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keypoints imported without a video (issue 18) on the pages that play videos, in Chromium: the compare page shows a
 * "No video" note in place of that side's player and fetches nothing of it, keeping both curves on the chart; the
 * patient's share page shows the report's figures with a "No video" note where the key frame would be.
 */
class KeypointsOnlyPagesBrowserTest extends BrowserTest {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired AnalysisStore store;
    @Autowired ShareLinks links;

    @Test
    void theComparePageAndTheSharedReportShowNoPlayerForKeypointsWithoutAVideo() throws Exception {
        String clinician = newClinicAdmin("Keypoint Pages Clinic", "Dr Keypoint");
        long clinicId = clinicOf(clinician);
        Subject subject = as(clinician, () -> subjects.create(new SubjectDetails("Keypoint Pages Patient", null, null, null, InvolvedSide.NONE, null)));
        Session session = as(clinician, () -> sessions.create(subject.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null)));
        // keypoints stored as an upload without a video stores them (the row only: the file is never read here)
        long keypoints = as(clinician, () -> videos.insertKeypointsOnly(session.id(), UUID.randomUUID(), "squat_Sports2D.trc", 1000));
        store.save(clinicId, keypoints, UUID.randomUUID(), null, SyntheticResults.of(120, 33, 1, SyntheticResults.MAX_ANGLE_COLUMNS, 2));
        UUID file = UUID.randomUUID();
        TestVideos.ffmpeg(storage.video(file), "-f", "lavfi", "-i", "color=c=0x30405a:s=640x480:r=30:d=4", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-t", "4", "-f", "mp4");
        long video = jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, container, codec, width,
                                           height, frames, duration_s, nominal_fps, variable_frame_rate, has_audio, status, playback)
                        values (:c, :s, :n, 'squat_video.mp4', :size, 'mp4', 'h264', 640, 480, 120, 4.0, 30, false, false, 'done', 'as-uploaded')
                        returning id""")
                .param("c", clinicId).param("s", session.id()).param("n", file).param("size", Files.size(storage.video(file)))
                .query(Long.class).single();
        store.save(clinicId, video, UUID.randomUUID(), null, SyntheticResults.of(120, 33, 1, SyntheticResults.MAX_ANGLE_COLUMNS, 2));

        // the synthetic results count repetitions on a mean signal no column is named after: name a knee column, as a real analysis does
        jdbc.sql("""
                update analysis a set repetition_signal = (select min(column_name) from analysis_angle g where g.analysis_id = a.id
                                                           and g.joint = 'knee_flexion' and g.dimension = '2d')
                where a.video_id in (:k, :v)""").param("k", keypoints).param("v", video).update();
        signInThroughPage(clinician);
        open("/compare/" + keypoints + "/" + video);
        waitFor(By.id("compare-chart"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(js("return document.querySelector('#compare-chart').dataset.rendered || ''")));
        assertThat(find(By.id("compare-a-no-video")).getText()).startsWith("No video").contains("squat_Sports2D.trc");
        assertThat(driver.findElements(By.id("compare-a"))).as("no player for the keypoints").isEmpty();
        assertThat(driver.findElements(By.id("compare-b"))).as("the video's player").hasSize(1);
        assertThat(((Number) js("return document.querySelector('#compare-chart')._chart.getOption().series.filter(s => s.id !== '__cursor').length")).intValue())
                .as("both curves").isEqualTo(2);
        assertThat(((Number) js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/media/videos/' + arguments[0] + '/')).length",
                String.valueOf(keypoints))).intValue()).as("nothing fetched of the keypoints as a video").isZero();
        shot("keypoints-01-compare");

        CreatedShareLink link = as(clinician, () -> links.create(subject.id(), keypoints, 14, null));
        driver.manage().deleteAllCookies();
        open("/" + link.path());
        waitForText(By.id("shared-title"), "Session report");
        assertThat(find(By.id("shared-key-frame-note")).getText()).startsWith("No video");
        assertThat(driver.findElements(By.id("shared-key-frame"))).isEmpty();
        assertThat(find(By.id("shared-page")).getText()).contains("Main figures");
        shot("keypoints-02-shared");
    }
}
