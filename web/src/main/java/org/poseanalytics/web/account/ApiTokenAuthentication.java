package org.poseanalytics.web.account;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request to /api/v1 authenticated by a personal API token: the token's account, with the token's role (or the
 * account's, if lower), in the account's clinic. Services read the principal through {@link CurrentUser} as for a
 * session; {@link ApiTokens#create} refuses to make tokens from a token.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {
    private final AccountPrincipal principal;
    private final long tokenId;

    ApiTokenAuthentication(AccountPrincipal principal, long tokenId) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public long tokenId() { return tokenId; }

    @Override public Object getCredentials() { return null; }

    @Override public AccountPrincipal getPrincipal() { return principal; }
}
