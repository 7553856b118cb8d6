package org.poseanalytics.web.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link SignInThrottle} keeps its counts of failed sign-ins: in PostgreSQL ({@link DatabaseSignInFailures}, the
 * app's: a restart forgets nothing and every web node counts the same) or in this JVM ({@link MemorySignInFailures}).
 */
public interface SignInFailures {
    /** What is counted: a user name (known or not) or a client address. */
    enum Kind { ACCOUNT, ADDRESS }

    /** The end of this key's current wait or lockout, if it is after {@code now}. */
    Optional<Instant> blockedUntil(Kind kind, String key, Instant now);

    /**
     * Counts one failure at {@code now}: failures are forgotten after a quiet period as long as the policy's lockout,
     * a lockout served starts the count afresh, and the next try waits {@link SignInThrottle.Policy#waitAfter} the count.
     */
    void failed(Kind kind, String key, SignInThrottle.Policy policy, Instant now);

    /** Forgets this key's failures. */
    void clear(Kind kind, String key);
}
