package org.poseanalytics.web.account;

import java.time.Instant;
import java.util.Collection;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user. Its clinic id is the one every query is scoped to: services take it from here, never
 * from a parameter.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {
    private final long accountId;
    private final long clinicId;
    private final String clinicName;
    private final String username;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private String passwordHash;
    private final int sessionEpoch;
    private final Instant signedInAt;

    public AccountPrincipal(long accountId, long clinicId, String clinicName, String username, String displayName,
                            Role role, boolean enabled, String passwordHash) {
        this(accountId, clinicId, clinicName, username, displayName, role, enabled, passwordHash, 0, Instant.now());
    }

    /**
     * @param sessionEpoch the account's epoch when it was loaded for sign-in: a session whose epoch is behind the
     *                     account's ends (see {@link AccountSessionFilter})
     * @param signedInAt   when the session began, for its absolute lifetime
     */
    public AccountPrincipal(long accountId, long clinicId, String clinicName, String username, String displayName,
                            Role role, boolean enabled, String passwordHash, int sessionEpoch, Instant signedInAt) {
        this.accountId = accountId;
        this.clinicId = clinicId;
        this.clinicName = clinicName;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
        this.sessionEpoch = sessionEpoch;
        this.signedInAt = signedInAt;
    }

    /** The same session's user after an admin changed their role. */
    AccountPrincipal withRole(Role newRole) {
        return new AccountPrincipal(accountId, clinicId, clinicName, username, displayName, newRole, enabled, null,
                sessionEpoch, signedInAt);
    }

    public long accountId() { return accountId; }
    public long clinicId() { return clinicId; }
    public String clinicName() { return clinicName; }
    public String displayName() { return displayName; }
    public Role role() { return role; }
    public int sessionEpoch() { return sessionEpoch; }
    public Instant signedInAt() { return signedInAt; }

    @Override public String getUsername() { return username; }
    @Override public String getPassword() { return passwordHash; }
    @Override public Collection<? extends GrantedAuthority> getAuthorities() { return role.authorities(); }
    @Override public boolean isEnabled() { return enabled; }
    /** The hash need not live on in the HTTP session after sign-in. */
    @Override public void eraseCredentials() { passwordHash = null; }
}
