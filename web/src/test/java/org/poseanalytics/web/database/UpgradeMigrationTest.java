package org.poseanalytics.web.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation upgraded over the one-model change (issue 16) keeps what it stored: a session recorded as "other"
 * is the generic template's session (V28), and a job JobRunr queued under the old package name still names classes
 * that exist (V29). A new database, where JobRunr has not created its tables yet, migrates too.
 */
class UpgradeMigrationTest extends DatabaseTest {

    @Test
    void sessionsAndQueuedJobsOfAnOlderVersionSurviveTheUpgrade() throws Exception {
        try (HikariDataSource ds = scratchDatabase("upgrade")) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("27").load().migrate();
            JdbcClient old = JdbcClient.create(ds);
            TestClinic clinic = TestClinic.create(old);
            long session = clinic.session(old, LocalDate.of(2026, 5, 6), "other");
            // the job table as JobRunr creates it, with a job queued by the version before the move
            old.sql("""
                    create table jobrunr_jobs (id nchar(36) primary key, version int not null, jobAsJson text not null,
                        jobSignature varchar(512) not null, state varchar(36) not null, createdAt timestamp not null,
                        updatedAt timestamp not null, scheduledAt timestamp)""").update();
            String id = UUID.randomUUID().toString();
            old.sql("insert into jobrunr_jobs values (:id, 1, :json, :sig, 'ENQUEUED', now(), now(), null)")
                    .param("id", id)
                    .param("json", "{\"jobDetails\":{\"className\":\"org.poseanalytics.web.job.AnalyseVideoHandler\","
                            + "\"jobParameters\":[{\"className\":\"org.poseanalytics.web.job.AnalyseVideo\"}]}}")
                    .param("sig", "org.poseanalytics.web.job.AnalyseVideoHandler.run(org.poseanalytics.web.job.AnalyseVideo)")
                    .update();

            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

            String exercise = old.sql("select exercise from session where id = :s").param("s", session).query(String.class).single();
            assertThat(Exercise.parse(exercise)).isEqualTo(Exercise.GENERIC);
            assertThat(Exercise.GENERIC.label()).isEqualTo("Other");
            String json = old.sql("select jobAsJson from jobrunr_jobs where id = :id").param("id", id).query(String.class).single();
            String signature = old.sql("select jobSignature from jobrunr_jobs where id = :id").param("id", id).query(String.class).single();
            for (String named : new String[] {json, signature}) {
                assertThat(named).doesNotContain("org.poseanalytics.web.job.")
                        .contains("org.poseanalytics.web.analysis.AnalyseVideoHandler", "org.poseanalytics.web.analysis.AnalyseVideo");
            }
            assertThat(Class.forName("org.poseanalytics.web.analysis.AnalyseVideoHandler")).isNotNull();
            assertThat(Class.forName("org.poseanalytics.web.analysis.AnalyseVideo")).isNotNull();
        }
        try (HikariDataSource fresh = scratchDatabase("upgrade")) {
            Flyway latest = Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load();
            latest.migrate();
            assertThat(latest.info().pending()).isEmpty();
        }
    }

}
