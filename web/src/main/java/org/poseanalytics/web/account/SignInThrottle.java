package org.poseanalytics.web.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.poseanalytics.web.account.SignInFailures.Kind;

/**
 * Failed sign-ins per user name and per client address. After a few free failures each further one makes the next
 * try wait longer (1 s, 2 s, 4 s, …); at the limit the name or address is locked out for a while. A blocked attempt
 * is refused without looking at the password, so a correct password does not get through a lockout either.
 * <p>
 * Unknown user names count like known ones (the answer must not tell them apart). The address limit is higher,
 * because a clinic's staff often share one address. The counts are kept by a {@link SignInFailures}: in the app, in
 * PostgreSQL, so that a restart forgets nothing and several web nodes count together.
 */
public final class SignInThrottle {
    /** How failures of one kind of key (account or address) are limited. */
    public record Policy(int freeFailures, Duration firstDelay, int lockoutFailures, Duration lockout) {
        public Policy {
            if (freeFailures < 0 || lockoutFailures < 1 || freeFailures >= lockoutFailures) {
                throw new IllegalArgumentException("need 0 <= free failures < lockout failures");
            }
        }

        /** How long after the {@code failures}-th failure the next attempt waits. */
        Duration waitAfter(int failures) {
            if (failures >= lockoutFailures) return lockout;
            if (failures <= freeFailures) return Duration.ZERO;
            Duration wait = firstDelay.multipliedBy(1L << Math.min(20, failures - freeFailures - 1));
            return wait.compareTo(lockout) > 0 ? lockout : wait;
        }
    }

    private final Policy perAccount;
    private final Policy perAddress;
    private final Clock clock;
    private final SignInFailures failures;

    /** Counting in this JVM's memory. */
    public SignInThrottle(Policy perAccount, Policy perAddress, Clock clock) {
        this(perAccount, perAddress, clock, new MemorySignInFailures());
    }

    public SignInThrottle(Policy perAccount, Policy perAddress, Clock clock, SignInFailures failures) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.clock = clock;
        this.failures = failures;
    }

    /** When the next attempt for this name from this address may be made, if that is in the future. */
    public Optional<Instant> blockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant until = latest(failures.blockedUntil(Kind.ACCOUNT, key(username), now).orElse(null),
                failures.blockedUntil(Kind.ADDRESS, address(address), now).orElse(null));
        return Optional.ofNullable(until);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        failures.failed(Kind.ACCOUNT, key(username), perAccount, now);
        failures.failed(Kind.ADDRESS, address(address), perAddress, now);
    }

    /** A success clears the account's failures, not the address's: one valid account must not unlock guessing others. */
    public void succeeded(String username) { failures.clear(Kind.ACCOUNT, key(username)); }

    public Policy perAccount() { return perAccount; }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    private static String key(String username) { return username == null ? "" : username.strip().toLowerCase(Locale.ROOT); }

    private static String address(String address) { return address == null ? "unknown" : address; }
}
