package org.poseanalytics.web.account;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Sign-in lookup: accounts still waiting for their invite have no password and cannot sign in. */
@Service
class AccountDetailsService implements UserDetailsService {
    private final JdbcClient jdbc;

    AccountDetailsService(JdbcClient jdbc) { this.jdbc = jdbc; }

    @Override
    public AccountPrincipal loadUserByUsername(String username) {
        return jdbc.sql("""
                        select a.id, a.clinic_id, c.name as clinic_name, a.username, a.display_name, a.role, a.enabled, a.password_hash, a.session_epoch
                        from account a join clinic c on c.id = a.clinic_id
                        where lower(a.username) = lower(:username) and a.password_hash is not null""")
                .param("username", username == null ? "" : username.trim())
                .query((rs, n) -> new AccountPrincipal(rs.getLong("id"), rs.getLong("clinic_id"), rs.getString("clinic_name"),
                        rs.getString("username"), rs.getString("display_name"), Role.of(rs.getString("role")),
                        rs.getBoolean("enabled"), rs.getString("password_hash"),
                        rs.getInt("session_epoch"), Instant.now()))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
