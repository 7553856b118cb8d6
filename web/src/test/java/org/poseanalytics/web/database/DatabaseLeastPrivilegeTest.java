package org.poseanalytics.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL as the app runs it (issue 15, item 6): durable, a password for every connection, and the app
 * connected as a role that is no superuser and can only add to the audit log. Each test fails when its door reopens.
 */
class DatabaseLeastPrivilegeTest extends DatabaseTest {
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedPostgres postgres;

    @Test
    void theAppConnectsAsItsOwnRoleThatIsNoSuperuserAndOwnsNoAppTable() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(DatabasePasswords.APP);
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'audit_event'").query(String.class).single())
                .isEqualTo(DatabasePasswords.OWNER);
        assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'clinic'").query(String.class).single())
                .isEqualTo(DatabasePasswords.OWNER);
        // nothing the app uses is owned by the superuser any more
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = 'postgres'")
                .query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "update audit_event set detail = 'changed'",
            "delete from audit_event",
            "truncate audit_event",
            "drop table audit_event",
            "alter table audit_event disable trigger all",
            "alter table audit_event owner to pose_app"})
    void theAppCannotChangeOrRemoveAuditEntries(String sql) {
        TestClinic clinic = TestClinic.create(jdbc);
        jdbc.sql("insert into audit_event (clinic_id, username, action, detail) values (:c, 'someone', 'viewed', 'kept')")
                .param("c", clinic.clinicId()).update();

        assertThatThrownBy(() -> jdbc.sql(sql).update())
                .rootCause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501")) // insufficient_privilege
                .hasMessageMatching("(?s).*(permission denied for table audit_event|must be owner of table audit_event).*");
        assertThat(jdbc.sql("select count(*) from audit_event where clinic_id = :c and detail = 'kept'")
                .param("c", clinic.clinicId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theAppCannotGrantItselfMoreOnTheAuditLog() {
        try {
            jdbc.sql("grant update, delete, truncate on audit_event to pose_app").update(); // without grant option: a warning
        } catch (DataAccessException refused) {
            // or refused outright: either way nothing may have been granted
        }
        for (String privilege : new String[] {"UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES"}) {
            assertThat(jdbc.sql("select has_table_privilege('audit_event', :p)").param("p", privilege).query(Boolean.class).single())
                    .as(privilege).isFalse();
        }
        assertThat(jdbc.sql("select has_table_privilege('audit_event', 'INSERT')").query(Boolean.class).single()).isTrue();
    }

    @Test
    void theAppStillReadsAndWritesItsOtherTables() {
        TestClinic clinic = TestClinic.create(jdbc);
        assertThat(jdbc.sql("update subject set notes = 'n' where id = :s").param("s", clinic.subjectId()).update()).isEqualTo(1);
        assertThat(jdbc.sql("delete from subject where id = :s").param("s", clinic.subjectId()).update()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {DatabasePasswords.APP, DatabasePasswords.OWNER, DatabasePasswords.SUPERUSER})
    void aConnectionWithoutThePasswordIsRefused(String user) throws Exception {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        Properties none = new Properties();
        none.setProperty("user", user);
        assertThatThrownBy(() -> DriverManager.getConnection(url, none).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        Properties wrong = new Properties();
        wrong.setProperty("user", user);
        wrong.setProperty("password", "not-the-password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, wrong).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThat(Files.readString(DATA_DIR.resolve("pgdata/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
    }

    @Test
    void thePasswordsAreKeptInAFileOnlyItsOwnerReads() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve(DatabasePasswords.FILE_NAME))))
                .isEqualTo("rw-------");
        assertThat(DATA_DIR.resolve("pgdata.initdb-password")).doesNotExist();
        // and they are the ones that open the database
        DatabasePasswords passwords = DatabasePasswords.load(DATA_DIR);
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, DatabasePasswords.OWNER, passwords.owner())) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void commitsAreDurable() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
    }
}
