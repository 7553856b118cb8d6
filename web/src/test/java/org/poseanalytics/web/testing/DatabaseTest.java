package org.poseanalytics.web.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.poseanalytics.web.database.DatabasePasswords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application without its web server, on a real embedded PostgreSQL in a fresh directory per test JVM (one
 * server shared by every test class with this configuration, through Spring's context cache).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        // as on a worker node: no servlet context, so no Vaadin
        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,com.vaadin.flow.spring.VaadinScopesConfig"})
public abstract class DatabaseTest {
    public static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("pose-analytics-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded server itself: its superuser makes scratch databases, which the app's own role may not. */
    @Autowired protected EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pose.data-dir", DATA_DIR::toString);
    }

    /**
     * A new, empty database on the same server, connected as its superuser, for migrating an older schema (the caller
     * closes it). The name starts with {@code prefix}.
     */
    protected HikariDataSource scratchDatabase(String prefix) throws SQLException, IOException {
        String db = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + db).update();
        String url;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            url = c.getMetaData().getURL();
        }
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url.replaceFirst("/postgres(\\?|$)", "/" + db + "$1"));
        ds.setUsername("postgres");
        ds.setPassword(DatabasePasswords.load(DATA_DIR).superuser());
        return ds;
    }
}
