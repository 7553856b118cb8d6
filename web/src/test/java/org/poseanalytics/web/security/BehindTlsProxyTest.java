package org.poseanalytics.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.account.Invitation;
import org.poseanalytics.web.account.InviteLinks;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app configured as README's "Behind a TLS proxy" says ({@code POSE_SECURE_COOKIE=true},
 * {@code POSE_FORWARD_HEADERS=native}, no {@code POSE_PUBLIC_URL}), over real HTTP from a proxy on this host: the
 * session cookie is Secure, the request's scheme, host and client address are the forwarded ones (so redirects,
 * invite links and the sign-in throttle see what the user sees), and {@link ForwardedHeadersIgnoredTest} shows the same
 * headers change nothing in the default configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"POSE_SECURE_COOKIE=true", "POSE_FORWARD_HEADERS=native"})
@Import(BehindTlsProxyTest.Echo.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BehindTlsProxyTest {
    static final Path DATA = tempDir();
    /**
     * Vaadin's security setup makes its own context holder the JVM's (a static): this app, started beside the one the
     * other tests share, would take it from them. Put back, and this app closed, once this class is done.
     */
    static final SecurityContextHolderStrategy BEFORE = SecurityContextHolder.getContextHolderStrategy();

    @AfterAll
    static void giveTheSecurityContextBack() { SecurityContextHolder.setContextHolderStrategy(BEFORE); }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pose.data-dir", DATA::toString);
    }

    @LocalServerPort int port;

    @Test
    void theSessionCookieIsSecureAndRedirectsUseTheForwardedAddress() throws Exception {
        HttpResponse<Void> r = ForwardedHeadersIgnoredTest.throughProxy(port, "/subjects");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("https://pose.example.org/login");
        List<String> cookies = r.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
        assertThat(cookies).allSatisfy(c -> assertThat(c).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void inviteLinksAndTheClientAddressComeFromTheProxysHeaders() throws Exception {
        String seen = ForwardedHeadersIgnoredTest.echo(port);
        assertThat(seen).isEqualTo("https pose.example.org 443 203.0.113.7 secure https://pose.example.org/invite/tok3n");
    }

    /** What the app's request objects say after Tomcat has read the forwarded headers; answered before any security. */
    @TestConfiguration
    static class Echo {
        @Bean
        FilterRegistrationBean<Filter> forwardedEcho(InviteLinks links) {
            Filter echo = (req, res, chain) -> {
                HttpServletRequest r = (HttpServletRequest) req;
                if (!r.getRequestURI().equals("/test/forwarded")) {
                    chain.doFilter(req, res);
                    return;
                }
                String seen = r.getScheme() + " " + r.getServerName() + " " + r.getServerPort() + " " + r.getRemoteAddr() + " "
                        + (r.isSecure() ? "secure" : "plain") + " " + links.of(new Invitation(null, "tok3n"), r);
                res.setContentType("text/plain");
                res.getOutputStream().write(seen.getBytes(StandardCharsets.UTF_8));
            };
            FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(echo);
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
            bean.addUrlPatterns("/test/forwarded");
            return bean;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pa-proxy-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
