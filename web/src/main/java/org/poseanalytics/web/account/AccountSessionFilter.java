package org.poseanalytics.web.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions follow the account, on every request: a session whose account was disabled, whose password was reset or
 * set anew (the account's session epoch moved on), or that is older than the absolute lifetime, ends here and the
 * request goes on unauthenticated (so it is sent to sign in). A changed role is applied to the live session in
 * place, so a downgrade takes effect on the very next click. One primary-key read per authenticated request.
 */
final class AccountSessionFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(AccountSessionFilter.class);

    private record Current(boolean enabled, boolean passwordSet, int sessionEpoch, Role role) {}

    private final JdbcClient jdbc;
    private final Duration maxLifetime;
    private final Clock clock;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    AccountSessionFilter(JdbcClient jdbc, Duration maxLifetime, Clock clock) {
        this.jdbc = jdbc;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            Current now = jdbc.sql("select enabled, password_hash is not null as password_set, session_epoch, role from account where id = :id")
                    .param("id", p.accountId())
                    .query((rs, n) -> new Current(rs.getBoolean("enabled"), rs.getBoolean("password_set"),
                            rs.getInt("session_epoch"), Role.of(rs.getString("role"))))
                    .optional().orElse(null);
            String end = now == null ? "account deleted"
                    : !now.enabled() ? "account disabled"
                    : !now.passwordSet() || now.sessionEpoch() != p.sessionEpoch() ? "password reset or changed"
                    : p.signedInAt().plus(maxLifetime).isBefore(clock.instant()) ? "absolute session lifetime reached"
                    : null;
            if (end != null) {
                log.info("Session of account {} ended: {}", p.accountId(), end);
                HttpSession session = request.getSession(false);
                if (session != null) session.invalidate();
                SecurityContextHolder.clearContext();
            } else if (now.role() != p.role()) {
                log.info("Role of account {} in its live session changed from {} to {}", p.accountId(), p.role().code(), now.role().code());
                AccountPrincipal changed = p.withRole(now.role());
                var token = UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities());
                token.setDetails(auth.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(token);
                SecurityContextHolder.setContext(context);
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
