package org.poseanalytics.web.analysis;

import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.metric.MetricRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V25 over a database that already holds analyses: a fresh database on the embedded server is migrated to V24, given
 * an analysis as the app stored them before quality checks, then migrated to the latest version. Every stored value
 * is still there, and the figures read back as "not rated", the angles as unrated, the view as not measured.
 */
class MetricQualityMigrationTest extends DatabaseTest {
    @Autowired CurrentUser currentUser;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void v25KeepsStoredAnalysesAndTheirFiguresReadAsNotRated() throws Exception {
        try (HikariDataSource ds = scratchDatabase("migration")) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("24").load().migrate();
            JdbcClient old = JdbcClient.create(ds);
            TestClinic clinic = TestClinic.create(old);
            long video = clinic.video(old, clinic.session(old, LocalDate.of(2026, 3, 14), "squat"));
            long analysis = storedBeforeQualityChecks(old, clinic, video);

            Flyway latest = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
            latest.migrate();
            // Migrated to the latest version, whatever later migrations add after V25.
            assertThat(Integer.parseInt(latest.info().current().getVersion().getVersion())).isGreaterThanOrEqualTo(25);
            assertThat(latest.info().pending()).isEmpty();

            AnalysisQueries queries = new AnalysisQueries(old, currentUser);
            clinic.signIn(Role.VIEWER);
            Analysis a = queries.latestComplete(video).orElseThrow();
            assertThat(a.id()).isEqualTo(analysis);
            assertThat(a.view()).isNull();
            assertThat(queries.headlines(analysis)).isEmpty();
            assertThat(queries.metrics(analysis)).singleElement().satisfies(m -> {
                assertThat(m.value()).isEqualTo(92.5);
                assertThat(m.quality()).isNull();
                assertThat(m.note()).isEqualTo(MetricRecord.NOT_RATED)
                        .isEqualTo("not rated — analysed before quality checks; re-analyse to rate");
                assertThat(m.shownAsNumber()).isTrue();
            });
            AngleSeries angle = queries.angles(analysis).series().getFirst();
            assertThat(angle.valuesDeg()).containsExactly(10.0, 20.0, 30.0);
            assertThat(angle.rated()).isFalse();
            assertThat(queries.metricHistory(clinic.subjectId())).singleElement().satisfies(p -> {
                assertThat(p.quality()).isNull();
                assertThat(p.view()).isNull();
                assertThat(p.value()).isEqualTo(92.5);
            });
        } finally {
            TestClinic.signOut();
        }
    }

    /** The rows AnalysisStore wrote under V24: no quality, no issues, no view, no headlines. */
    private static long storedBeforeQualityChecks(JdbcClient jdbc, TestClinic clinic, long video) {
        long id = jdbc.sql("""
                        insert into analysis (clinic_id, video_id, job_id, model, model_version, exercise, skeleton, landmarks,
                            frames, frames_with_pose, angle_frames, angle_times_s, complete, completed_at)
                        values (:c, :v, :j, 'blazepose-full', '1', 'squat', 'blazepose-33', '{nose}', 3, 3, '{0,1,2}',
                            '{0,0.033,0.067}', true, now()) returning id""")
                .param("c", clinic.clinicId()).param("v", video).param("j", UUID.randomUUID()).query(Long.class).single();
        jdbc.sql("insert into analysis_metric (analysis_id, name, value, unit, side, repetition) values (:a, 'knee_flexion_rom_mean', 92.5, 'deg', 'left', null)")
                .param("a", id).update();
        jdbc.sql("""
                        insert into analysis_angle (analysis_id, ord, column_name, joint, side, dimension, unit, values_deg, velocity_deg_per_s)
                        values (:a, 0, 'left_knee_flexion_deg', 'knee_flexion', 'left', '2d', 'deg', :v, :w)""")
                .param("a", id).param("v", floats(10, 20, 30)).param("w", floats(0, 300, 300)).update();
        return id;
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }
}
