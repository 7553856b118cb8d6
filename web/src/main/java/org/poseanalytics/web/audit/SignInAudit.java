package org.poseanalytics.web.audit;

import org.poseanalytics.web.account.SignInAttempt;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-ins and failed sign-ins of a clinic's accounts in that clinic's audit log, with the client address. Attempts
 * refused by the throttle are not written (the server log has them): a flood of them would bury the real entries.
 */
@Component
class SignInAudit {
    private final JdbcClient jdbc;

    SignInAudit(JdbcClient jdbc) { this.jdbc = jdbc; }

    @EventListener
    void on(SignInAttempt attempt) {
        if (attempt.clinicId() == null || attempt.outcome() == SignInAttempt.Outcome.THROTTLED) return;
        AuditAction action = attempt.outcome() == SignInAttempt.Outcome.SUCCEEDED ? AuditAction.SIGNED_IN : AuditAction.SIGN_IN_FAILED;
        jdbc.sql("""
                        insert into audit_event (clinic_id, account_id, username, action, detail)
                        values (:clinic, :account, :username, :action, :detail)""")
                .param("clinic", attempt.clinicId()).param("account", attempt.accountId())
                .param("username", attempt.username()).param("action", action.code())
                .param("detail", attempt.address() == null ? null : "from " + attempt.address())
                .update();
    }
}
