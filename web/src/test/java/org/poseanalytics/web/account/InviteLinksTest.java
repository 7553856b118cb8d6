package org.poseanalytics.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Invite links point at the configured public address, not at whatever host the request reached (a proxy's backend). */
class InviteLinksTest {
    private static final Invitation INVITATION = new Invitation(null, "tok3n");

    @Test
    void publicUrlWinsOverTheRequestsHost() {
        MockHttpServletRequest internal = request("http", "app-internal", 8080);
        assertThat(new InviteLinks("https://pose.example.org").of(INVITATION, internal)).isEqualTo("https://pose.example.org/invite/tok3n");
        assertThat(new InviteLinks("https://pose.example.org/clinic/").of(INVITATION, internal)).isEqualTo("https://pose.example.org/clinic/invite/tok3n");
    }

    @Test
    void withoutPublicUrlTheRequestSays() {
        assertThat(new InviteLinks("").of(INVITATION, request("http", "localhost", 8080))).isEqualTo("http://localhost:8080/invite/tok3n");
        assertThat(new InviteLinks(" ").of(INVITATION, request("https", "pose.example.org", 443))).isEqualTo("https://pose.example.org/invite/tok3n");
    }

    @Test
    void aPublicUrlThatIsNoAddressStopsTheStart() {
        for (String bad : new String[] {"pose.example.org", "ftp://pose.example.org/", "https://pose.example.org/?a=b", "https://exa mple"}) {
            assertThatThrownBy(() -> new InviteLinks(bad)).as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining("pose.public-url");
        }
    }

    private static MockHttpServletRequest request(String scheme, String host, int port) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/users");
        r.setScheme(scheme);
        r.setServerName(host);
        r.setServerPort(port);
        return r;
    }
}
