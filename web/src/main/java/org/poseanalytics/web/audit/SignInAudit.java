package org.poseanalytics.web.audit;

import org.poseanalytics.web.account.AccountChanged;
import org.poseanalytics.web.account.SignInAttempt;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The account package's events in the clinic's audit log: sign-ins and failed sign-ins (with the client address), and
 * user management. Attempts refused by the throttle are not written (the server log has them): a flood of them would
 * bury the real entries.
 */
@Component
class SignInAudit {
    private final AuditService audit;

    SignInAudit(AuditService audit) { this.audit = audit; }

    @EventListener
    void on(SignInAttempt attempt) {
        if (attempt.clinicId() == null || attempt.outcome() == SignInAttempt.Outcome.THROTTLED) return;
        AuditAction action = attempt.outcome() == SignInAttempt.Outcome.SUCCEEDED ? AuditAction.SIGNED_IN : AuditAction.SIGN_IN_FAILED;
        audit.insert(attempt.clinicId(), attempt.accountId(), attempt.username(), action, null, null,
                attempt.address() == null ? null : "from " + attempt.address());
    }

    @EventListener
    void on(AccountChanged change) {
        AuditAction action = switch (change.change()) {
            case INVITED -> AuditAction.USER_INVITED;
            case INVITE_ACCEPTED -> AuditAction.INVITE_ACCEPTED;
            case PASSWORD_RESET -> AuditAction.PASSWORD_RESET;
            case ROLE_CHANGED -> AuditAction.ROLE_CHANGED;
            case DISABLED -> AuditAction.USER_DISABLED;
            case ENABLED -> AuditAction.USER_ENABLED;
        };
        String who = "user " + change.accountId() + " (" + change.username() + ")";
        audit.insert(change.clinicId(), change.byAccountId(), change.byUsername(), action, null, null,
                change.detail() == null ? who : who + ": " + change.detail());
    }
}
