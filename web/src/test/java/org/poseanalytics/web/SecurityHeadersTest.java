package org.poseanalytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.account.AccountPrincipal;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 15, items 5 and 7: every response carries the browser-side defences, and a REST call that fails on the server
 * answers 500 with a reference found in the log beside the stack trace, not 403 and not a path.
 */
class SecurityHeadersTest extends AppTestBase {
    @Autowired WebApplicationContext context;
    @Autowired RestErrors restErrors;

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        ClinicUsers clinic = newClinic("Headers");
        SecurityContextHolder.clearContext();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        AccountPrincipal viewer = clinic.viewer();
        var signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(viewer, null, viewer.getAuthorities()));

        MockHttpServletResponse login = mvc.perform(get("/login")).andReturn().getResponse();
        MockHttpServletResponse page = mvc.perform(get("/subjects").with(signedIn)).andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(get("/api/videos/" + RestErrorsTest.MISSING + "/analysis").with(signedIn)).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(404);
        for (MockHttpServletResponse r : new MockHttpServletResponse[] {login, page, api}) {
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(csp).as("CSP").isNotNull()
                    .contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'", "style-src 'self' 'unsafe-inline'",
                            "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'")
                    .doesNotContain("*");
            assertThat(r.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(r.getHeader("Permissions-Policy")).isEqualTo("camera=(), microphone=(), geolocation=()");
            assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void serverErrorsAnswer500WithAReferenceThatIsInTheLog() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(restErrors).build();
        Logger logger = (Logger) LoggerFactory.getLogger(RestErrors.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            MockHttpServletResponse r = mvc.perform(get("/test/fails")).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(500);
            assertThat(r.getContentType()).startsWith("text/plain");
            String body = r.getContentAsString();
            assertThat(body).doesNotContain(Failing.SECRET_PATH, "IllegalStateException", "at org.");
            Matcher reference = Pattern.compile("reference ([0-9a-f]{8})\\.$").matcher(body);
            assertThat(reference.find()).as(body).isTrue();

            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains(reference.group(1), "/test/fails");
                assertThat(e.getThrowableProxy().getMessage()).contains(Failing.SECRET_PATH);
            });

            MockHttpServletResponse second = mvc.perform(get("/test/fails")).andReturn().getResponse();
            assertThat(second.getContentAsString()).as("a fresh reference per failure").isNotEqualTo(body);

            MockHttpServletResponse denied = mvc.perform(get("/test/denied")).andReturn().getResponse();
            assertThat(denied.getStatus()).isEqualTo(403);
            assertThat(denied.getContentAsString()).isEqualTo("You may not open this.");

            MockHttpServletResponse badParameter = mvc.perform(get("/test/number").param("n", "x")).andReturn().getResponse();
            assertThat(badParameter.getStatus()).as("Spring MVC's own refusals keep their 4xx").isEqualTo(400);
            assertThat(badParameter.getContentAsString()).isEqualTo("This request cannot be answered: Bad Request.");
        } finally {
            logger.detachAppender(log);
        }
    }

    /** A controller that fails as a bug would, with a server path in its message. */
    @RestController
    static class Failing {
        static final String SECRET_PATH = "/srv/pose/models/secret.onnx";

        @GetMapping("/test/fails")
        String fails() { throw new IllegalStateException("cannot read " + SECRET_PATH); }

        @GetMapping("/test/denied")
        String denied() { throw new AccessDeniedException("role too low"); }

        @GetMapping("/test/number")
        String number(@org.springframework.web.bind.annotation.RequestParam int n) { return "n=" + n; }
    }
}
