package org.poseanalytics.web.account;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an invite link points. Behind a proxy the request's host is the internal one unless forwarded headers are
 * honoured ({@code server.forward-headers-strategy=native}); an operator who sets {@code pose.public-url} (e.g.
 * {@code https://pose.example-clinic.org/}) gets links to that address whatever the request says.
 */
@Component
public class InviteLinks {
    private final String publicUrl;

    InviteLinks(@Value("${pose.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.isBlank() ? "" : checked(publicUrl.strip());
    }

    /** The full link the admin sends, built from the public URL when set, else from the request that asks. */
    public String of(Invitation invitation, HttpServletRequest request) {
        return base(request) + invitation.path();
    }

    /** The full address of another public page of the app ({@code path} without a leading slash), built the same way. */
    public String to(String path, HttpServletRequest request) {
        return base(request) + path;
    }

    private String base(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) return publicUrl;
        boolean defaultPort = (request.getScheme().equals("http") && request.getServerPort() == 80)
                || (request.getScheme().equals("https") && request.getServerPort() == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + request.getServerPort())
                + request.getContextPath() + "/";
    }

    private static String checked(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pose.public-url '" + url + "' is not a URL; set it like https://pose.example.org/", e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("pose.public-url '" + url
                    + "' must be the address users open, like https://pose.example.org/ (http or https, a host, no query)");
        }
        return url.endsWith("/") ? url : url + "/";
    }
}
