package org.poseanalytics.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.poseanalytics.web.AppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-in through the real filter chain (form login as the Vaadin login form posts it) on the real database:
 * throttling and lockout, one answer for unknown and disabled users, audit and log entries, sessions that follow
 * the account, and the pose model as a name only.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInSecurityTest extends AppTestBase {
    /** A video id no clinic has: a signed-in user gets 404 for it, an anonymous one is sent to sign in. */
    private static final String API = "/api/videos/999999999/analysis";

    @Autowired WebApplicationContext context;
    @Autowired org.poseanalytics.web.audit.AuditService audit;
    MockMvc mvc;
    ClinicUsers clinic;
    String address;

    @BeforeEach
    void setUp() {
        clinic = newClinic("Sign-in");
        anonymous();
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        var random = ThreadLocalRandom.current();
        address = "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    /** MockMvc runs on the test's thread: no test-side user may leak into its requests. */
    private static void anonymous() { TestSecurityContextHolder.clearContext(); }

    private void asAdmin(Runnable action) {
        signIn(clinic.admin());
        try {
            action.run();
        } finally {
            anonymous();
        }
    }

    private MvcResult attempt(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
                .andReturn();
    }

    private static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    private static Object failure(MvcResult r) {
        return r.getRequest().getSession() == null ? null : r.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private static boolean signedIn(MvcResult r) {
        return r.getResponse().getStatus() / 100 == 3 && !r.getResponse().getRedirectedUrl().contains("error");
    }

    private MockHttpSession session(String username) throws Exception {
        MvcResult r = attempt(username, PASSWORD);
        assertThat(signedIn(r)).as("signed in as " + username).isTrue();
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    private int read(MockHttpSession session) throws Exception {
        return mvc.perform(get(API).session(session)).andReturn()
                .getResponse().getStatus();
    }

    private int analyseAgain(MockHttpSession session) throws Exception {
        return mvc.perform(post(API).session(session).with(csrf())).andReturn().getResponse().getStatus();
    }

    private long auditRows(long accountId, String action) {
        return jdbc.sql("select count(*) from audit_event where account_id = :a and action = :action and detail = :detail")
                .param("a", accountId).param("action", action).param("detail", "from " + address).query(Long.class).single();
    }

    @Test
    void fiveFailuresLockTheAccountAndThenEvenTheRightPasswordIsRefused() throws Exception {
        String user = clinic.clinician().getUsername();
        for (int i = 1; i <= 5; i++) {
            MvcResult r = attempt(user, "wrong password " + i);
            assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
            if (i < 5) Thread.sleep(i >= 3 ? 1000L << (i - 3) : 0); // wait out the growing delay (1 s, 2 s)
        }
        MvcResult locked = attempt(user, PASSWORD);
        assertThat(signedIn(locked)).isFalse();
        assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(failure(locked)).isInstanceOfSatisfying(SignInThrottledException.class, e ->
                assertThat(Duration.between(Instant.now(), e.retryAt())).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
        assertThat(LoginView.wait(Instant.now().plus(Duration.ofMinutes(15)))).isEqualTo("in 15 minutes");
        // Other accounts are not locked by it.
        assertThat(signedIn(attempt(clinic.viewer().getUsername(), PASSWORD))).isTrue();
    }

    @Test
    void aThirdFailureMakesTheNextTryWait() throws Exception {
        String user = clinic.viewer().getUsername();
        for (int i = 0; i < 3; i++) attempt(user, "not the password");
        MvcResult tooSoon = attempt(user, PASSWORD);
        assertThat(signedIn(tooSoon)).isFalse();
        assertThat(failure(tooSoon)).isInstanceOf(SignInThrottledException.class);
        Thread.sleep(1100);
        assertThat(signedIn(attempt(user, PASSWORD))).isTrue();
    }

    @Test
    void unknownDisabledAndWrongPasswordGetTheSameAnswer(CapturedOutput output) throws Exception {
        String clinician = clinic.clinician().getUsername();
        asAdmin(() -> accounts.setEnabled(clinic.viewer().accountId(), false));
        String unknown = "nobody-" + UUID.randomUUID();
        MvcResult unknownUser = attempt(unknown, PASSWORD);
        MvcResult disabledUser = attempt(clinic.viewer().getUsername(), PASSWORD);
        MvcResult wrongPassword = attempt(clinician, "not the password");
        for (MvcResult r : new MvcResult[] {unknownUser, disabledUser, wrongPassword}) {
            assertThat(r.getResponse().getStatus()).isEqualTo(302);
            assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
            assertThat(failure(r)).isInstanceOfSatisfying(BadCredentialsException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("User name or password not right"));
        }
        // The server log says what happened, without passwords or what was typed as an unknown name.
        assertThat(output.getOut()).contains("Sign-in failed for an unknown user name from " + address)
                .contains("Sign-in failed for account " + clinic.viewer().accountId() + " of clinic " + clinic.viewer().clinicId()
                        + " from " + address + " (account disabled)")
                .doesNotContain(unknown).doesNotContain(PASSWORD).doesNotContain("not the password");
    }

    @Test
    void successAndFailureAreAudited(CapturedOutput output) throws Exception {
        AccountPrincipal clinician = clinic.clinician();
        attempt(clinician.getUsername(), "not the password");
        assertThat(signedIn(attempt(clinician.getUsername(), PASSWORD))).isTrue();
        assertThat(auditRows(clinician.accountId(), "sign_in_failed")).isEqualTo(1);
        assertThat(auditRows(clinician.accountId(), "signed_in")).isEqualTo(1);
        assertThat(output.getOut()).contains("Signed in: account " + clinician.accountId() + " of clinic " + clinician.clinicId()
                + " from " + address);
        // ...and readable by the clinic's admin.
        signIn(clinic.admin());
        assertThat(audit.latest(20))
                .anySatisfy(e -> {
                    assertThat(e.action().code()).isEqualTo("signed_in");
                    assertThat(e.username()).isEqualTo(clinician.getUsername());
                });
    }

    @Test
    void aDisabledUsersLiveSessionEndsOnItsNextRequest() throws Exception {
        MockHttpSession session = session(clinic.clinician().getUsername());
        assertThat(read(session)).isEqualTo(404);
        asAdmin(() -> accounts.setEnabled(clinic.clinician().accountId(), false));
        assertThat(read(session)).as("sent to sign in").isEqualTo(302);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPasswordResetEndsTheLiveSession() throws Exception {
        MockHttpSession session = session(clinic.viewer().getUsername());
        assertThat(read(session)).isEqualTo(404);
        asAdmin(() -> accounts.renewInvite(clinic.viewer().accountId()));
        assertThat(read(session)).isEqualTo(302);
    }

    @Test
    void aRoleChangeTakesEffectInTheLiveSessionAtOnce() throws Exception {
        MockHttpSession session = session(clinic.clinician().getUsername());
        assertThat(analyseAgain(session)).as("a clinician may ask; the video is not found").isEqualTo(404);
        asAdmin(() -> accounts.setRole(clinic.clinician().accountId(), Role.VIEWER));
        assertThat(analyseAgain(session)).as("a viewer may not").isEqualTo(403);
        assertThat(read(session)).as("but still reads").isEqualTo(404);
        asAdmin(() -> accounts.setRole(clinic.clinician().accountId(), Role.CLINICIAN));
        assertThat(analyseAgain(session)).isEqualTo(404);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeWhateverItsActivity() throws Exception {
        AccountPrincipal p = (AccountPrincipal) users.loadUserByUsername(clinic.viewer().getUsername());
        for (int hours : new int[] {11, 13}) {
            AccountPrincipal old = new AccountPrincipal(p.accountId(), p.clinicId(), p.clinicName(), p.getUsername(), p.displayName(),
                    p.role(), true, null, p.sessionEpoch(), Instant.now().minus(Duration.ofHours(hours)));
            int status = mvc.perform(get(API).with(authentication(UsernamePasswordAuthenticationToken.authenticated(old, null, old.getAuthorities()))))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as("signed in %d h ago", hours).isEqualTo(hours < 12 ? 404 : 302);
        }
    }

    @Test
    void theModelIsANameFromTheOfferNeverAPath() throws Exception {
        long clinicId = clinic.clinician().clinicId();
        long subject = jdbc.sql("insert into subject (clinic_id, display_name) values (?, 'S') returning id").param(clinicId).query(Long.class).single();
        long session = jdbc.sql("insert into session (clinic_id, subject_id, session_date, exercise) values (?, ?, current_date, 'squat') returning id")
                .param(clinicId).param(subject).query(Long.class).single();
        long video = jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, width, height,
                                           frames, duration_s, nominal_fps, variable_frame_rate, has_audio)
                        values (?, ?, ?, 'v.mp4', 1000, 640, 480, 60, 2, 30, false, false) returning id""")
                .param(clinicId).param(session).param(UUID.randomUUID()).query(Long.class).single();
        var token = UsernamePasswordAuthenticationToken.authenticated(clinic.clinician(), null, clinic.clinician().getAuthorities());
        for (String model : new String[] {"hrnet=/etc/passwd", "/srv/models/hrnet.onnx", "blazepose-huge"}) {
            MvcResult r = mvc.perform(post("/api/videos/" + video + "/analysis").param("model", model).with(csrf()).with(authentication(token)))
                    .andReturn();
            assertThat(r.getResponse().getStatus()).as(model).isEqualTo(409);
            assertThat(r.getResponse().getContentAsString()).contains("not offered").contains("blazepose-lite").doesNotContain("/");
        }
        assertThat(jdbc.sql("select count(*) from analysis_job where video_id = ?").param(video).query(Long.class).single()).isZero();
    }
}
