package org.poseanalytics.web.account;

/**
 * A personal API token made, revoked or used, published for the clinic's audit log (the audit package listens; account
 * sits below it). {@code detail} names the token by id and, for a use, the method and the endpoint's pattern
 * ("GET /api/v1/videos/{id}/angles"), never the secret.
 */
public record ApiTokenEvent(Kind kind, long clinicId, long accountId, String username, long tokenId, String detail) {
    public enum Kind { CREATED, REVOKED, USED }
}
