package org.poseanalytics.web.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.poseanalytics.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer pat_…} on the API's security chain only (the pages never read it): a valid personal
 * API token authenticates this one request (nothing is kept in a session); an unknown, revoked or expired token, or one
 * of a disabled account, is answered 401 with a problem detail and {@code WWW-Authenticate: Bearer error="invalid_token"}
 * at once, even when the request also carries a session cookie. Each use is audited ({@link ApiTokens#used}).
 */
final class BearerTokenFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) { this.tokens = tokens; }

    /** Whether the request presents a bearer token (such requests need no CSRF token: a browser never adds one). */
    static boolean presented(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presented(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
        ApiTokens.Check check = tokens.authenticate(secret);
        if (check.refusal() != null) {
            log.info("API token refused ({}) on {} {} from {}", check.refusal(), request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
            SecurityContextHolder.clearContext();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ApiProblems.write(request, response, HttpStatus.UNAUTHORIZED, check.refusal().message());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(check.authentication());
        SecurityContextHolder.setContext(context);
        tokens.used(check.authentication(), request.getMethod(), endpoint(request));
        chain.doFilter(request, response);
    }

    /** The path with its ids as {id}, so that one script reading many videos is one entry a minute per endpoint. */
    static String endpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.replaceAll("/\\d+(?=/|$)", "/{id}");
    }
}
