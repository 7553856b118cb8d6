package org.poseanalytics.web.audit;

public enum AuditAction {
    VIEWED, UPLOADED, EXPORTED, DELETED, TRACKED, SIGNED_IN, SIGN_IN_FAILED;

    public String code() { return name().toLowerCase(); }

    public static AuditAction of(String code) { return valueOf(code.toUpperCase()); }
}
