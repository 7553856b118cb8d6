package org.poseanalytics.web.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.poseanalytics.web.UserInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * First run: there is no clinic and no account, and no default password either. The app prints a one-time
 * setup token to its log (and into a file readable only by its owner); whoever can read it may create the
 * first clinic and its admin. After that the token is void.
 */
@Service
public class SetupService {
    private static final Logger log = LoggerFactory.getLogger(SetupService.class);

    private final ClinicService clinics;
    private final Path tokenFile;
    private final String serverPort;
    private volatile String token;

    SetupService(ClinicService clinics, @Value("${pose.data-dir}") Path dataDir, @Value("${server.port:8080}") String serverPort) {
        this.clinics = clinics;
        this.tokenFile = dataDir.resolve("setup-token.txt");
        this.serverPort = serverPort;
    }

    public boolean isSetupNeeded() { return !clinics.anyClinicExists(); }

    public Path tokenFile() { return tokenFile; }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void offerSetupIfNeeded(ApplicationReadyEvent event) throws IOException {
        if (!isSetupNeeded()) {
            Files.deleteIfExists(tokenFile);
            return;
        }
        token = Tokens.newToken();
        Files.createDirectories(tokenFile.getParent());
        Files.deleteIfExists(tokenFile);
        Files.writeString(tokenFile, token + "\n");
        try {
            Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the file is still under the user's own data directory
        }
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", serverPort);
        log.warn("""

                ==========================================================================================
                 First run: no clinic exists yet. Open http://localhost:{}/setup and enter this setup token:

                     {}

                 (also saved in {}; it works once)
                ==========================================================================================""",
                port, token, tokenFile);
    }

    /** Creates the first clinic and its admin; the token is void afterwards, also when setup was already done. */
    public synchronized long setUp(String givenToken, String clinicName, String adminName, String username,
                                   String password, String repeated) {
        if (!isSetupNeeded()) throw new UserInputException("Setup is already done. Sign in, or ask your clinic admin for an account.");
        if (token == null || !Tokens.equalsConstantTime(token, givenToken == null ? "" : givenToken.trim())) {
            throw new UserInputException("The setup token is not right. Copy it from the server log or from " + tokenFile + ".");
        }
        long clinicId = clinics.createWithAdmin(clinicName, adminName, username, password, repeated);
        token = null;
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            log.warn("Could not delete {} (the token in it is void anyway): {}", tokenFile, e.getMessage());
        }
        log.info("First-run setup done: clinic {} created with admin {}", clinicId, username.trim());
        return clinicId;
    }
}
