package org.poseanalytics.web.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates the schema, then, as the schema's owner (the user Flyway connects as), grants the app's database user
 * (whoever the app's pool connects as) what it needs and no more: reading and writing the tables, adding to the audit
 * log and reading it, but never changing or removing an audit entry. Done on every start, so a table a later migration
 * adds is covered without each migration naming a role (whose name an operator chooses on an external PostgreSQL).
 *
 * <p>When both are the same user (an external PostgreSQL configured with one user) nothing can be withheld from the
 * app: the owner of a table may always change it. The log says so at every start; docs/DATABASE.md tells how to split.
 */
@Component
class DatabasePrivileges implements FlywayMigrationStrategy {
    private static final Logger log = LoggerFactory.getLogger(DatabasePrivileges.class);
    static final String AUDIT_TABLE = "audit_event";

    private final DataSource app;

    DatabasePrivileges(DataSource app) {
        this.app = app;
    }

    @Override
    public void migrate(Flyway flyway) {
        flyway.migrate();
        try (Connection owner = flyway.getConfiguration().getDataSource().getConnection()) {
            grant(owner, appUser());
        } catch (SQLException e) {
            throw new IllegalStateException("Granting the app's database user its privileges failed: " + e.getMessage(), e);
        }
    }

    private String appUser() throws SQLException {
        try (Connection c = app.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void grant(Connection owner, String appUser) throws SQLException {
        List<String> statements = new ArrayList<>();
        owner.setAutoCommit(false); // one transaction: no moment in which the app has lost a privilege it keeps
        try (Statement st = owner.createStatement()) {
            String ownerUser;
            try (ResultSet rs = st.executeQuery("select current_user")) {
                rs.next();
                ownerUser = rs.getString(1);
            }
            if (ownerUser.equals(appUser)) {
                owner.rollback();
                log.warn("The app connects to the database as {}, the user that owns its tables: it could change or delete audit"
                        + " entries. Give the migrations their own owner (spring.flyway.user, see docs/DATABASE.md).", appUser);
                return;
            }
            String role = quote(appUser);
            try (ResultSet rs = st.executeQuery("""
                    select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.relowner = (select oid from pg_roles where rolname = current_user)
                      and c.relkind in ('r', 'p', 'v', 'm', 'S') order by c.relname""")) {
                while (rs.next()) {
                    String name = quote(rs.getString(1));
                    boolean sequence = rs.getString(2).equals("S");
                    statements.add("revoke all on " + (sequence ? "sequence " : "table ") + name + " from " + role);
                    if (sequence) {
                        statements.add("grant usage, select on sequence " + name + " to " + role);
                    } else if (rs.getString(1).equals(AUDIT_TABLE)) {
                        // insert-only: no update, delete or truncate; the owner, not the app, could grant them back
                        statements.add("grant select, insert on table " + name + " to " + role);
                    } else if (!rs.getString(1).equals("flyway_schema_history")) {
                        statements.add("grant select, insert, update, delete on table " + name + " to " + role);
                    }
                }
            }
            for (String sql : statements) st.execute(sql);
            owner.commit();
            log.info("Database user {} may read and write the tables owned by {}, and only add to {}", appUser, ownerUser, AUDIT_TABLE);
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
