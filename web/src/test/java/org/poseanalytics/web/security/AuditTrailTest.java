package org.poseanalytics.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.Invitation;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditEvent;
import org.poseanalytics.web.audit.AuditFilter;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The audit log (issue #15, item 8): reads over the API and media, changes to subjects, sessions and users are recorded
 * by id with no patient or file name; admins filter it and export it as CSV (quoted, formula-safe, itself audited); the
 * server log names no patient and no file. Page views are proven over HTTP by {@code RouteAccessBrowserTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailTest extends AppTestBase {
    /** A patient's name and a file name that carries it: neither may reach the audit log or the server log. */
    static final String PATIENT = "Zebulon Quixote-Marsh";
    static final String FILE = "Zebulon_Quixote-Marsh_squat_left.mp4";

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired VideoService videos;
    @Autowired AuditService audit;
    @Autowired org.poseanalytics.web.analysis.AnalysisJobs jobs;
    @Autowired WebApplicationContext context;
    @TempDir Path tmp;

    ClinicUsers clinic;
    Subject subject;
    Session session;
    Video video;
    MockMvc mvc;

    @BeforeEach
    void aSubjectWithAVideo() throws Exception {
        clinic = newClinic("Audit");
        signIn(clinic.clinician());
        subject = subjects.create(new SubjectDetails(PATIENT, "EXT-7", null, "ACL", InvolvedSide.LEFT, null));
        subjects.update(subject.id(), new SubjectDetails(PATIENT, "EXT-8", null, "ACL", InvolvedSide.LEFT, "notes"));
        session = sessions.create(subject.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null));
        sessions.update(session.id(), new SessionDetails(LocalDate.now(), Exercise.LUNGE, null));
        try (InputStream in = Files.newInputStream(TestVideos.mp4(tmp.resolve("v.mp4"), 160, 120, 10, 25))) {
            video = videos.store(session.id(), FILE, in);
        }
        try (InputStream in = new java.io.ByteArrayInputStream("not a video".getBytes(StandardCharsets.UTF_8))) {
            videos.store(session.id(), "Zebulon_Quixote-Marsh_broken.mp4", in);
        } catch (Exception refused) {
            // refused, as it should be: only its log line matters here
        }
        SecurityContextHolder.clearContext();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private static UsernamePasswordAuthenticationToken auth(AccountPrincipal p) {
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }

    private MvcResult getAs(AccountPrincipal user, String url) throws Exception {
        SecurityContextHolder.clearContext();
        return mvc.perform(get(url).with(authentication(auth(user)))).andReturn();
    }

    private List<AuditEvent> entries() throws Exception {
        return as(clinic.admin(), () -> audit.search(new AuditFilter(null, null, null, null, null, 1000)));
    }

    @Test
    void readsAndChangesAreRecordedByIdWithoutNames(CapturedOutput output) throws Exception {
        assertThat(getAs(clinic.viewer(), "/api/videos/" + video.id() + "/analysis").getResponse().getStatus()).isEqualTo(200);
        assertThat(getAs(clinic.viewer(), "/api/videos/" + video.id() + "/analysis").getResponse().getStatus()).isEqualTo(200);
        assertThat(getAs(clinic.viewer(), "/media/videos/" + video.id() + "/thumbnail.jpg").getResponse().getStatus()).isEqualTo(200);
        assertThat(getAs(clinic.viewer(), "/media/videos/" + video.id() + "/file").getResponse().getStatus()).isEqualTo(200);

        List<AuditEvent> log = entries();
        String clinician = clinic.clinician().getUsername();
        assertThat(log).anySatisfy(e -> expect(e, clinician, AuditAction.CREATED, subject.id(), null, "subject " + subject.id()));
        assertThat(log).anySatisfy(e -> expect(e, clinician, AuditAction.CHANGED, subject.id(), null, "details of subject " + subject.id()));
        assertThat(log).anySatisfy(e -> expect(e, clinician, AuditAction.CREATED, subject.id(), null, "session " + session.id() + " of "));
        assertThat(log).anySatisfy(e -> expect(e, clinician, AuditAction.CHANGED, subject.id(), null, "session " + session.id() + " now of "));
        assertThat(log).anySatisfy(e -> expect(e, clinician, AuditAction.UPLOADED, subject.id(), video.id(), "video " + video.id()));
        String viewer = clinic.viewer().getUsername();
        assertThat(log).anySatisfy(e -> expect(e, viewer, AuditAction.VIEWED, subject.id(), video.id(), "thumbnail of video " + video.id()));
        assertThat(log).anySatisfy(e -> expect(e, viewer, AuditAction.VIEWED, subject.id(), video.id(), "played video " + video.id()));
        // the API read twice within five minutes is one look
        assertThat(log).filteredOn(e -> e.username().equals(viewer) && "analysis of video %d over the API".formatted(video.id()).equals(e.detail()))
                .hasSize(1);

        assertThat(log).allSatisfy(e -> assertThat(e.detail() == null ? "" : e.detail())
                .doesNotContain("Zebulon").doesNotContain("Quixote").doesNotContain(".mp4"));
        assertThat(jdbc.sql("select count(*) from audit_event where detail ilike '%zebulon%' or username ilike '%zebulon%'")
                .query(Long.class).single()).isZero();
        assertThat(output.getAll()).doesNotContain("Zebulon").doesNotContain("Quixote").contains("Rejected upload to session " + session.id() + " ");
    }

    @Test
    void analysingAgainAndCancellingAreRecorded() throws Exception {
        String clinician = clinic.clinician().getUsername();
        String api = "/api/videos/" + video.id() + "/analysis";
        as(clinic.clinician(), () -> jobs.cancel(video.id())); // the upload's own job, if still queued
        int status = 0;
        for (long until = System.nanoTime() + 60_000_000_000L; System.nanoTime() < until; Thread.sleep(500)) {
            status = postAs(clinic.clinician(), api);
            if (status != 409) break; // 409: the upload's job is still winding down
        }
        assertThat(status).isEqualTo(200);
        assertThat(postAs(clinic.clinician(), api + "/cancel")).isEqualTo(200);
        List<AuditEvent> log = entries();
        assertThat(log).anySatisfy(e -> expect(e, clinician, AuditAction.CHANGED, subject.id(), video.id(),
                "analysis of video " + video.id() + " requested again (model default, exercise lunge, scale none)"));
        assertThat(log).anySatisfy(e -> expect(e, clinician, AuditAction.CHANGED, subject.id(), video.id(),
                "analysis of video " + video.id() + " cancelled"));
    }

    private int postAs(AccountPrincipal user, String url) throws Exception {
        SecurityContextHolder.clearContext();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(authentication(auth(user))))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void userManagementIsRecorded() throws Exception {
        String admin = clinic.admin().getUsername();
        String invited = "audit-new-" + System.nanoTime();
        Invitation inv = as(clinic.admin(), () -> accounts.invite(invited, "New Person", Role.VIEWER));
        accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD);
        long id = inv.account().id();
        as(clinic.admin(), () -> {
            accounts.setRole(id, Role.CLINICIAN);
            accounts.setEnabled(id, false);
            accounts.setEnabled(id, true);
            accounts.renewInvite(id);
            return null;
        });
        String who = "user " + id + " (" + invited + ")";
        List<AuditEvent> log = entries();
        assertThat(log).anySatisfy(e -> expect(e, admin, AuditAction.USER_INVITED, null, null, who + ": invited as viewer"));
        assertThat(log).anySatisfy(e -> expect(e, invited, AuditAction.INVITE_ACCEPTED, null, null, who));
        assertThat(log).anySatisfy(e -> expect(e, admin, AuditAction.ROLE_CHANGED, null, null, who + ": viewer → clinician"));
        assertThat(log).anySatisfy(e -> expect(e, admin, AuditAction.USER_DISABLED, null, null, who));
        assertThat(log).anySatisfy(e -> expect(e, admin, AuditAction.USER_ENABLED, null, null, who));
        assertThat(log).anySatisfy(e -> expect(e, admin, AuditAction.PASSWORD_RESET, null, null, who));
        assertThat(log).noneMatch(e -> e.detail() != null && (e.detail().contains(PASSWORD) || e.detail().contains(inv.token())));
    }

    @Test
    void adminsFilterByDateUserActionAndSubject() throws Exception {
        getAs(clinic.viewer(), "/media/videos/" + video.id() + "/thumbnail.jpg");
        String viewer = clinic.viewer().getUsername();
        List<AuditEvent> byViewer = as(clinic.admin(), () -> audit.search(new AuditFilter(null, null, viewer.toUpperCase(), null, null, 100)));
        assertThat(byViewer).isNotEmpty().allSatisfy(e -> assertThat(e.username()).isEqualTo(viewer));
        List<AuditEvent> uploads = as(clinic.admin(), () -> audit.search(new AuditFilter(null, null, null, AuditAction.UPLOADED, subject.id(), 100)));
        assertThat(uploads).singleElement().satisfies(e -> assertThat(e.videoId()).isEqualTo(video.id()));
        LocalDate today = LocalDate.now();
        assertThat(as(clinic.admin(), () -> audit.search(new AuditFilter(today, today, null, null, subject.id(), 100)))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(as(clinic.admin(), () -> audit.search(new AuditFilter(today.minusDays(9), today.minusDays(1), null, null, subject.id(), 100)))).isEmpty();
        assertThat(as(clinic.admin(), () -> audit.search(new AuditFilter(today.plusDays(1), null, null, null, null, 100)))).isEmpty();
        // another clinic's admin sees none of it, whatever the filter
        ClinicUsers other = newClinic("Audit other");
        assertThat(as(other.admin(), () -> audit.search(new AuditFilter(null, null, viewer, null, subject.id(), 100)))).isEmpty();
    }

    @Test
    void theCsvExportIsQuotedFormulaSafeAdminOnlyAndAudited() throws Exception {
        // A user name a spreadsheet would run as a formula, with a quote and a comma in it
        String hostile = "=HYPERLINK(\"http://x\",\"y\")-" + System.nanoTime();
        Invitation inv = as(clinic.admin(), () -> accounts.invite(hostile, "Hostile Name", Role.VIEWER));
        accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD);

        MvcResult r = getAs(clinic.admin(), "/api/audit.csv?from=" + LocalDate.now() + "&action=invite_accepted");
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).startsWith("text/csv");
        assertThat(r.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains(".csv");
        List<List<String>> rows = parseCsv(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).containsExactly("id", "at", "user", "action", "subject_id", "video_id", "detail");
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row.get(3)).isEqualTo("invite_accepted"))
                .anySatisfy(row -> {
                    assertThat(row.get(2)).isEqualTo("'" + hostile); // read back whole, and not as a formula
                    assertThat(row.get(6)).isEqualTo("user " + inv.account().id() + " (" + hostile + "): password chosen");
                });

        for (AccountPrincipal refused : List.of(clinic.viewer(), clinic.clinician())) {
            MvcResult no = getAs(refused, "/api/audit.csv");
            assertThat(no.getResponse().getStatus()).isEqualTo(403);
            assertThat(no.getResponse().getContentAsString()).doesNotContain("invite_accepted");
        }
        assertThat(getAs(clinic.admin(), "/api/audit.csv?action=nonsense").getResponse().getStatus()).isEqualTo(400);
        assertThat(entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.EXPORTED);
            assertThat(e.username()).isEqualTo(clinic.admin().getUsername());
            assertThat(e.detail()).startsWith("audit log CSV, ").contains("action invite_accepted");
        });
    }

    private static void expect(AuditEvent e, String user, AuditAction action, Long subjectId, Long videoId, String detailStart) {
        assertThat(e.username()).isEqualTo(user);
        assertThat(e.action()).isEqualTo(action);
        assertThat(e.subjectId()).isEqualTo(subjectId);
        assertThat(e.videoId()).isEqualTo(videoId);
        assertThat(e.detail()).startsWith(detailStart);
    }

    /** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(field.toString()); field.setLength(0); }
            else if (c == '\r') { /* part of CRLF */ }
            else if (c == '\n') { row.add(field.toString()); field.setLength(0); rows.add(row); row = new ArrayList<>(); }
            else field.append(c);
        }
        if (!field.isEmpty() || !row.isEmpty()) { row.add(field.toString()); rows.add(row); }
        return rows;
    }
}
