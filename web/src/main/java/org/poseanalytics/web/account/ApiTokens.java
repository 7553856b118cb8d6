package org.poseanalytics.web.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.UserInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: the signed-in user makes, lists and revokes their own; {@link BearerTokenFilter} turns a token
 * into its account for one request. The secret ({@value #SECRET_PREFIX} + 32 random characters) is returned once by
 * {@link #create} and stored only as its SHA-256.
 */
@Service
public class ApiTokens {
    public static final String SECRET_PREFIX = "pat_";
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** A token just made, with its secret: show it once, it cannot be read again. */
    public record NewApiToken(ApiToken token, String secret) {}

    /** Why a presented token does not authenticate, in words its holder can act on. */
    public enum Refusal {
        UNKNOWN("The API token is not valid."),
        REVOKED("The API token was revoked. Make a new one on your profile page."),
        EXPIRED("The API token has expired. Make a new one on your profile page."),
        ACCOUNT_DISABLED("The API token is not valid.");

        private final String message;

        Refusal(String message) { this.message = message; }

        public String message() { return message; }
    }

    /** The outcome of presenting a token: the authentication, or the refusal. */
    public record Check(ApiTokenAuthentication authentication, Refusal refusal) {}

    /**
     * @param days     how long it is valid, 1 to {@value #MAX_DAYS}
     * @param readOnly viewer rights only, whatever the user's role
     */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional
    public NewApiToken create(String name, int days, boolean readOnly) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("API tokens are made on the profile page, not with another token");
        }
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) throw new UserInputException("Give the token a name that says what it is for, e.g. “gait study script”.", "name");
        if (n.length() > 100) throw new UserInputException("Keep the token's name under 100 characters.", "name");
        if (days < 1 || days > MAX_DAYS) throw new UserInputException("A token is valid for 1 to " + MAX_DAYS + " days.", "days");
        AccountPrincipal user = currentUser.get();
        Role role = readOnly ? Role.VIEWER : user.role();
        String secret = SECRET_PREFIX + Tokens.newToken();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into api_token (clinic_id, account_id, name, token_hash, token_prefix, role, created_at, expires_at)
                        values (:clinic, :account, :name, :hash, :prefix, :role, :now, :expires) returning id""")
                .param("clinic", user.clinicId()).param("account", user.accountId()).param("name", n)
                .param("hash", Tokens.sha256(secret)).param("prefix", secret.substring(0, SECRET_PREFIX.length() + 6))
                .param("role", role.code()).param("now", utc(now)).param("expires", utc(now.plus(Duration.ofDays(days))))
                .query(Long.class).single();
        events.publishEvent(new ApiTokenEvent(ApiTokenEvent.Kind.CREATED, user.clinicId(), user.accountId(), user.getUsername(), id,
                "API token " + id + " made, " + role.code() + " rights, valid " + days + " days"));
        return new NewApiToken(get(id), secret);
    }

    /** The signed-in user's tokens, newest first, revoked and expired ones included (so they can see what stopped). */
    @PreAuthorize("hasRole('VIEWER')")
    public List<ApiToken> mine() {
        return jdbc.sql("select * from api_token where account_id = :account and clinic_id = :clinic order by created_at desc, id desc")
                .param("account", currentUser.get().accountId()).param("clinic", currentUser.clinicId())
                .query(ApiTokens::map).list();
    }

    /** Revokes one of the signed-in user's own tokens; at once, for every request after this one. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional
    public void revoke(long tokenId) {
        AccountPrincipal user = currentUser.get();
        int rows = jdbc.sql("update api_token set revoked_at = now() where id = :id and account_id = :account and clinic_id = :clinic and revoked_at is null")
                .param("id", tokenId).param("account", user.accountId()).param("clinic", user.clinicId()).update();
        if (rows == 0) {
            get(tokenId); // not the user's (404), or already revoked (nothing to do)
            return;
        }
        events.publishEvent(new ApiTokenEvent(ApiTokenEvent.Kind.REVOKED, user.clinicId(), user.accountId(), user.getUsername(), tokenId,
                "API token " + tokenId + " revoked"));
    }

    private ApiToken get(long tokenId) {
        return jdbc.sql("select * from api_token where id = :id and account_id = :account and clinic_id = :clinic")
                .param("id", tokenId).param("account", currentUser.get().accountId()).param("clinic", currentUser.clinicId())
                .query(ApiTokens::map).optional().orElseThrow(() -> new NotFoundException("API token " + tokenId));
    }

    /**
     * Who a presented secret acts for, read anew on every request: unknown, revoked and expired tokens and those of a
     * disabled account (or one whose invite is not accepted) are refused; the role is the token's or the account's
     * current one, whichever is lower, so a demoted user's tokens are demoted with them.
     */
    public Check authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 100) return new Check(null, Refusal.UNKNOWN);
        record Row(long tokenId, Role tokenRole, Instant expiresAt, Instant revokedAt, AccountPrincipal account, boolean usable) {}
        Optional<Row> row = jdbc.sql("""
                        select t.id as token_id, t.role as token_role, t.expires_at, t.revoked_at,
                               a.id, a.clinic_id, c.name as clinic_name, a.username, a.display_name, a.role, a.enabled,
                               a.password_hash is not null as password_set, a.session_epoch
                        from api_token t join account a on a.id = t.account_id and a.clinic_id = t.clinic_id
                                         join clinic c on c.id = a.clinic_id
                        where t.token_hash = :hash""")
                .param("hash", Tokens.sha256(secret))
                .query((rs, n) -> new Row(rs.getLong("token_id"), Role.of(rs.getString("token_role")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        instant(rs, "revoked_at"),
                        new AccountPrincipal(rs.getLong("id"), rs.getLong("clinic_id"), rs.getString("clinic_name"),
                                rs.getString("username"), rs.getString("display_name"), Role.of(rs.getString("role")),
                                rs.getBoolean("enabled"), null, rs.getInt("session_epoch"), clock.instant()),
                        rs.getBoolean("enabled") && rs.getBoolean("password_set")))
                .optional();
        if (row.isEmpty()) return new Check(null, Refusal.UNKNOWN);
        Row r = row.get();
        if (!r.usable()) return new Check(null, Refusal.ACCOUNT_DISABLED);
        if (r.revokedAt() != null) return new Check(null, Refusal.REVOKED);
        if (!r.expiresAt().isAfter(clock.instant())) return new Check(null, Refusal.EXPIRED);
        Role role = lower(r.tokenRole(), r.account().role());
        AccountPrincipal acting = r.account().role() == role ? r.account() : r.account().withRole(role);
        return new Check(new ApiTokenAuthentication(acting, r.tokenId()), null);
    }

    /**
     * Records a use in the audit log, at most once per token, method and endpoint pattern a minute (a script polling
     * a job's status every second is one entry a minute, not sixty), and the token's last use at most once a minute.
     */
    void used(ApiTokenAuthentication auth, String method, String endpoint) {
        AccountPrincipal p = auth.getPrincipal();
        jdbc.sql("update api_token set last_used_at = now() where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param("id", auth.tokenId()).update();
        events.publishEvent(new ApiTokenEvent(ApiTokenEvent.Kind.USED, p.clinicId(), p.accountId(), p.getUsername(), auth.tokenId(),
                "API token " + auth.tokenId() + ": " + method + " " + endpoint));
    }

    /** The lower of two roles (viewer < clinician < admin). */
    static Role lower(Role a, Role b) { return a.ordinal() >= b.ordinal() ? a : b; }

    private static ApiToken map(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"), Role.of(rs.getString("role")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) { return i.atOffset(ZoneOffset.UTC); }
}
