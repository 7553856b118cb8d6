package org.poseanalytics.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With forwarded headers on ({@code POSE_FORWARD_HEADERS=native}) and the trusted proxy narrowed to one address
 * ({@code server.tomcat.remoteip.internal-proxies}, README "Behind a TLS proxy"), the same {@code X-Forwarded-*} headers
 * are honoured from that address and ignored from any other: a client that reaches the app around the proxy gets no
 * Secure cookie, no redirect to the https host it claims, an invite link to the host it really reached, and is counted
 * by the sign-in throttle under its own address. Both come from this host, from two loopback addresses (127.0.0.2 is
 * the proxy, 127.0.0.1 the client around it); the cookie is left to Tomcat ({@code POSE_SECURE_COOKIE} unset), which
 * makes it Secure only for a request it believes came over https.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"POSE_FORWARD_HEADERS=native", "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.2"})
@Import(BehindTlsProxyTest.Echo.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TrustedProxyAddressTest {
    static final Path DATA = tempDir();
    /** As in {@link BehindTlsProxyTest}: this second app would otherwise keep the JVM's security context holder. */
    static final SecurityContextHolderStrategy BEFORE = SecurityContextHolder.getContextHolderStrategy();
    static final InetAddress PROXY = address(127, 0, 0, 2), ELSEWHERE = address(127, 0, 0, 1);

    @AfterAll
    static void giveTheSecurityContextBack() { SecurityContextHolder.setContextHolderStrategy(BEFORE); }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pose.data-dir", DATA::toString);
    }

    @LocalServerPort int port;

    @Test
    void fromTheTrustedProxyTheForwardedHeadersAreHonoured() throws Exception {
        assertThat(echo(PROXY)).isEqualTo("https pose.example.org 443 203.0.113.7 secure https://pose.example.org/invite/tok3n");
        HttpResponse<Void> r = get(PROXY, "/subjects");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("https://pose.example.org/login");
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("; Secure"));
    }

    @Test
    void fromAnyOtherAddressTheSameHeadersChangeNothing() throws Exception {
        assertThat(echo(ELSEWHERE)).isEqualTo("http 127.0.0.1 " + port + " 127.0.0.1 plain http://127.0.0.1:" + port + "/invite/tok3n");
        HttpResponse<Void> r = get(ELSEWHERE, "/subjects");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("pose.example.org").doesNotStartWith("https:");
        assertThat(r.headers().allValues("Set-Cookie")).isNotEmpty().noneSatisfy(c -> assertThat(c).contains("Secure"));
    }

    private String echo(InetAddress from) throws Exception {
        return client(from).send(forwarded("/test/forwarded"), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<Void> get(InetAddress from, String path) throws Exception {
        return client(from).send(forwarded(path), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpClient client(InetAddress from) {
        return HttpClient.newBuilder().localAddress(from).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What a TLS proxy passes on: the user asked for https://pose.example.org from 203.0.113.7. */
    private HttpRequest forwarded(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "pose.example.org")
                .header("X-Forwarded-For", "203.0.113.7").build();
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
