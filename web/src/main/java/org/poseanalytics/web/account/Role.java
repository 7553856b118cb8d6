package org.poseanalytics.web.account;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may do. Each role carries the authorities of the roles below it, so method security can say
 * {@code hasRole('CLINICIAN')} and mean "clinician or admin".
 */
public enum Role {
    ADMIN("admin", "Clinic admin", "manages users, reads the audit log, and everything a clinician does"),
    CLINICIAN("clinician", "Clinician / coach", "manages subjects, sessions and uploads"),
    VIEWER("viewer", "Viewer", "reads subjects, sessions and videos, changes nothing");

    private final String code;
    private final String label;
    private final String description;

    Role(String code, String label, String description) {
        this.code = code;
        this.label = label;
        this.description = description;
    }

    public String code() { return code; }
    public String label() { return label; }
    public String description() { return description; }

    public List<GrantedAuthority> authorities() {
        return switch (this) {
            case ADMIN -> granted("ADMIN", "CLINICIAN", "VIEWER");
            case CLINICIAN -> granted("CLINICIAN", "VIEWER");
            case VIEWER -> granted("VIEWER");
        };
    }

    public static Role of(String code) {
        for (Role r : values()) if (r.code.equals(code)) return r;
        throw new IllegalArgumentException("unknown role " + code);
    }

    private static List<GrantedAuthority> granted(String... roles) {
        return java.util.Arrays.stream(roles).<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
