package org.poseanalytics.web.account;

import java.time.Instant;

/**
 * A personal API token as its owner sees it on the profile page: never its secret, which is shown once at creation.
 *
 * @param prefix the secret's first characters, to tell tokens apart
 * @param role   the most it may do: its owner's role when it was made, or viewer for a read-only token; the owner's
 *               current role caps it on every use
 */
public record ApiToken(long id, String name, String prefix, Role role, Instant createdAt, Instant expiresAt,
                       Instant revokedAt, Instant lastUsedAt) {
    public boolean revoked() { return revokedAt != null; }

    public boolean expired(Instant now) { return !expiresAt.isAfter(now); }

    public boolean usable(Instant now) { return !revoked() && !expired(now); }

    public boolean readOnly() { return role == Role.VIEWER; }
}
