package org.poseanalytics.web.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A clinic with one clinician and one subject, written straight into the database, and a way to act as them. */
public record TestClinic(long clinicId, long accountId, String username, long subjectId) {

    public static TestClinic create(JdbcClient jdbc) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long clinic = jdbc.sql("insert into clinic (name) values (:n) returning id").param("n", "Clinic " + suffix)
                .query(Long.class).single();
        String username = "clinician-" + suffix;
        long account = jdbc.sql("""
                        insert into account (clinic_id, username, display_name, role, password_hash)
                        values (:c, :u, :d, 'clinician', '{noop}x') returning id""")
                .param("c", clinic).param("u", username).param("d", "Dr " + suffix).query(Long.class).single();
        long subject = jdbc.sql("insert into subject (clinic_id, display_name) values (:c, :n) returning id")
                .param("c", clinic).param("n", "Patient " + suffix).query(Long.class).single();
        return new TestClinic(clinic, account, username, subject);
    }

    public long session(JdbcClient jdbc, LocalDate date, String exercise) {
        return jdbc.sql("insert into session (clinic_id, subject_id, session_date, exercise) values (:c, :s, :d, :e) returning id")
                .param("c", clinicId).param("s", subjectId).param("d", date).param("e", exercise).query(Long.class).single();
    }

    /** A video row (no file) with plausible probe values. */
    public long video(JdbcClient jdbc, long sessionId) { return video(jdbc, sessionId, UUID.randomUUID()); }

    /** A video row whose file is {@code storageName} in the storage directory. */
    public long video(JdbcClient jdbc, long sessionId, UUID storageName) {
        return jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, width, height,
                                           frames, duration_s, nominal_fps, variable_frame_rate, has_audio, uploaded_by)
                        values (:c, :s, :n, 'test.mp4', 1000, 720, 1280, 65, 2.2, 30, false, false, :a) returning id""")
                .param("c", clinicId).param("s", sessionId).param("n", storageName).param("a", accountId)
                .query(Long.class).single();
    }

    public AccountPrincipal principal(Role role) {
        return new AccountPrincipal(accountId, clinicId, "Clinic", username, "Dr", role, true, "{noop}x");
    }

    /** Runs as this clinic's user (method security and the clinic scope both read the security context). */
    public void signIn(Role role) {
        AccountPrincipal p = principal(role);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(p, null, List.copyOf(p.getAuthorities())));
    }

    public static void signOut() { SecurityContextHolder.clearContext(); }
}
