package org.poseanalytics.web.account;

import java.time.Instant;
import org.springframework.security.authentication.AccountStatusException;

/**
 * Too many failed sign-ins for this user name or from this address. An {@link AccountStatusException}, so that no
 * other authentication provider is asked after it.
 */
public class SignInThrottledException extends AccountStatusException {
    private final Instant retryAt;

    public SignInThrottledException(Instant retryAt) {
        super("Too many failed sign-ins; try again later");
        this.retryAt = retryAt;
    }

    public Instant retryAt() { return retryAt; }
}
