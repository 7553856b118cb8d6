package org.poseanalytics.web.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without an external database configured (POSE_DB_URL / spring.datasource.url) the app runs its own
 * PostgreSQL, a real server binary from Maven, whose data lives in {@code pose.data-dir}/pgdata and survives
 * restarts. It is durable (fsync, synchronous commits), asks every connection for a password (generated on the first
 * start, {@link DatabasePasswords}) and is used by the app as a role that is no superuser and cannot change the audit
 * log (docs/DATABASE.md). Spring owns it: the DataSource closes first, then the server stops (no JVM shutdown hook, which
 * would race JobRunr's shutdown).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfig.NoExternalDatabase.class)
class EmbeddedDatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean
    DatabasePasswords embeddedDatabasePasswords(@Value("${pose.data-dir}") Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        return DatabasePasswords.loadOrCreate(dataDir);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${pose.data-dir}") Path dataDir, @Value("${pose.db.port}") int port,
                                      DatabasePasswords passwords) throws IOException {
        Path pgdata = dataDir.resolve("pgdata");
        Files.createDirectories(pgdata);
        removeStalePidFile(pgdata);
        int chosen = port > 0 ? port : storedOrFreePort(dataDir.resolve("pgdata.port"));
        log.info("Starting embedded PostgreSQL on localhost:{} with data in {}", chosen, pgdata);
        boolean fresh = !Files.exists(pgdata.resolve("postgresql.conf"));
        // initdb reads the superuser's password from a file: only for its run, and private like the passwords file
        Path pwfile = fresh ? writePrivate(dataDir.resolve("pgdata.initdb-password"), passwords.superuser()) : null;
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    .setPort(chosen)
                    .setRegisterShutdownHook(false)
                    // Durable: a committed transaction survives a power loss or host crash (zonky turns both off, for
                    // throw-away test databases; -c after its -F wins). Their cost: docs/BENCHMARKS.md, result storage.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky's own readiness check connects as the superuser
                    .setConnectConfig("password", passwords.superuser());
            if (fresh) {
                // initdb's options after zonky's "-A trust": the later ones win, so no moment without passwords
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
            }
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL did not start (data in " + pgdata + ", port "
                    + chosen + "): " + e.getMessage() + ". Is another pose-analytics running with the same data? Stop it,"
                    + " or set POSE_DATA_DIR to another directory, or POSE_DB_URL to use an external PostgreSQL. If "
                    + DatabasePasswords.FILE_NAME + " was lost, restore it from the backup of " + dataDir + ".", e);
        } finally {
            if (pwfile != null) Files.deleteIfExists(pwfile);
        }
        try {
            secure(postgres, pgdata, passwords);
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw new EmbeddedDatabaseException("Setting up the embedded PostgreSQL's roles failed (data in " + pgdata + "): "
                    + e.getMessage(), e);
        }
        return postgres;
    }

    /**
     * The roles in order (see {@link EmbeddedRoles}) and, for a data directory of an earlier version, its "trust" for
     * every local connection replaced by passwords, in that order: a crash in between leaves a directory the next
     * start converts again.
     */
    static void secure(EmbeddedPostgres postgres, Path pgdata, DatabasePasswords passwords) throws IOException, SQLException {
        boolean trusting = PgHba.trustsAnyone(pgdata);
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            EmbeddedRoles.secure(c, passwords);
            if (trusting) {
                PgHba.requirePasswords(pgdata);
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("select pg_reload_conf()");
                }
                log.info("Database upgrade: connections to the embedded PostgreSQL now need a password (kept in {})",
                        DatabasePasswords.FILE_NAME);
            }
        }
    }

    /** The app's pool: the app's role, never the owner or the superuser. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, DatabasePasswords passwords,
                                @org.springframework.beans.factory.annotation.Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url(postgres));
        ds.setUsername(DatabasePasswords.APP);
        ds.setPassword(passwords.app());
        // the same setting as an external database's pool (application.properties says why this size)
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("pose-analytics");
        return ds;
    }

    /** Migrations run as the schema's owner ({@link DatabasePrivileges} then grants the app its part). */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedPostgres postgres, DatabasePasswords passwords) {
        return configuration -> configuration.dataSource(url(postgres), DatabasePasswords.OWNER, passwords.owner());
    }

    private static String url(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    private static Path writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
        return file;
    }

    /**
     * A killed app leaves postmaster.pid behind, and possibly its PostgreSQL still running without it.
     * The embedded server's lock file tells the cases apart: while an app holds it, that app owns the
     * server; once nobody holds it, a running postmaster is an orphan and is shut down, and a pid file
     * of a process that is gone is removed (PostgreSQL would refuse to start if the pid now belonged to
     * another process, common in containers).
     */
    static void removeStalePidFile(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        try (FileChannel channel = FileChannel.open(pgdata.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new EmbeddedDatabaseException("Another pose-analytics is running with the data in " + pgdata.getParent()
                        + ". Stop it first, or set POSE_DATA_DIR to another directory.");
            }
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan = (first.matches("\\d+") ? ProcessHandle.of(Long.parseLong(first)) : Optional.<ProcessHandle>empty())
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(cmd -> cmd.contains("postgres")).orElse(false));
        if (orphan.isPresent()) {
            log.warn("PostgreSQL (pid {}) is still running from an app that was killed; shutting it down", first);
            orphan.get().destroy(); // SIGTERM: PostgreSQL's orderly "smart" shutdown
            try {
                orphan.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new EmbeddedDatabaseException("PostgreSQL (pid " + first + ") on " + pgdata + " did not stop within 60 s. Stop it by hand (kill " + first + ") and start again.", e);
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed stale {} (the app was probably killed)", pidFile);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held in this very JVM
        }
    }

    /** The same port as last time when it is free, so tools pointed at the database keep working. */
    static int storedOrFreePort(Path portFile) throws IOException {
        if (Files.exists(portFile)) {
            String text = Files.readString(portFile).trim();
            if (text.matches("\\d+") && isFree(Integer.parseInt(text))) return Integer.parseInt(text);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(portFile, port + "\n");
        return port;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
