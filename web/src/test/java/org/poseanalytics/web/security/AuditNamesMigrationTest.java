package org.poseanalytics.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V31: audit entries written before it named the patient (subject_name) and the uploaded file (in the detail). After
 * the upgrade the column is gone and every known wording names the video by id instead, keeping the rest.
 */
class AuditNamesMigrationTest extends DatabaseTest {

    @Test
    void oldEntriesLoseThePatientsAndTheFilesNames() throws Exception {
        try (HikariDataSource ds = scratchDatabase("audit")) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("29").load().migrate();
            JdbcClient db = JdbcClient.create(ds);
            TestClinic clinic = TestClinic.create(db);
            long video = clinic.video(db, clinic.session(db, java.time.LocalDate.of(2026, 3, 4), "squat"));
            String file = "Jane_Roe_knee.mp4";
            List<String[]> old = List.of(
                    new String[] {"viewed", "played " + file, "played video " + video},
                    new String[] {"viewed", "thumbnail of " + file, "thumbnail of video " + video},
                    new String[] {"uploaded", file + " to the session of 2026-03-04", "video " + video + " to the session of 2026-03-04"},
                    new String[] {"deleted", file + " deleted from the session of 2026-03-04", "video " + video + " deleted from the session of 2026-03-04"},
                    new String[] {"exported", "PDF report of " + file + " (session of 2026-03-04)", "PDF report of video " + video + " (session of 2026-03-04)"},
                    new String[] {"tracked", "point 1 tracked on " + file + " from (10, 20) px at 0.50 s, followed in 9 of 10 frames",
                            "point 1 tracked on video " + video + " from (10, 20) px at 0.50 s, followed in 9 of 10 frames"},
                    new String[] {"deleted", "tracked point 1 removed from " + file, "tracked point 1 removed from video " + video});
            for (String[] e : old) {
                db.sql("""
                                insert into audit_event (clinic_id, account_id, username, action, subject_id, subject_name, video_id, detail)
                                values (:c, :a, :u, :action, :s, 'Jane Roe', :v, :d)""")
                        .param("c", clinic.clinicId()).param("a", clinic.accountId()).param("u", clinic.username())
                        .param("action", e[0]).param("s", clinic.subjectId()).param("v", video).param("d", e[1]).update();
            }
            db.sql("""
                    insert into audit_event (clinic_id, username, action, subject_id, subject_name, detail)
                    values (:c, :u, 'deleted', :s, 'Jane Roe', 'subject erased with 1 session(s) and 1 video(s)')""")
                    .param("c", clinic.clinicId()).param("u", clinic.username()).param("s", clinic.subjectId()).update();

            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

            List<String> details = db.sql("select detail from audit_event order by id").query(String.class).list();
            assertThat(details).containsExactlyElementsOf(java.util.stream.Stream.concat(old.stream().map(e -> e[2]),
                    java.util.stream.Stream.of("subject erased with 1 session(s) and 1 video(s)")).toList());
            assertThat(db.sql("select count(*) from information_schema.columns where table_name = 'audit_event' and column_name = 'subject_name'")
                    .query(Long.class).single()).isZero();
        }
    }

}
