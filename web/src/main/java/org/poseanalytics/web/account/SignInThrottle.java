package org.poseanalytics.web.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name and per client address. After a few free failures each further one makes the next
 * try wait longer (1 s, 2 s, 4 s, …); at the limit the name or address is locked out for a while. A blocked attempt
 * is refused without looking at the password, so a correct password does not get through a lockout either.
 * <p>
 * Unknown user names count like known ones (the answer must not tell them apart). The address limit is higher,
 * because a clinic's staff often share one address. Kept in memory: a restart forgets it, which costs an attacker
 * a restart they cannot cause; several web nodes each count on their own.
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

    private record Failures(int count, Instant last, Instant blockedUntil) {}

    /** Past this many remembered keys, those long quiet are forgotten on the next failure: memory stays bounded. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Policy perAccount;
    private final Policy perAddress;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(Policy perAccount, Policy perAddress, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** When the next attempt for this name from this address may be made, if that is in the future. */
    public Optional<Instant> blockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant until = latest(blocked(accounts.get(key(username)), now), blocked(addresses.get(address(address)), now));
        return Optional.ofNullable(until);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(accounts, key(username), perAccount, now);
        count(addresses, address(address), perAddress, now);
    }

    /** A success clears the account's failures, not the address's: one valid account must not unlock guessing others. */
    public void succeeded(String username) { accounts.remove(key(username)); }

    public Policy perAccount() { return perAccount; }

    private static void count(Map<String, Failures> map, String key, Policy policy, Instant now) {
        if (map.size() > PRUNE_ABOVE) map.values().removeIf(f -> f.last().plus(policy.lockout()).isBefore(now));
        map.compute(key, (k, before) -> {
            // Failures are forgotten after a quiet period as long as the lockout.
            int count = before == null || before.last().plus(policy.lockout()).isBefore(now) ? 1 : before.count() + 1;
            if (count > policy.lockoutFailures()) count = 1; // a lockout served starts the count afresh
            return new Failures(count, now, now.plus(policy.waitAfter(count)));
        });
    }

    private static Instant blocked(Failures f, Instant now) {
        return f != null && f.blockedUntil().isAfter(now) ? f.blockedUntil() : null;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    private static String key(String username) { return username == null ? "" : username.strip().toLowerCase(Locale.ROOT); }

    private static String address(String address) { return address == null ? "unknown" : address; }
}
