package org.poseanalytics.web.account;

import java.time.OffsetDateTime;

/** A user of one clinic. {@code passwordSet} is false while an invite is pending. */
public record Account(long id, String username, String displayName, Role role, boolean enabled, boolean passwordSet,
                      OffsetDateTime inviteExpiresAt, OffsetDateTime createdAt) {
    public String state() {
        if (!enabled) return "Disabled";
        if (!passwordSet) return inviteExpiresAt != null && inviteExpiresAt.isBefore(OffsetDateTime.now())
                ? "Invite expired" : "Invited";
        return "Active";
    }
}
