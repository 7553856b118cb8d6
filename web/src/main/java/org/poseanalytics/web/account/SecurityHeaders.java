package org.poseanalytics.web.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side defences on every response, set before anything else runs. Why not only Spring Security's header
 * writers: Vaadin serves its public routes (sign-in, setup, invitation) past them, so the sign-in page, the page most
 * worth framing or injecting into, went without (seen on a running server; MockMvc does not go through Vaadin's
 * servlet).
 */
public final class SecurityHeaders extends OncePerRequestFilter {
    /**
     * Vaadin Flow starts its client engine with an inline script and runs the expressions the server sends as
     * constructed functions, hence 'unsafe-inline' and 'unsafe-eval' for scripts (its documented minimum), and
     * 'unsafe-inline' for styles; everything else comes from this origin only: the videos and thumbnails (/media), the
     * charts' bundle, and push, whose websocket 'self' covers (CSP level 3). No plugins, no foreign forms or base URLs,
     * and no framing (as X-Frame-Options: DENY says to older browsers).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
            + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Health data has no use for the camera, microphone or location; a page that asks would be someone else's code. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
