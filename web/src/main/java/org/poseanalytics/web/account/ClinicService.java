package org.poseanalytics.web.account;

import org.poseanalytics.web.UserInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating a clinic with its first admin is a system operation: only first-run setup calls it (and tests,
 * to build a second clinic). Everything a user does afterwards happens inside their own clinic.
 */
@Service
public class ClinicService {
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    ClinicService(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public boolean anyClinicExists() {
        return jdbc.sql("select exists (select 1 from clinic)").query(Boolean.class).single();
    }

    public String name(long clinicId) {
        return jdbc.sql("select name from clinic where id = :id").param("id", clinicId).query(String.class).single();
    }

    @Transactional
    public long createWithAdmin(String clinicName, String adminName, String username, String password, String repeated) {
        if (clinicName == null || clinicName.isBlank()) throw new UserInputException("Enter the clinic's or team's name.");
        if (adminName == null || adminName.isBlank()) throw new UserInputException("Enter your name as colleagues should see it.");
        if (username == null || username.isBlank() || username.trim().chars().anyMatch(Character::isWhitespace)) {
            throw new UserInputException("Enter a user name (or e-mail address) without spaces.");
        }
        Passwords.check(password, repeated, username);
        long clinicId = jdbc.sql("insert into clinic (name) values (:name) returning id")
                .param("name", clinicName.trim()).query(Long.class).single();
        try {
            jdbc.sql("""
                            insert into account (clinic_id, username, display_name, role, password_hash)
                            values (:clinic, :username, :name, 'admin', :hash)""")
                    .param("clinic", clinicId).param("username", username.trim()).param("name", adminName.trim())
                    .param("hash", passwordEncoder.encode(password)).update();
        } catch (DuplicateKeyException e) {
            throw new UserInputException("The user name “" + username.trim() + "” is taken. Choose another one.");
        }
        return clinicId;
    }
}
