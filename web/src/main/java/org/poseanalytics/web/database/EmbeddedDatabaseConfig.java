package org.poseanalytics.web.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
            throw new IllegalStateException("The embedded PostgreSQL did not start (data in " + pgdata + ", port "
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
     * A killed app leaves postmaster.pid behind; PostgreSQL refuses to start if that pid now belongs to another
     * process (common in containers). Remove it unless a postgres really runs under that pid.
     */
    static void removeStalePidFile(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> process = first.matches("\\d+") ? ProcessHandle.of(Long.parseLong(first)) : Optional.empty();
        boolean running = process.filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .filter(cmd -> cmd.contains("postgres"))
                .isPresent();
        if (running) {
            throw new IllegalStateException("PostgreSQL (pid " + first + ") is already running on " + pgdata
                    + ". Is pose-analytics already running? Stop it first, or set POSE_DATA_DIR to another directory.");
        }
        log.warn("Removing stale {} (pid {} is not a running PostgreSQL; the app was probably killed)", pidFile, first);
        Files.delete(pidFile);
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
