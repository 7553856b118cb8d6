package org.poseanalytics.web.account;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Failed sign-ins counted in this JVM: a restart forgets them and several nodes count apart (tests, {@code pose.sign-in.store=memory}). */
public final class MemorySignInFailures implements SignInFailures {
    private record Failures(int count, Instant last, Instant blockedUntil) {}

    /** Past this many remembered keys, those long quiet are forgotten on the next failure: memory stays bounded. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<Kind, Map<String, Failures>> counts = Map.of(Kind.ACCOUNT, new ConcurrentHashMap<>(), Kind.ADDRESS,
            new ConcurrentHashMap<>());

    @Override
    public Optional<Instant> blockedUntil(Kind kind, String key, Instant now) {
        Failures f = counts.get(kind).get(key);
        return f != null && f.blockedUntil().isAfter(now) ? Optional.of(f.blockedUntil()) : Optional.empty();
    }

    @Override
    public void failed(Kind kind, String key, SignInThrottle.Policy policy, Instant now) {
        Map<String, Failures> map = counts.get(kind);
        if (map.size() > PRUNE_ABOVE) map.values().removeIf(f -> f.last().plus(policy.lockout()).isBefore(now));
        map.compute(key, (k, before) -> {
            // Failures are forgotten after a quiet period as long as the lockout.
            int count = before == null || before.last().plus(policy.lockout()).isBefore(now) ? 1 : before.count() + 1;
            if (count > policy.lockoutFailures()) count = 1; // a lockout served starts the count afresh
            return new Failures(count, now, now.plus(policy.waitAfter(count)));
        });
    }

    @Override
    public void clear(Kind kind, String key) { counts.get(kind).remove(key); }
}
