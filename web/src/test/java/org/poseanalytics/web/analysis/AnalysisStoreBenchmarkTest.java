package org.poseanalytics.web.analysis;

import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.testing.ReplayedSquat;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.series.KeypointSeries;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The results of a 10-minute 30 fps video (18,000 frames × 33 landmarks, 3 tracks over the whole video, 60 angle
 * columns with velocities, 30 repetitions, a tracked point) stored on the embedded PostgreSQL in under a second,
 * and read back for the charts and overlay. Each run also stores the same result with the subject's raw series as a
 * row of its own (as every analysis was stored before issue 17), for the figure side by side. Figures go to docs/BENCHMARKS.md ("Job runner: result storage").
 */
// A speed goal, so a benchmark run on request (mvn verify -pl web -am -Dbenchmarks=true), never a timed test in CI.
@EnabledIfSystemProperty(named = "benchmarks", matches = "true", disabledReason = "benchmark: run with -Dbenchmarks=true")
class AnalysisStoreBenchmarkTest extends DatabaseTest {
    @Autowired AnalysisStore store;
    @Autowired AnalysisQueries queries;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    /**
     * Minutes of video at 30 fps: 10 by default; {@code -Dbenchmark.minutes=60} for the hour-long video of issue 17, whose
     * goal is 3 s (docs/BENCHMARKS.md, "Long videos, flat memory"), with 3 runs instead of 4 to bound the time it takes.
     */
    private static final int MINUTES = Integer.getInteger("benchmark.minutes", 10);

