package org.poseanalytics.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.AccountService;
import org.poseanalytics.web.account.ClinicService;
import org.poseanalytics.web.account.Invitation;
import org.poseanalytics.web.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app on a random port with its own embedded PostgreSQL in a fresh directory (shared by the test
 * classes that extend this, so it starts once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(RecordedEvents.class)
public abstract class AppTestBase {
    protected static final String PASSWORD = "correct horse battery";
    protected static final Path DATA = tempDir("pa-test-");
    static final long UPLOAD_LIMIT = 8L * 1024 * 1024;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pose.data-dir", DATA::toString);
        registry.add("pose.upload.max-size", () -> "8MB");
        // keypoint uploads and OpenPose archives: small limits, so that refusing them is quick to test
        registry.add("pose.keypoints.max-size", () -> "2MB");
        registry.add("pose.keypoints.max-zip-entries", () -> "1000");
        registry.add("pose.keypoints.max-unpacked", () -> "6MB");
        registry.add("pose.keypoints.max-zip-entry", () -> "1MB");
    }

    @Autowired protected ClinicService clinics;
    @Autowired protected AccountService accounts;
    @Autowired protected UserDetailsService users;
    @Autowired protected JdbcClient jdbc;

    @AfterEach
    void signOut() { SecurityContextHolder.clearContext(); }

    /** A clinic with an admin, a clinician and a viewer, under names no other test uses. */
    protected ClinicUsers newClinic(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        clinics.createWithAdmin(name + " " + suffix, "Admin " + name, "admin-" + suffix, PASSWORD, PASSWORD);
        AccountPrincipal admin = signIn("admin-" + suffix);
        AccountPrincipal clinician = invitedUser("clinician-" + suffix, Role.CLINICIAN);
        AccountPrincipal viewer = invitedUser("viewer-" + suffix, Role.VIEWER);
        signIn(admin.getUsername());
        return new ClinicUsers(admin, clinician, viewer);
    }

    private AccountPrincipal invitedUser(String username, Role role) {
        Invitation inv = accounts.invite(username, "User " + username, role);
        accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD);
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    protected AccountPrincipal signIn(String username) {
        AccountPrincipal p = (AccountPrincipal) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        return p;
    }

    protected AccountPrincipal signIn(AccountPrincipal p) { return signIn(p.getUsername()); }

    protected <T> T as(AccountPrincipal p, Callable<T> action) throws Exception {
        var before = SecurityContextHolder.getContext().getAuthentication();
        signIn(p);
        try {
            return action.call();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    protected record ClinicUsers(AccountPrincipal admin, AccountPrincipal clinician, AccountPrincipal viewer) {}

    static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
