package org.poseanalytics.web.account;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling, logging and auditing. Unknown users, disabled users, pending invites and wrong
 * passwords all get the same {@link BadCredentialsException} after the same bcrypt work (the enabled check runs after
 * the password check, not before), so the answer does not tell whether an account exists.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ThrottledAuthenticationProvider(AccountDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
                                    JdbcClient jdbc, ApplicationEventPublisher events) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) throw new DisabledException("disabled");
        });
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName() == null ? "" : request.getName().strip();
        String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Optional<Instant> blocked = throttle.blockedUntil(username, address);
        if (blocked.isPresent()) {
            Known known = known(username);
            log.warn("Sign-in refused without a password check (too many failures) for {} from {} until {}",
                    known.describe(), address, blocked.get());
            events.publishEvent(new SignInAttempt(SignInAttempt.Outcome.THROTTLED, known.accountId, known.clinicId,
                    known.username, address));
            throw new SignInThrottledException(blocked.get());
        }
        try {
            Authentication result = passwords.authenticate(request);
            AccountPrincipal p = (AccountPrincipal) result.getPrincipal();
            throttle.succeeded(username);
            log.info("Signed in: account {} of clinic {} from {}", p.accountId(), p.clinicId(), address);
            events.publishEvent(new SignInAttempt(SignInAttempt.Outcome.SUCCEEDED, p.accountId(), p.clinicId(),
                    p.getUsername(), address));
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            Known known = known(username);
            log.warn("Sign-in failed for {} from {} ({})", known.describe(), address, reason(e));
            events.publishEvent(new SignInAttempt(SignInAttempt.Outcome.FAILED, known.accountId, known.clinicId,
                    known.username, address));
            throw new BadCredentialsException("User name or password not right");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Said in the server log only, never to the client. */
    private static String reason(AuthenticationException e) {
        return e instanceof DisabledException ? "account disabled"
                : e instanceof BadCredentialsException ? "wrong password, unknown user or invite pending" : e.getClass().getSimpleName();
    }

    private record Known(Long accountId, Long clinicId, String username) {
        String describe() { return accountId == null ? "an unknown user name" : "account " + accountId + " of clinic " + clinicId; }
    }

    private Known known(String username) {
        return jdbc.sql("select id, clinic_id, username from account where lower(username) = lower(:u)")
                .param("u", username)
                .query((rs, n) -> new Known(rs.getLong("id"), rs.getLong("clinic_id"), rs.getString("username")))
                .optional().orElse(new Known(null, null, null));
    }
}
