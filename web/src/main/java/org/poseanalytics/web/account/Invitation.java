package org.poseanalytics.web.account;

/** A one-time invite token, shown to the admin once; only its hash is stored. */
public record Invitation(Account account, String token) {
    public String path() { return "invite/" + token; }
}
