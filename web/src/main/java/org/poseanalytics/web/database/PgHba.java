package org.poseanalytics.web.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The embedded server's client authentication (pg_hba.conf): a password for every connection. Earlier versions let
 * initdb write "trust" for every local connection; such a file is replaced on start-up, after the passwords are set.
 */
final class PgHba {
    static final String PASSWORD_ONLY = """
            # Written by pose-analytics: every connection needs a password (SCRAM); the passwords are in pgdata.passwords
            # beside this directory. The server listens on localhost only.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    /** A rule's last word is its method (options such as "map=…" aside, which trust rules of initdb do not have). */
    private static final Pattern TRUST = Pattern.compile("(?m)^\\s*(local|host\\w*)\\s.*\\btrust\\s*$");

    private PgHba() {}

    /** Whether any rule lets a client in without a password (as initdb -A trust wrote it for earlier versions). */
    static boolean trustsAnyone(Path pgdata) throws IOException {
        Path file = pgdata.resolve("pg_hba.conf");
        return Files.exists(file) && TRUST.matcher(Files.readString(file)).find();
    }

    static void requirePasswords(Path pgdata) throws IOException {
        Path file = pgdata.resolve("pg_hba.conf");
        Path tmp = pgdata.resolve("pg_hba.conf.new");
        Files.writeString(tmp, PASSWORD_ONLY);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
