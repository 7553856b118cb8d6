package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.Test;

/** The operators' dashboard listens on loopback by default and never without a user name and password. */
class JobsDashboardTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void refusesToStartWithoutCredentials() {
        for (String[] credentials : new String[][] {{"", ""}, {"ops", ""}, {"", "secret"}, {null, null}, {"ops", "  "}}) {
            assertThatThrownBy(() -> new JobsDashboard.Settings(LOOPBACK, 0, credentials[0], credentials[1]))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dashboard is enabled")
                    .hasMessageContaining("jobrunr.dashboard.username and jobrunr.dashboard.password");
        }
    }

    @Test
    void listensOnLoopbackBehindBasicAuthentication() throws Exception {
        Jackson3JsonMapper json = new Jackson3JsonMapper();
        InMemoryStorageProvider storage = new InMemoryStorageProvider();
        storage.setJobMapper(new JobMapper(json));
        JobsDashboard dashboard = new JobsDashboard(storage, json, new JobsDashboard.Settings(LOOPBACK, 0, "ops", "s3cret pass"));
        dashboard.start();
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            assertThat(dashboard.address().isLoopbackAddress()).isTrue();
            URI jobs = URI.create("http://" + LOOPBACK.getHostAddress() + ":" + dashboard.port() + "/api/jobs?state=ENQUEUED");
            assertThat(get(http, jobs, null).statusCode()).isEqualTo(401);
            assertThat(get(http, jobs, "ops:wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> allowed = get(http, jobs, "ops:s3cret pass");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.body()).contains("\"items\"");
        } finally {
            dashboard.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
