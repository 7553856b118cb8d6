package org.poseanalytics.web.analysis;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/videos/{id}/analysis: the job's state and a failure's reason, for the video's clinic only, signed in only. */
class AnalysisStatusApiTest extends AppTestBase {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired WebApplicationContext context;
    @TempDir Path tmp;

    @Test
    void theFailureReasonOfAVideoWithoutAPersonReachesTheApi_forItsClinicOnly() throws Exception {
        ClinicUsers a = newClinic("Api A");
        ClinicUsers b = newClinic("Api B");
        signIn(a.clinician());
        Subject subject = subjects.create(new SubjectDetails("Bob", null, null, null, InvolvedSide.NONE, null));
        Session session = sessions.create(subject.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        Video video;
        try (InputStream in = Files.newInputStream(TestVideos.mp4(tmp.resolve("empty.mp4"), 320, 240, 30, 25))) {
            video = videos.store(session.id(), "empty hall.mp4", in);
        }
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String url = "/api/videos/" + video.id() + "/analysis";

        mvc.perform(get(url).with(authentication(auth(a.viewer())))).andExpect(status().isOk())
                .andExpect(jsonPath("$.job.state").exists());
        JobProgress end = JobsTesting.awaitJob(jdbc, JobsTesting.latestJobOf(jdbc, video.id()), Duration.ofSeconds(90), p -> !p.state().active());
        assertThat(end.state()).isEqualTo(JobState.FAILED);

        mvc.perform(get(url).with(authentication(auth(a.viewer())))).andExpect(status().isOk())
                .andExpect(jsonPath("$.videoStatus").value("failed"))
                .andExpect(jsonPath("$.videoStatusMessage").value(containsStringIgnoringCase("no person")))
                .andExpect(jsonPath("$.job.state").value("failed"))
                .andExpect(jsonPath("$.job.message").value(containsStringIgnoringCase("“empty hall.mp4”")))
                .andExpect(jsonPath("$.result").doesNotExist());
        mvc.perform(get(url).with(authentication(auth(b.admin())))).andExpect(status().isNotFound());
        mvc.perform(get(url)).andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401, 403));
        // a viewer may watch but not start or stop analyses
        mvc.perform(post(url).with(csrf()).with(authentication(auth(a.viewer())))).andExpect(status().isForbidden());
        mvc.perform(post(url).param("exercise", "lunge").with(csrf()).with(authentication(auth(a.clinician()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.job.exercise").value("lunge"))
                .andExpect(jsonPath("$.job.subjectTrackId").doesNotExist());
        JobsTesting.awaitJob(jdbc, JobsTesting.latestJobOf(jdbc, video.id()), Duration.ofSeconds(90), p -> !p.state().active());
        // the person to analyse, by the number the analysis page shows; viewers may not ask for it either
        mvc.perform(post(url).param("subjectTrack", "3").with(csrf()).with(authentication(auth(a.viewer())))).andExpect(status().isForbidden());
        mvc.perform(post(url).param("subjectTrack", "3").with(csrf()).with(authentication(auth(a.clinician()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.job.subjectTrackId").value(3));
        assertThat(jdbc.sql("select subject_track_id from analysis_job where video_id = :v order by created_at desc limit 1")
                .param("v", video.id()).query(Integer.class).single()).isEqualTo(3);
    }

    private static UsernamePasswordAuthenticationToken auth(AccountPrincipal p) {
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }
}
