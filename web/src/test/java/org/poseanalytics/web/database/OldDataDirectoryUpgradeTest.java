package org.poseanalytics.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory of an earlier version, made as that version made it (zonky's defaults: initdb with "trust" for
 * every local connection, every object created by the superuser), is converted on start-up without losing a row:
 * passwords, no trust, the app's tables to the owner, JobRunr's to the app, and the audit log insert-only.
 */
class OldDataDirectoryUpgradeTest {
    @TempDir Path dataDir;

    @Test
    void anOldDataDirectoryIsSecuredAndKeepsItsData() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        int port = EmbeddedDatabaseConfig.storedOrFreePort(dataDir.resolve("pgdata.port"));
        long clinic;
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false).setPort(port).start()) {
            var superuser = old.getPostgresDatabase();
            // what the earlier version left: its migrations, JobRunr's tables and a view, data, all the superuser's
            Flyway.configure().dataSource(superuser).locations("classpath:db/migration").target("29").load().migrate();
            JdbcClient jdbc = JdbcClient.create(superuser);
            jdbc.sql("create table jobrunr_jobs (id nchar(36) primary key, state varchar(36) not null)").update();
            jdbc.sql("create view jobrunr_jobs_stats as select state, count(*) from jobrunr_jobs group by state").update();
            jdbc.sql("insert into jobrunr_jobs values ('00000000-0000-0000-0000-000000000001', 'ENQUEUED')").update();
            clinic = jdbc.sql("insert into clinic (name) values ('Old clinic') returning id").query(Long.class).single();
            jdbc.sql("insert into audit_event (clinic_id, username, action, detail) values (:c, 'admin', 'viewed', 'before')")
                    .param("c", clinic).update();
        }
        assertThat(PgHba.trustsAnyone(pgdata)).as("the old directory trusts local connections").isTrue();

        DatabasePasswords passwords = DatabasePasswords.loadOrCreate(dataDir);
        try (EmbeddedPostgres upgraded = new EmbeddedDatabaseConfig().embeddedPostgres(dataDir, 0, passwords)) {
            assertThat(upgraded.getPort()).isEqualTo(port);
            assertThat(PgHba.trustsAnyone(pgdata)).isFalse();
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            Properties noPassword = new Properties();
            noPassword.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword).close()).isInstanceOf(SQLException.class);

            // the migrations newer than the old version run as the owner, over the tables it now owns
            PGSimpleDataSource owner = dataSource(port, DatabasePasswords.OWNER, passwords.owner());
            Flyway.configure().dataSource(owner).locations("classpath:db/migration").load().migrate();
            try (Connection c = owner.getConnection()) {
                DatabasePrivileges.grant(c, DatabasePasswords.APP);
            }

            JdbcClient app = JdbcClient.create(dataSource(port, DatabasePasswords.APP, passwords.app()));
            assertThat(app.sql("select name from clinic where id = :c").param("c", clinic).query(String.class).single()).isEqualTo("Old clinic");
            assertThat(app.sql("select detail from audit_event where clinic_id = :c").param("c", clinic).query(String.class).single()).isEqualTo("before");
            assertThat(app.sql("select count(*) from jobrunr_jobs_stats").query(Long.class).single()).isEqualTo(1);
            assertThat(app.sql("select tableowner from pg_tables where tablename = 'jobrunr_jobs'").query(String.class).single()).isEqualTo(DatabasePasswords.APP);
            assertThat(app.sql("select tableowner from pg_tables where tablename = 'audit_event'").query(String.class).single()).isEqualTo(DatabasePasswords.OWNER);
            assertThat(app.sql("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and pg_get_userbyid(c.relowner) = 'postgres'").query(Long.class).single()).isZero();
            assertThatThrownBy(() -> app.sql("delete from audit_event").update()).rootCause().hasMessageContaining("permission denied for table audit_event");
            app.sql("update jobrunr_jobs set state = 'PROCESSING'").update(); // JobRunr's own tables stay the app's
            app.sql("insert into audit_event (clinic_id, username, action) values (:c, 'admin', 'viewed')").param("c", clinic).update();
        }

        // a second start finds everything in order and changes nothing
        try (EmbeddedPostgres again = new EmbeddedDatabaseConfig().embeddedPostgres(dataDir, 0, DatabasePasswords.load(dataDir))) {
            JdbcClient app = JdbcClient.create(dataSource(again.getPort(), DatabasePasswords.APP, passwords.app()));
            assertThat(app.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(2);
        }
        assertThat(Files.readString(pgdata.resolve("pg_hba.conf"))).isEqualTo(PgHba.PASSWORD_ONLY);
    }

    private static PGSimpleDataSource dataSource(int port, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }
}
