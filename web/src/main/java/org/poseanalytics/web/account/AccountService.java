package org.poseanalytics.web.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.UserInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of the signed-in admin's clinic. New users get a one-time invite link and choose their own password:
 * no admin ever knows a user's password.
 */
@Service
public class AccountService {
    public static final Duration INVITE_VALIDITY = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    AccountService(JdbcClient jdbc, CurrentUser currentUser, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** Every change is audited (the audit package listens), by the signed-in admin. */
    private void changed(AccountChanged.Change change, Account account, String detail) {
        AccountPrincipal by = currentUser.get();
        events.publishEvent(new AccountChanged(change, by.clinicId(), account.id(), account.username(), by.accountId(),
                by.getUsername(), detail));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<Account> list() {
        return jdbc.sql("select * from account where clinic_id = :clinic order by lower(display_name)")
                .param("clinic", currentUser.clinicId()).query(AccountService::map).list();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Invitation invite(String username, String displayName, Role role) {
        String user = username == null ? "" : username.trim();
        String name = displayName == null ? "" : displayName.trim();
        if (user.isEmpty() || user.length() > 200 || user.chars().anyMatch(Character::isWhitespace)) {
            throw new UserInputException("Enter a user name (or e-mail address) without spaces.");
        }
        if (name.isEmpty()) throw new UserInputException("Enter the person's name as colleagues should see it.");
        if (role == null) throw new UserInputException("Choose a role.");
        String token = Tokens.newToken();
        try {
            long id = jdbc.sql("""
                            insert into account (clinic_id, username, display_name, role, invite_token_hash, invite_expires_at)
                            values (:clinic, :username, :name, :role, :hash, :expires) returning id""")
                    .param("clinic", currentUser.clinicId()).param("username", user).param("name", name)
                    .param("role", role.code()).param("hash", Tokens.sha256(token))
                    .param("expires", OffsetDateTime.now().plus(INVITE_VALIDITY))
                    .query(Long.class).single();
            Account account = get(id);
            changed(AccountChanged.Change.INVITED, account, "invited as " + role.code());
            return new Invitation(account, token);
        } catch (DuplicateKeyException e) {
            throw new UserInputException("The user name “" + user + "” is taken. Choose another one.");
        }
    }

    /**
     * A fresh invite link, also the way to reset a forgotten password: the old password stops working, and the user's
     * open sessions end on their next request (the session epoch moves on).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Invitation renewInvite(long accountId) {
        Account account = get(accountId);
        if (account.id() == currentUser.get().accountId()) {
            throw new UserInputException("You cannot reset your own password here; ask another admin.");
        }
        String token = Tokens.newToken();
        jdbc.sql("""
                        update account set password_hash = null, invite_token_hash = :hash, invite_expires_at = :expires,
                               session_epoch = session_epoch + 1
                        where id = :id and clinic_id = :clinic""")
                .param("hash", Tokens.sha256(token)).param("expires", OffsetDateTime.now().plus(INVITE_VALIDITY))
                .param("id", accountId).param("clinic", currentUser.clinicId()).update();
        changed(AccountChanged.Change.PASSWORD_RESET, account, "password voided, new invite link, sessions ended");
        return new Invitation(get(accountId), token);
    }

    /** Disabling ends the user's open sessions on their next request (the session epoch moves on). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        Account account = get(accountId);
        if (!enabled && account.id() == currentUser.get().accountId()) {
            throw new UserInputException("You cannot disable your own account.");
        }
        jdbc.sql("update account set enabled = :enabled, session_epoch = session_epoch + 1 where id = :id and clinic_id = :clinic")
                .param("enabled", enabled).param("id", accountId).param("clinic", currentUser.clinicId()).update();
        if (enabled != account.enabled()) {
            changed(enabled ? AccountChanged.Change.ENABLED : AccountChanged.Change.DISABLED, account, null);
        }
    }

    /** The new role applies to the user's open sessions on their next request ({@link AccountSessionFilter}). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setRole(long accountId, Role role) {
        Account account = get(accountId);
        if (account.id() == currentUser.get().accountId() && role != Role.ADMIN) {
            throw new UserInputException("You cannot take the admin role from yourself; another admin can.");
        }
        jdbc.sql("update account set role = :role where id = :id and clinic_id = :clinic")
                .param("role", role.code()).param("id", accountId).param("clinic", currentUser.clinicId()).update();
        if (role != account.role()) {
            changed(AccountChanged.Change.ROLE_CHANGED, account, account.role().code() + " → " + role.code());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Account get(long accountId) {
        return jdbc.sql("select * from account where id = :id and clinic_id = :clinic")
                .param("id", accountId).param("clinic", currentUser.clinicId())
                .query(AccountService::map).optional().orElseThrow(() -> new NotFoundException("User " + accountId));
    }

    /** Anonymous: who an invite link is for, if it is still valid. */
    public Optional<Account> findInvite(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return jdbc.sql("""
                        select * from account where invite_token_hash = :hash and invite_expires_at > now() and enabled""")
                .param("hash", Tokens.sha256(token)).query(AccountService::map).optional();
    }

    /** Anonymous: the invited user chooses a password; the link then stops working, and so do older sessions. */
    @Transactional
    public Account acceptInvite(String token, String password, String repeated) {
        Account account = findInvite(token).orElseThrow(() -> new UserInputException(
                "This invite link is invalid, used or expired. Ask your clinic admin for a new one."));
        Passwords.check(password, repeated, account.username());
        jdbc.sql("""
                        update account set password_hash = :hash, invite_token_hash = null, invite_expires_at = null,
                               session_epoch = session_epoch + 1
                        where id = :id""")
                .param("hash", passwordEncoder.encode(password)).param("id", account.id()).update();
        long clinic = jdbc.sql("select clinic_id from account where id = :id").param("id", account.id()).query(Long.class).single();
        events.publishEvent(new AccountChanged(AccountChanged.Change.INVITE_ACCEPTED, clinic, account.id(), account.username(),
                account.id(), account.username(), "password chosen"));
        return account;
    }

    static Account map(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.of(rs.getString("role")), rs.getBoolean("enabled"), rs.getString("password_hash") != null,
                rs.getObject("invite_expires_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class));
    }
}
