package org.poseanalytics.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.AppTestBase;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forwarded headers are honoured only as configured: in the default configuration ({@code POSE_FORWARD_HEADERS=none})
 * a client that sends {@code X-Forwarded-*} itself changes neither the scheme nor the host redirects point at (Tomcat
 * reads none of them, so neither the client address the sign-in throttle counts by), and the cookie is not Secure
 * (plain HTTP). Shares {@link AppTestBase}'s app.
 */
class ForwardedHeadersIgnoredTest extends AppTestBase {
    @LocalServerPort int port;

    @Test
    void withoutTheSettingForwardedHeadersChangeNothing() throws Exception {
        HttpResponse<Void> r = throughProxy(port, "/subjects");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("pose.example.org").doesNotStartWith("https:");
        assertThat(r.headers().allValues("Set-Cookie")).isNotEmpty().noneSatisfy(c -> assertThat(c).contains("Secure"));
    }

    /** A request as a TLS proxy on this host passes it on: the user asked for https://pose.example.org from 203.0.113.7. */
    static HttpResponse<Void> throughProxy(int port, String path) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(forwarded(port, path).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    static String echo(int port) throws Exception {
        return HttpClient.newHttpClient().send(forwarded(port, "/test/forwarded").build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest.Builder forwarded(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "pose.example.org")
                .header("X-Forwarded-For", "203.0.113.7");
    }
}
