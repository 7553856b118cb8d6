package org.poseanalytics.web.account;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The authenticated user of the current request: the only source of the clinic id for queries. */
@Component
public class CurrentUser {
    public AccountPrincipal get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) return p;
        throw new AuthenticationCredentialsNotFoundException("Not signed in");
    }

    public long clinicId() { return get().clinicId(); }

    public boolean isSignedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal;
    }

    public boolean has(Role role) {
        return isSignedIn() && get().getAuthorities().containsAll(role.authorities());
    }
}