    @Test
    void resultsAreStoredWithinTheGoal() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        int frames = MINUTES * 60 * 30;
        double goalS = MINUTES <= 10 ? 1.0 : 3.0;
        AnalysisResult results = SyntheticResults.of(frames, 33, 3, SyntheticResults.MAX_ANGLE_COLUMNS, 3 * MINUTES);
        // The same result as the store kept it before issue 17, for a side-by-side figure: a raw series given apart
        // (the subject's track with world landmarks), which the store writes as a row of its own.
        KeypointSeries f = results.subject().filtered().series();
        AnalysisResult withRawRow = new AnalysisResult(results.video(), results.model(), results.modelDescription(), results.poses(),
                results.tracks(), new TrackingStage.Subject(results.subject().choice(),
                        SyntheticResults.keypoints(f.skeleton(), f.frames(), f.timesS(), 0, "raw", true), results.subject().filtered()),
                results.kinematics(), results.points(), results.timings(), results.warnings(), results.scale());
        List<Double> storeS = new ArrayList<>();
        List<Double> withRawRowS = new ArrayList<>();
        List<Double> withoutFsyncS = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        long lastId = 0, lastRawId = 0;
        // Durable as shipped, alternating with runs on a second server with zonky's defaults (no fsync, no synchronous
        // commits: the app's settings before issue 15) in the same directory, so durability's cost is measured under the
        // same load. The first run of each warms up the JIT and the connection pool.
        try (EmbeddedPostgres undurable = EmbeddedPostgres.builder().setDataDirectory(DATA_DIR.resolve("pgdata-without-fsync"))
                     .setCleanDataDirectory(true).start();
             HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(undurable.getJdbcUrl("postgres", "postgres"));
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            JdbcClient otherJdbc = JdbcClient.create(ds);
            AnalysisStore other = new AnalysisStore(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)), otherJdbc);
            TestClinic otherClinic = TestClinic.create(otherJdbc);
            long otherSession = otherClinic.session(otherJdbc, LocalDate.now(), "squat");
            for (int run = 0; run < (MINUTES <= 10 ? 4 : 3); run++) {
                long video = clinic.video(jdbc, session);
                Account before = Account.now(postgres);
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                lastId = store.save(clinic.clinicId(), video, UUID.randomUUID(), null, results).analysisId();
                storeS.add((System.nanoTime() - t0) / 1e9);
                accounts.add(Account.now(postgres).since(before, (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9));

                long rawVideo = clinic.video(jdbc, session);
                t0 = System.nanoTime();
                lastRawId = store.save(clinic.clinicId(), rawVideo, UUID.randomUUID(), null, withRawRow).analysisId();
                withRawRowS.add((System.nanoTime() - t0) / 1e9);

                long otherVideo = otherClinic.video(otherJdbc, otherSession);
                t0 = System.nanoTime();
                other.save(otherClinic.clinicId(), otherVideo, UUID.randomUUID(), null, results);
                withoutFsyncS.add((System.nanoTime() - t0) / 1e9);
            }
        }
        long bytes = storedBytes(lastId), bytesWithRawRow = storedBytes(lastRawId);

        clinic.signIn(Role.VIEWER);
        long r0 = System.nanoTime();
        AngleTable angles = queries.angles(lastId);
        long r1 = System.nanoTime();
        KeypointSeries filtered = queries.subjectKeypoints(lastId, SubjectSeriesCodec.Kind.FILTERED).orElseThrow();
        long r2 = System.nanoTime();
        List<TrackSeries> tracks = queries.tracks(lastId);
        long r3 = System.nanoTime();
        assertThat(angles.series()).hasSize(SyntheticResults.MAX_ANGLE_COLUMNS);
        assertThat(filtered.length()).isEqualTo(frames);
        assertThat(tracks).hasSize(3);

        double best = storeS.subList(1, storeS.size()).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double bestWithRawRow = withRawRowS.subList(1, withRawRowS.size()).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double bestWithoutFsync = withoutFsyncS.subList(1, withoutFsyncS.size()).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        String line = String.format(Locale.ROOT,
                "%d frames: store (s) per run: %s; best warm %.3f s; with the raw row as before issue 17: %s, best warm %.3f s;"
                        + " without fsync: %s, best warm %.3f s; stored size %.1f MB (with the raw row %.1f MB);"
                        + " read angles %.3f s, subject keypoints %.3f s, tracks %.3f s",
                frames, seconds(storeS), best, seconds(withRawRowS), bestWithRawRow, seconds(withoutFsyncS), bestWithoutFsync, bytes / 1e6, bytesWithRawRow / 1e6,
                (r1 - r0) / 1e9, (r2 - r1) / 1e9, (r3 - r2) / 1e9);
        System.out.println("[result-storage benchmark] " + line);
        System.out.println("[result-storage benchmark] server: " + JdbcClient.create(postgres.getPostgresDatabase()).sql("""
                select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
                where name in ('shared_buffers', 'wal_buffers', 'max_wal_size', 'min_wal_size', 'checkpoint_timeout', 'wal_level',
                               'wal_compression', 'io_method', 'fsync', 'full_page_writes', 'wal_init_zero', 'wal_recycle', 'server_version')""")
                .query(String.class).single());
        System.out.println("[result-storage benchmark] where the durable runs' time went: " + String.join("; ", accounts));
        // The goal: under a second for 10 minutes, 3 s for an hour (run on request, so a loaded CI machine cannot make the build flaky).
        assertThat(best).as(line).isLessThan(goalS);
    }

    /**
     * The real pipeline's results of {@link #MINUTES} of the squat (the fixture's reference landmarks replayed, {@link
     * ReplayedSquat}: every repetition with its figures, 38 angle columns, the series spilled to disk from 10 minutes on as
     * in a job), stored as a job stores them; with {@code -Dtest.heap=-Xmx512m}, in the heap the issue gives a job. The
     * synthetic result above has few repetitions and figures; this one is what a job of that length stores.
     */
    @Test
    @EnabledIfSystemProperty(named = "benchmark.replay", matches = "true", disabledReason = "with -Dbenchmark.replay=true")
    void replayedSquatIsStoredWithinTheGoal() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        long t0 = System.nanoTime();
        AnalysisResult results = ReplayedSquat.of(Fixtures.squatReference2d().getParent()).analyse(MINUTES);
        double analyseS = (System.nanoTime() - t0) / 1e9;
        List<Double> storeS = new ArrayList<>();
        long lastId = 0;
        for (int run = 0; run < 3; run++) {
            long video = clinic.video(jdbc, session);
            t0 = System.nanoTime();
            lastId = store.save(clinic.clinicId(), video, UUID.randomUUID(), null, results).analysisId();
            storeS.add((System.nanoTime() - t0) / 1e9);
        }
        int metrics = jdbc.sql("select count(*) from analysis_metric where analysis_id = :id").param("id", lastId).query(Integer.class).single();
        double best = storeS.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        String line = String.format(Locale.ROOT, "replayed squat, %d frames, %d repetitions, %d angle columns, %d figures (analysed in %.1f s):"
                        + " store (s) per run: %s; first %.3f s, best %.3f s; heap limit %d MiB",
                results.kinematics().angles().length(), results.kinematics().repetitions().size(), results.kinematics().angles().series().size(),
                metrics, analyseS, seconds(storeS), storeS.getFirst(), best, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("[result-storage benchmark] " + line);
        // A job stores its result once: the first run counts, cold as it is in a job.
        assertThat(storeS.getFirst()).as(line).isLessThan(MINUTES <= 10 ? 1.0 : 3.0);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The server's side of one store: WAL written (bytes, records, full-page images, times the backend found the WAL
     * buffers full), checkpoints started, buffers the backends had to write out themselves, and its processes' CPU.
     * Read as the superuser; the counters of pg_stat_wal and pg_stat_io reach the views when the backend is idle, hence
     * the pause before reading them after a store (not counted in its time).
     */
    private record Account(long lsn, long records, long fpi, long buffersFull, long checkpoints, long backendWrites, ServerCpu cpu) {
        static Account now(EmbeddedPostgres postgres) {
            try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                Thread.sleep(1500);
                try (var rs = st.executeQuery("""
                        select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint, w.wal_records, w.wal_fpi, w.wal_buffers_full,
                               (select num_timed + num_requested from pg_stat_checkpointer),
                               (select coalesce(sum(writes), 0) from pg_stat_io where backend_type = 'client backend' and object = 'relation')::bigint
                        from pg_stat_wal w""")) {
                    rs.next();
                    return new Account(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            ServerCpu.of(DATA_DIR.resolve("pgdata")));
                }
            } catch (java.sql.SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        String since(Account b, double clientCpuS) {
            return String.format(Locale.ROOT, "WAL %.1f MB in %d records (%d full pages, WAL buffers full %d times), %d checkpoint(s),"
                            + " %d buffers written by backends, CPU: client %.2f s, server %s",
                    (lsn - b.lsn) / 1e6, records - b.records, fpi - b.fpi, buffersFull - b.buffersFull, checkpoints - b.checkpoints,
                    backendWrites - b.backendWrites, clientCpuS, cpu.since(b.cpu));
        }
    }

    private long storedBytes(long analysisId) {
        return jdbc.sql("""
                        select pg_column_size(a.*) + (select coalesce(sum(pg_column_size(x.*)), 0) from analysis_angle x where x.analysis_id = a.id)
                             + (select coalesce(sum(pg_column_size(x.*)), 0) from analysis_subject_series x where x.analysis_id = a.id)
                             + (select coalesce(sum(pg_column_size(x.*)), 0) from analysis_track x where x.analysis_id = a.id)
                             + (select coalesce(sum(pg_column_size(x.*)), 0) from analysis_series_part x where x.analysis_id = a.id)
                        from analysis a where a.id = :id""").param("id", analysisId).query(Long.class).single();
    }

    private static List<String> seconds(List<Double> s) {
        return s.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList();
    }
}
