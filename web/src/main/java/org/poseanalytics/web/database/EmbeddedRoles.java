package org.poseanalytics.web.database;

import static org.poseanalytics.web.database.DatabasePasswords.APP;
import static org.poseanalytics.web.database.DatabasePasswords.OWNER;
import static org.poseanalytics.web.database.DatabasePasswords.SUPERUSER;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the embedded database's roles in order, as its superuser, on every start: the schema owner and the app's role
 * exist with the passwords of {@link DatabasePasswords}, neither is a superuser, and whatever an earlier version
 * created as the superuser (every table, before) passes to them: JobRunr's tables to the app (JobRunr creates and
 * upgrades them itself, through the app's connections), everything else to the owner. The owner is a member of the
 * app's role, so a migration may still touch JobRunr's tables; the app is not a member of the owner's.
 * Idempotent: a data directory already in order is left as it is; one half-converted by a crash is finished.
 */
final class EmbeddedRoles {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRoles.class);

    private EmbeddedRoles() {}

    static void secure(Connection superuser, DatabasePasswords passwords) throws SQLException {
        superuser.setAutoCommit(false);
        try (Statement st = superuser.createStatement()) {
            for (String role : List.of(OWNER, APP)) {
                st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then create role "
                        + role + "; end if; end $$");
                st.execute("alter role " + role + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            }
            PGConnection pg = superuser.unwrap(PGConnection.class);
            // The verifier is computed here (SCRAM), so no password travels in a statement or reaches a server log.
            pg.alterUserPassword(SUPERUSER, passwords.superuser().toCharArray(), "scram-sha-256");
            pg.alterUserPassword(OWNER, passwords.owner().toCharArray(), "scram-sha-256");
            pg.alterUserPassword(APP, passwords.app().toCharArray(), "scram-sha-256");
            st.execute("grant " + APP + " to " + OWNER);
            st.execute("alter schema public owner to " + OWNER);
            st.execute("revoke all on schema public from public");
            // JobRunr creates its tables through the app's pool, possibly before the migrations ran (no ordering between them).
            st.execute("grant usage, create on schema public to " + APP);
            st.execute("revoke create, temporary on database postgres from public");
            st.execute("grant connect on database postgres to " + OWNER + ", " + APP);
            int moved = transferOwnership(st);
            if (moved > 0) log.info("Database upgrade: {} objects created by the superuser now belong to {} or {}", moved, OWNER, APP);
            superuser.commit();
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        }
    }

    /** Tables, views and free-standing sequences of schema public still owned by the superuser (indexes and identity sequences follow their table). */
    private static int transferOwnership(Statement st) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("""
                select c.relname, c.relkind
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and pg_get_userbyid(c.relowner) = '%s'
                  and (c.relkind in ('r', 'p', 'v', 'm', 'f')
                       or c.relkind = 'S' and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                            and d.objid = c.oid and d.deptype in ('a', 'i')))
                order by c.relkind = 'S', c.relname""".formatted(SUPERUSER))) {
            while (rs.next()) {
                String name = rs.getString(1);
                String kind = switch (rs.getString(2)) {
                    case "v" -> "view";
                    case "m" -> "materialized view";
                    case "f" -> "foreign table";
                    case "S" -> "sequence";
                    default -> "table";
                };
                String owner = name.startsWith("jobrunr_") ? APP : OWNER;
                statements.add("alter " + kind + " public." + quote(name) + " owner to " + owner);
            }
        }
        try (ResultSet rs = st.executeQuery("""
                select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and pg_get_userbyid(p.proowner) = '%s'""".formatted(SUPERUSER))) {
            while (rs.next()) statements.add("alter routine " + rs.getString(1) + " owner to " + OWNER);
        }
        for (String sql : statements) st.execute(sql);
        return statements.size();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
