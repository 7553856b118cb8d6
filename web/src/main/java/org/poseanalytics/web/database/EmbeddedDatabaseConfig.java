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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without an external database configured (POSE_DB_URL / spring.datasource.url) the app runs its own
 * PostgreSQL, a real server binary from Maven, whose data lives in {@code pose.data-dir}/pgdata and survives
 * restarts. Spring owns it: the DataSource closes first, then the server stops (no JVM shutdown hook, which
 * would race JobRunr's shutdown).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfig.NoExternalDatabase.class)
class EmbeddedDatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${pose.data-dir}") Path dataDir, @Value("${pose.db.port}") int port)
            throws IOException {
        Path pgdata = dataDir.resolve("pgdata");
        Files.createDirectories(pgdata);
        removeStalePidFile(pgdata);
        int chosen = port > 0 ? port : storedOrFreePort(dataDir.resolve("pgdata.port"));
        log.info("Starting embedded PostgreSQL on localhost:{} with data in {}", chosen, pgdata);
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    .setPort(chosen)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL did not start (data in " + pgdata + ", port "
                    + chosen + "): " + e.getMessage() + ". Is another pose-analytics running with the same data? Stop it,"
                    + " or set POSE_DATA_DIR to another directory, or POSE_DB_URL to use an external PostgreSQL.", e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("pose-analytics");
        return ds;
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
