package org.poseanalytics.web.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed sign-ins counted in PostgreSQL (table {@code sign_in_failure}, V36): a restart forgets nothing, and every web
 * node of one database counts the same failures, so an attacker cannot spread guesses over nodes or wait for a
 * restart. Keys are stored as SHA-256 hashes: a mistyped name, or a password typed into the name field, and the
 * client's address are not kept in the clear. Each failure is one atomic upsert (the row lock orders concurrent
 * failures of one key, from any node).
 */
public final class DatabaseSignInFailures implements SignInFailures {
    private final JdbcClient jdbc;

    public DatabaseSignInFailures(JdbcClient jdbc) { this.jdbc = jdbc; }

    @Override
    public Optional<Instant> blockedUntil(Kind kind, String key, Instant now) {
        return jdbc.sql("select blocked_until from sign_in_failure where kind = :kind and key_hash = :key and blocked_until > :now")
                .param("kind", kind(kind)).param("key", hash(key)).param("now", time(now))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    @Override
    public void failed(Kind kind, String key, SignInThrottle.Policy policy, Instant now) {
        String k = kind(kind), h = hash(key);
        OffsetDateTime at = time(now), quietSince = time(now.minus(policy.lockout()));
        // the same rule as in memory: forgotten after a quiet lockout-long period; a lockout served starts afresh
        int count = jdbc.sql("""
                        insert into sign_in_failure (kind, key_hash, failures, last_at, blocked_until)
                        values (:kind, :key, 1, :now, :now)
                        on conflict (kind, key_hash) do update set
                            failures = case when sign_in_failure.last_at < :quietSince
                                              or sign_in_failure.failures >= :lockoutFailures then 1
                                            else sign_in_failure.failures + 1 end,
                            last_at = greatest(sign_in_failure.last_at, excluded.last_at)
                        returning failures""")
                .param("kind", k).param("key", h).param("now", at).param("quietSince", quietSince)
                .param("lockoutFailures", policy.lockoutFailures()).query(Integer.class).single();
        jdbc.sql("update sign_in_failure set blocked_until = greatest(blocked_until, :until) where kind = :kind and key_hash = :key")
                .param("until", time(now.plus(policy.waitAfter(count)))).param("kind", k).param("key", h).update();
        // Rows long quiet are of no use: the table stays as small as the failures of the last lockout period.
        jdbc.sql("delete from sign_in_failure where kind = :kind and last_at < :quietSince and blocked_until < :now")
                .param("kind", k).param("quietSince", quietSince).param("now", at).update();
    }

    @Override
    public void clear(Kind kind, String key) {
        jdbc.sql("delete from sign_in_failure where kind = :kind and key_hash = :key").param("kind", kind(kind)).param("key", hash(key))
                .update();
    }

    private static String kind(Kind kind) { return kind.name().toLowerCase(Locale.ROOT); }

    private static OffsetDateTime time(Instant instant) { return instant.atOffset(ZoneOffset.UTC); }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
