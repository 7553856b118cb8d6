package org.poseanalytics.web.analysis;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.web.PoseAnalyticsApplication;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out and crash recovery with real processes: worker-only JVMs (profile "worker", the app's own classpath)
 * share one embedded PostgreSQL and one video directory with a job-less "web node" in this JVM that queues the
 * jobs and reads the results. Two workers take a queue of squat videos and analyse each exactly once; a worker
 * killed with SIGKILL mid-job has its job picked up by another worker once JobRunr notices the dead server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerProcessTest {
    static Path dir;
    static Path videosDir;
    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext web;
    static JdbcClient jdbc;
    static AnalysisJobs jobs;
    static TestClinic clinic;
    static final List<Process> workers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path squat = Fixtures.squatVideo();
        dir = Files.createTempDirectory("pa-workers-");
        videosDir = Files.createDirectories(dir.resolve("videos"));
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        web = new SpringApplicationBuilder(PoseAnalyticsApplication.class).web(WebApplicationType.NONE)
                .run(common("web").toArray(String[]::new));
        jdbc = web.getBean(JdbcClient.class);
        jobs = web.getBean(AnalysisJobs.class);
        clinic = TestClinic.create(jdbc);
        Files.copy(squat, videosDir.resolve("squat-source.mp4"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : workers) p.destroyForcibly().waitFor();
        if (web != null) web.close();
        if (postgres != null) postgres.close();
    }

    @Test
    @Order(1)
    void twoWorkersAnalyseEachQueuedVideoExactlyOnce() throws Exception {
        Process a = worker("worker-a");
        Process b = worker("worker-b");
        awaitStarted("worker-a");
        awaitStarted("worker-b");

        long session = clinic.session(jdbc, LocalDate.now(), "squat");
        List<Long> videoIds = new ArrayList<>();
        List<UUID> jobIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID name = UUID.randomUUID();
            Files.copy(videosDir.resolve("squat-source.mp4"), videosDir.resolve(name.toString()));
            long video = clinic.video(jdbc, session, name);
            videoIds.add(video);
            jobIds.add(jobs.enqueue(clinic.clinicId(), video, null, "squat", null, null));
        }
        for (UUID id : jobIds) {
            JobProgress p = JobsTesting.awaitJob(jdbc, id, Duration.ofSeconds(180), j -> !j.state().active());
            assertThat(p.state()).as(p.describe()).isEqualTo(JobState.SUCCEEDED);
            assertThat(p.attempts()).isEqualTo(1);
        }
        Thread.sleep(6000); // a poll interval more: a second run of any job would have started by now
        Map<Long, Long> resultSets = jdbc.sql("select video_id, count(*) from analysis where video_id = any(:v) group by video_id")
                .param("v", videoIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(resultSets).hasSize(5).allSatisfy((video, count) -> assertThat(count).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from analysis_repetition r join analysis a on a.id = r.analysis_id where a.video_id = any(:v)")
                .param("v", videoIds.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(15);
        Set<String> byWorker = Set.copyOf(jdbc.sql("select distinct worker from analysis_job where job_id = any(:j)")
                .param("j", jobIds.toArray(UUID[]::new)).query(String.class).list());
        assertThat(byWorker).as("both workers took jobs").hasSize(2);
        assertThat(jdbc.sql("select sum(attempts) from analysis_job where job_id = any(:j)").param("j", jobIds.toArray(UUID[]::new))
                .query(Long.class).single()).isEqualTo(5);

        b.destroy(); // a clean stop: only worker-a is left for the crash test
        b.waitFor();
        assertThat(a.isAlive()).isTrue();
    }

    @Test
    @Order(2)
    void aJobOfAWorkerKilledMidJobIsCompletedByAnotherWorker() throws Exception {
        Process a = workers.stream().filter(Process::isAlive).findFirst().orElseGet(() -> worker("worker-a2"));
        UUID name = UUID.randomUUID();
        JobsTesting.concatenate(videosDir.resolve("squat-source.mp4"), videosDir.resolve(name.toString()), 6);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "squat"), name);
        UUID job = jobs.enqueue(clinic.clinicId(), video, null, "squat", null, null);

        JobProgress running = JobsTesting.awaitJob(jdbc, job, Duration.ofSeconds(120),
                p -> p.state() == JobState.RUNNING && p.framesDone() >= 40);
        String firstWorker = running.worker();
        a.destroyForcibly().waitFor(); // kill -9: no shutdown hook, no chance to clean up
        assertThat(JobsTesting.awaitJob(jdbc, job, Duration.ofSeconds(5), p -> true).state()).isEqualTo(JobState.RUNNING);
        assertThat(jdbc.sql("select count(*) from analysis where video_id = :v").param("v", video).query(Long.class).single()).isZero();

        worker("worker-c");
        JobProgress done = JobsTesting.awaitJob(jdbc, job, Duration.ofSeconds(240), p -> !p.state().active());
        assertThat(done.state()).as(done.describe()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.worker()).isNotEqualTo(firstWorker);
        assertThat(jdbc.sql("select count(*) from analysis where video_id = :v and complete").param("v", video).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from analysis_repetition r join analysis a on a.id = r.analysis_id where a.video_id = :v")
                .param("v", video).query(Long.class).single()).isEqualTo(18);
        assertThat(jdbc.sql("select status from video where id = :v").param("v", video).query(String.class).single()).isEqualTo("done");
    }

    private static List<String> common(String node) {
        return List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--pose.storage-dir=" + videosDir,
                "--pose.data-dir=" + dir.resolve(node),
                "--spring.main.banner-mode=off",
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,com.vaadin.flow.spring.VaadinScopesConfig",
                "--jobrunr.background-job-server.enabled=" + !node.equals("web"));
    }

    private static Process worker(String name) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                PoseAnalyticsApplication.class.getName(), "--spring.profiles.active=worker", "--pose.jobs.threads-per-job=1"));
        cmd.addAll(common(name));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
            workers.add(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitStarted(String name) throws Exception {
        Path log = dir.resolve(name + ".log");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("BackgroundJobPerformers started successfully")) return;
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not start its job server within 2 minutes:\n" + Files.readString(log));
    }
}
