package org.poseanalytics.web.account;

/**
 * A change to a user account, published for the clinic's audit log (the audit package listens; account sits below it).
 * Published inside the change's transaction, so the entry is written with the change or not at all.
 *
 * @param byAccountId who made the change: the signed-in admin, or for {@link Change#INVITE_ACCEPTED} the account itself
 * @param detail      what changed, in words without passwords or tokens
 */
public record AccountChanged(Change change, long clinicId, long accountId, String username, long byAccountId,
                             String byUsername, String detail) {
    public enum Change { INVITED, INVITE_ACCEPTED, PASSWORD_RESET, ROLE_CHANGED, DISABLED, ENABLED }
}
