package org.poseanalytics.web.audit;

public enum AuditAction {
    VIEWED, UPLOADED, EXPORTED, DELETED, TRACKED;

    public String code() { return name().toLowerCase(); }

    public static AuditAction of(String code) { return valueOf(code.toUpperCase()); }
}
