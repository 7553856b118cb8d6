package org.poseanalytics.web;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.audit.AuditService;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user of clinic B gets "not found" for every id of clinic A, through every service operation and media
 * route; roles are enforced by the services, whatever the UI shows.
 */
class ClinicIsolationTest extends AppTestBase {
    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired AuditService audit;
    @Autowired WebApplicationContext context;

    @TempDir Path tmp;

    ClinicUsers a;
    ClinicUsers b;
    Subject subjectA;
    Session sessionA;
    Video videoA;
    MockMvc mvc;

    @BeforeEach
    void twoClinics() throws Exception {
        a = newClinic("Clinic A");
        b = newClinic("Clinic B");
        signIn(a.clinician());
        subjectA = subjects.create(new SubjectDetails("Alice A", "A-1", LocalDate.of(1990, 5, 1), "ACL", InvolvedSide.LEFT, "secret notes"));
        sessionA = sessions.create(subjectA.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        Path mp4 = TestVideos.mp4(tmp.resolve("a.mp4"), 320, 240, 30, 25);
        try (InputStream in = Files.newInputStream(mp4)) {
            videoA = videos.store(sessionA.id(), "a.mp4", in);
        }
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void everyServiceOperationOfClinicBOnClinicAIdsIsNotFound() throws Exception {
        for (AccountPrincipal user : List.of(b.admin(), b.clinician(), b.viewer())) {
            signIn(user);
            boolean writes = user.getAuthorities().containsAll(Role.CLINICIAN.authorities());
            List<Executable> reads = List.of(
                    () -> subjects.get(subjectA.id()),
                    () -> sessions.listForSubject(subjectA.id()),
                    () -> sessions.get(sessionA.id()),
                    () -> videos.listForSession(sessionA.id()),
                    () -> videos.get(videoA.id()),
                    () -> videos.thumbnail(videoA.id()),
                    () -> videos.openForViewing(videoA.id()));
            List<Executable> changes = List.of(
                    () -> subjects.update(subjectA.id(), new SubjectDetails("Taken over", null, null, null, InvolvedSide.NONE, null)),
                    () -> subjects.delete(subjectA.id()),
                    () -> sessions.create(subjectA.id(), new SessionDetails(LocalDate.now(), Exercise.GAIT, null)),
                    () -> sessions.update(sessionA.id(), new SessionDetails(LocalDate.now(), Exercise.GAIT, null)),
                    () -> sessions.delete(sessionA.id()),
                    () -> videos.store(sessionA.id(), "x.mp4", InputStream.nullInputStream()),
                    () -> videos.delete(videoA.id()));
            for (Executable op : reads) assertThatThrownBy(op::execute).as(user.getUsername()).isInstanceOf(NotFoundException.class);
            for (Executable op : changes) {
                // Clinicians are told "not found"; viewers are stopped earlier by their role.
                assertThatThrownBy(op::execute).as(user.getUsername())
                        .isInstanceOf(writes ? NotFoundException.class : AccessDeniedException.class);
            }
            assertThat(subjects.list("")).extracting(s -> s.id()).doesNotContain(subjectA.id());
            assertThat(subjects.list("Alice")).isEmpty();
        }
        { // B's admin cannot see or change A's users either
            signIn(b.admin());
            assertThat(accounts.list()).extracting(acc -> acc.id()).doesNotContain(a.admin().accountId(), a.viewer().accountId());
            assertThatThrownBy(() -> accounts.get(a.viewer().accountId())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accounts.setEnabled(a.viewer().accountId(), false)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accounts.setRole(a.viewer().accountId(), Role.ADMIN)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accounts.renewInvite(a.viewer().accountId())).isInstanceOf(NotFoundException.class);
            assertThat(audit.latest(1000)).noneMatch(e -> e.subjectId() != null && e.subjectId() == subjectA.id());
        }
        // A's data is untouched and A still sees it.
        signIn(a.viewer());
        assertThat(subjects.get(subjectA.id()).displayName()).isEqualTo("Alice A");
        assertThat(sessions.get(sessionA.id()).exercise()).isEqualTo(Exercise.SQUAT);
        assertThat(videos.listForSession(sessionA.id())).extracting(Video::id).containsExactly(videoA.id());
        assertThat(Files.exists(DATA.resolve("videos").resolve(videoA.storageName().toString()))).isTrue();
    }

    @Test
    void mediaRoutesAnswerNotFoundToAnotherClinicAndNeedSignIn() throws Exception {
        String thumb = "/media/videos/" + videoA.id() + "/thumbnail.jpg";
        String file = "/media/videos/" + videoA.id() + "/file";
        SecurityContextHolder.clearContext(); // MockMvc runs on this thread: no signed-in user for the anonymous calls
        mvc.perform(get(thumb)).andExpect(status().is3xxRedirection());
        mvc.perform(get(file)).andExpect(status().is3xxRedirection());
        for (AccountPrincipal user : List.of(b.admin(), b.clinician(), b.viewer())) {
            mvc.perform(get(thumb).with(authentication(auth(user)))).andExpect(status().isNotFound());
            mvc.perform(get(file).with(authentication(auth(user)))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/media/videos/999999999/thumbnail.jpg").with(authentication(auth(a.viewer())))).andExpect(status().isNotFound());
        mvc.perform(get(thumb).with(authentication(auth(a.viewer()))))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentType()).isEqualTo("image/jpeg"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsByteArray()).hasSizeGreaterThan(500));
        mvc.perform(get(file).with(authentication(auth(a.viewer())))).andExpect(status().isOk());
        // Viewing is audited, under the viewer's name and A's subject.
        signIn(a.admin());
        assertThat(audit.latest(50)).anySatisfy(e -> {
            assertThat(e.action().code()).isEqualTo("viewed");
            assertThat(e.username()).isEqualTo(a.viewer().getUsername());
            assertThat(e.subjectId()).isEqualTo(subjectA.id());
            assertThat(e.videoId()).isEqualTo(videoA.id());
        });
    }

    @Test
    void rolesAreEnforcedByTheServices() throws Exception {
        signIn(a.viewer());
        assertThat(subjects.get(subjectA.id())).isNotNull();
        assertThatThrownBy(() -> subjects.create(new SubjectDetails("V", null, null, null, InvolvedSide.NONE, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> subjects.delete(subjectA.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> videos.store(sessionA.id(), "v.mp4", InputStream.nullInputStream())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.latest(10)).isInstanceOf(AccessDeniedException.class);
        signIn(a.clinician());
        assertThatThrownBy(() -> accounts.invite("x-" + System.nanoTime(), "X", Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.latest(10)).isInstanceOf(AccessDeniedException.class);
        signIn(a.admin());
        assertThat(accounts.list()).hasSize(3);
        assertThat(audit.latest(10)).anyMatch(e -> e.action().code().equals("uploaded") && e.videoId() == videoA.id());
    }

    @Test
    void erasingASubjectRemovesSessionsVideosAndFilesAndIsAudited() throws Exception {
        Path stored = DATA.resolve("videos").resolve(videoA.storageName().toString());
        Path thumbnail = DATA.resolve("videos").resolve(videoA.storageName() + ".jpg");
        assertThat(stored).exists();
        assertThat(thumbnail).exists();
        signIn(a.clinician());
        subjects.delete(subjectA.id());
        assertThat(stored).doesNotExist();
        assertThat(thumbnail).doesNotExist();
        assertThat(jdbc.sql("select count(*) from session where subject_id = ?").param(subjectA.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from video where id = ?").param(videoA.id()).query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> subjects.get(subjectA.id())).isInstanceOf(NotFoundException.class);
        signIn(a.admin());
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.action().code()).isEqualTo("deleted");
            assertThat(e.subjectId()).isEqualTo(subjectA.id());
            assertThat(e.detail()).startsWith("subject " + subjectA.id() + " erased").doesNotContain("Alice");
            assertThat(e.username()).isEqualTo(a.clinician().getUsername());
        });
    }

    @Test
    void anInviteLinkWorksOnceAndDisabledUsersCannotSignIn() {
        signIn(a.admin());
        var inv = accounts.invite("once-" + System.nanoTime(), "Once", Role.VIEWER);
        assertThat(accounts.findInvite(inv.token())).isPresent();
        assertThatThrownBy(() -> accounts.acceptInvite(inv.token(), "short", "short")).isInstanceOf(UserInputException.class);
        accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD);
        assertThat(accounts.findInvite(inv.token())).isEmpty();
        assertThatThrownBy(() -> accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD)).isInstanceOf(UserInputException.class);
        String hash = jdbc.sql("select password_hash from account where id = ?").param(inv.account().id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        accounts.setEnabled(inv.account().id(), false);
        assertThat(users.loadUserByUsername(inv.account().username()).isEnabled()).isFalse();
    }

    private static UsernamePasswordAuthenticationToken auth(AccountPrincipal p) {
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }
}
