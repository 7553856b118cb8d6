package org.poseanalytics.web.database;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded PostgreSQL's three passwords, generated on the first start and kept in {@code pgdata.passwords} beside
 * the database (mode 0600): the superuser's (used only at start-up, to keep the two roles below as they must be), the
 * schema owner's (Flyway's migrations) and the app's (every query the app runs). Whoever can read the file can do
 * what the superuser can, as whoever can read {@code pgdata/} itself could.
 */
public record DatabasePasswords(String superuser, String owner, String app) {
    /** PostgreSQL's bootstrap superuser, as initdb creates it. */
    public static final String SUPERUSER = "postgres";
    /** Owns the schema and the tables the migrations create, the audit log among them; never used by the app's pool. */
    public static final String OWNER = "pose_owner";
    /** The app's role: reads and writes the tables, may only add to the audit log. */
    public static final String APP = "pose_app";
    public static final String FILE_NAME = "pgdata.passwords";

    private static final SecureRandom RANDOM = new SecureRandom();

    public DatabasePasswords {
        for (String p : new String[] {superuser, owner, app}) {
            // They are written into SQL literals nowhere, but a stray quote would still be a hand-edited file gone wrong.
            if (p == null || !p.matches("[A-Za-z0-9_-]{20,}")) {
                throw new IllegalArgumentException("a database password in " + FILE_NAME + " is missing or not as generated");
            }
        }
    }

    /** The passwords of the data directory {@code dataDir}; generated and written (0600) when there are none yet. */
    public static DatabasePasswords loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) return load(dataDir);
        DatabasePasswords created = new DatabasePasswords(generate(), generate(), generate());
        Properties p = new Properties();
        p.setProperty(SUPERUSER, created.superuser);
        p.setProperty(OWNER, created.owner);
        p.setProperty(APP, created.app);
        Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(tmp)) {
            p.store(out, "The embedded PostgreSQL's passwords, generated on the first start. Keep this file private; without it"
                    + " the database cannot be opened.");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file);
        }
        return created;
    }

    public static DatabasePasswords load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // a copied-in file stays private
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return new DatabasePasswords(p.getProperty(SUPERUSER), p.getProperty(OWNER), p.getProperty(APP));
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabasePasswords[hidden]";
    }
}
