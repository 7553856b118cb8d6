package org.poseanalytics.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.account.AccountPrincipal;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 15, items 5 and 7: every response carries the browser-side defences, and a REST call that fails on the server
 * answers 500 with a reference found in the log beside the stack trace, not 403 and not a path.
 */
class SecurityHeadersTest extends AppTestBase {
    @Autowired WebApplicationContext context;
    @Autowired RestErrors restErrors;

    @LocalServerPort int port;

    /**
     * Over real HTTP, through Vaadin's servlet as a browser meets it (MockMvc does not go through it, and a first
     * version that passed there left the sign-in page without any of these): public pages, a signed-in page's
     * redirect, the API and the media.
     */
    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/login", "/setup", "/invite", "/subjects", "/api/videos/" + RestErrorsTest.MISSING + "/analysis",
                "/media/videos/1/file"}) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
            assertThat(csp).as("CSP of " + path).isNotNull()
                    .contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'", "style-src 'self' 'unsafe-inline'",
                            "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'")
                    .doesNotContain("*");
            assertThat(r.headers().allValues("Content-Security-Policy")).as("one CSP on " + path).hasSize(1);
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(r.headers().firstValue("Permissions-Policy")).as(path).contains("camera=(), microphone=(), geolocation=()");
            assertThat(r.headers().allValues("X-Frame-Options")).as(path).containsExactly("DENY");
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
