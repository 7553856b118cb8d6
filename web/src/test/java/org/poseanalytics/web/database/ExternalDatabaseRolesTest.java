package org.poseanalytics.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.web.PoseAnalyticsApplication;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/DATABASE.md's SQL for an external PostgreSQL, run as written, and the app started on it with the two users:
 * it migrates as the owner, connects as the app's user, and that user cannot change the audit log.
 */
class ExternalDatabaseRolesTest {
    private static final Path DOC = Path.of("..", "docs", "DATABASE.md");
    private static final Path INIT_SCRIPT = Path.of("..", "docker", "initdb", "pose-roles.psql");

    @TempDir Path dir;

    @Test
    void theDocumentedRolesGiveTheAppNoWayToAlterTheAuditLog() throws Exception {
        List<String> blocks = documentedSql();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start()) {
            JdbcClient superuser = JdbcClient.create(server.getPostgresDatabase());
            for (String sql : statements(blocks.get(0))) superuser.sql(sql).update();
            try (HikariDataSource inDatabase = new HikariDataSource()) {
                inDatabase.setJdbcUrl(server.getJdbcUrl("postgres", "pose_analytics"));
                for (String sql : statements(blocks.get(1))) JdbcClient.create(inDatabase).sql(sql).update();
            }

            theAppMigratesAsTheOwnerAndCannotAlterTheAuditLog(server, "choose-an-app-password", "choose-an-owner-password");
        }
    }

    /**
     * docker/compose.yaml's init script (issue 15): the same statements with the passwords from the container's
     * environment, run as psql would run them (its {@code \getenv} and {@code :'variable'} substitution, {@code \connect}).
     */
    @Test
    void theComposeInitScriptGivesTheSameSplit() throws Exception {
        Map<String, String> env = Map.of("POSE_DB_OWNER_PASSWORD", "owner's secret", "POSE_DB_PASSWORD", "app secret");
        String script = Files.readString(INIT_SCRIPT);
        assertThat(Files.readString(INIT_SCRIPT.resolveSibling("10-pose-roles.sh"))).contains("-f /docker-entrypoint-initdb.d/pose-roles.psql")
                .contains("--dbname postgres").contains("ON_ERROR_STOP=1");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start()) {
            JdbcClient current = JdbcClient.create(server.getPostgresDatabase());
            Map<String, String> variables = new HashMap<>();
            List<HikariDataSource> opened = new ArrayList<>();
            StringBuilder statement = new StringBuilder();
            try {
                for (String line : script.split("\n")) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("--")) continue;
                    if (l.startsWith("\\getenv ")) {
                        String[] w = l.split("\\s+");
                        variables.put(w[1], Objects.requireNonNull(env.get(w[2]), w[2]));
                    } else if (l.startsWith("\\connect ")) {
                        HikariDataSource ds = new HikariDataSource();
                        ds.setJdbcUrl(server.getJdbcUrl("postgres", l.split("\\s+")[1]));
                        opened.add(ds);
                        current = JdbcClient.create(ds);
                    } else if (l.startsWith("\\")) {
                        throw new AssertionError("a psql command this test does not know: " + l);
                    } else {
                        statement.append(l).append(' ');
                        if (l.endsWith(";")) {
                            String sql = statement.toString().strip();
                            for (var v : variables.entrySet()) sql = sql.replace(":'" + v.getKey() + "'", "'" + v.getValue().replace("'", "''") + "'");
                            assertThat(sql).as("every variable known").doesNotContain(":'");
                            current.sql(sql.substring(0, sql.length() - 1)).update();
                            statement.setLength(0);
                        }
                    }
                }
            } finally {
                opened.forEach(HikariDataSource::close);
            }
            theAppMigratesAsTheOwnerAndCannotAlterTheAuditLog(server, "app secret", "owner's secret");
        }
    }

    private void theAppMigratesAsTheOwnerAndCannotAlterTheAuditLog(EmbeddedPostgres server, String appPassword, String ownerPassword) {
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/pose_analytics";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PoseAnalyticsApplication.class)
                .web(WebApplicationType.NONE).run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=pose_app", "--spring.datasource.password=" + appPassword,
                        "--pose.db.owner=pose_owner", "--pose.db.owner-password=" + ownerPassword,
                        "--pose.data-dir=" + dir.resolve("data"), "--spring.main.banner-mode=off",
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,com.vaadin.flow.spring.VaadinScopesConfig",
                        "--jobrunr.background-job-server.enabled=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("pose_app");
            assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'flyway_schema_history'").query(String.class).single())
                    .isEqualTo("pose_owner");
            assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'audit_event'").query(String.class).single())
                    .isEqualTo("pose_owner");
            TestClinic clinic = TestClinic.create(jdbc);
            jdbc.sql("insert into audit_event (clinic_id, username, action) values (:c, 'someone', 'viewed')").param("c", clinic.clinicId()).update();
            for (String sql : List.of("update audit_event set detail = 'x'", "delete from audit_event", "truncate audit_event", "drop table audit_event")) {
                assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).rootCause()
                        .hasMessageMatching("(?s).*(permission denied|must be owner of).*audit_event.*");
            }
            assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(1);
        }
    }

    /** The two sql blocks after the marker comment. */
    private static List<String> documentedSql() throws Exception {
        String doc = Files.readString(DOC);
        String after = doc.substring(doc.indexOf("<!-- ExternalDatabaseRolesTest runs these two blocks -->"));
        Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(after);
        List<String> blocks = new ArrayList<>();
        while (blocks.size() < 2 && m.find()) blocks.add(m.group(1));
        assertThat(blocks).hasSize(2);
        return blocks;
    }

    private static List<String> statements(String block) {
        String withoutComments = block.replaceAll("(?m)^\\s*--.*$", "");
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
