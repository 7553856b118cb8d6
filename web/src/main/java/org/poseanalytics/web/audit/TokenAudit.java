package org.poseanalytics.web.audit;

import org.poseanalytics.web.account.ApiTokenEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Personal API tokens in the clinic's audit log: each token made and revoked, and its uses, one entry per token,
 * method and endpoint a minute (what the script read is in the log besides, as for the pages: viewed, exported, …).
 */
@Component
class TokenAudit {
    private final AuditService audit;

    TokenAudit(AuditService audit) { this.audit = audit; }

    @EventListener
    void on(ApiTokenEvent e) {
        switch (e.kind()) {
            case CREATED -> audit.insert(e.clinicId(), e.accountId(), e.username(), AuditAction.TOKEN_CREATED, null, null, e.detail());
            case REVOKED -> audit.insert(e.clinicId(), e.accountId(), e.username(), AuditAction.TOKEN_REVOKED, null, null, e.detail());
            case USED -> audit.insertOncePerMinute(e.clinicId(), e.accountId(), e.username(), AuditAction.TOKEN_USED, e.detail());
        }
    }
}
