package org.poseanalytics.web.audit;

/** What an audit entry records; the code is what the table keeps (its check constraint lists them all). */
public enum AuditAction {
    /** A page, an API answer or a media file with a subject's data was read. */
    VIEWED,
    /** A subject or a session was added. */
    CREATED,
    /** A subject's or a session's details were edited. */
    CHANGED,
    UPLOADED, EXPORTED, DELETED, TRACKED,
    SIGNED_IN, SIGN_IN_FAILED,
    /** User management by a clinic admin, and the invited user choosing a password. */
    USER_INVITED, INVITE_ACCEPTED, PASSWORD_RESET, ROLE_CHANGED, USER_DISABLED, USER_ENABLED,
    /** Personal API tokens: made, revoked, and used (one entry per token, method and endpoint per minute). */
    TOKEN_CREATED, TOKEN_REVOKED, TOKEN_USED;

    public String code() { return name().toLowerCase(); }

    public static AuditAction of(String code) { return valueOf(code.toUpperCase()); }
}
