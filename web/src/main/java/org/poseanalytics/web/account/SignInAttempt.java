package org.poseanalytics.web.account;

/**
 * A sign-in that was tried, published for the audit log. Account and clinic are null when the user name matches no
 * account; what was typed as the user name is then not kept (it may be a password typed in the wrong field).
 *
 * @param address the client's address as the server saw it (the proxy's, unless forwarded headers are honoured)
 */
public record SignInAttempt(Outcome outcome, Long accountId, Long clinicId, String username, String address) {
    public enum Outcome {
        SUCCEEDED,
        /** Wrong password, unknown or disabled user, or an invite not yet accepted: all answered alike. */
        FAILED,
        /** Refused without checking the password, because of earlier failures. */
        THROTTLED
    }
}
