package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-clinic fair share of the job workers. Queued analysis jobs wait in {@code analysis_job} (not in JobRunr's
 * queue, which is first come, first served) and are handed to JobRunr only as workers free up, in {@link FairShare}'s
 * order. Runs when a job is queued, when one ends, and every few seconds (a worker that died, a retry); one node at a
 * time (an advisory lock), so nodes sharing the database hand over each job once.
 */
@Component
class FairDispatch implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(FairDispatch.class);
    /** The advisory lock's key: "fair" in ASCII. */
    private static final long LOCK = 0x66616972L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobRequestScheduler scheduler;
    private final IntSupplier workers;
    private final int perClinic;
    private ScheduledExecutorService ticker;

    @Autowired
    FairDispatch(JdbcClient jdbc, TransactionTemplate tx, JobRequestScheduler scheduler, StorageProvider jobStorage,
                 @Value("${pose.jobs.max-per-clinic:0}") int perClinic) {
        this(jdbc, tx, scheduler, () -> runningWorkers(jobStorage), perClinic);
    }

    FairDispatch(JdbcClient jdbc, TransactionTemplate tx, JobRequestScheduler scheduler, IntSupplier workers, int perClinic) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.scheduler = scheduler;
        this.workers = workers;
        this.perClinic = perClinic;
    }

    /** The worker threads of every live JobRunr server on this database (web nodes and worker nodes alike); at least 1. */
    static int runningWorkers(StorageProvider jobStorage) {
        int n = jobStorage.getBackgroundJobServers().stream().filter(BackgroundJobServerStatus::isRunning)
                .mapToInt(BackgroundJobServerStatus::getWorkerPoolSize).sum();
        return Math.max(1, n);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking() {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fair-dispatch").daemon().factory());
        ticker.scheduleWithFixedDelay(this::dispatchQuietly, 5, 5, TimeUnit.SECONDS);
    }

    void dispatchQuietly() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.warn("Could not hand queued jobs to the workers: {}", e.getMessage());
        }
    }

    /** Hands as many waiting jobs to JobRunr as there are free workers, fairly between clinics; returns them in order. */
    List<UUID> dispatch() {
        List<UUID> chosen = tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK).query((rs, n) -> 1).list();
            Map<Long, Integer> inHand = jdbc.sql("""
                            select clinic_id, count(*) from analysis_job
                            where dispatched_at is not null and state in ('queued', 'running') group by clinic_id""")
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            int free = workers.getAsInt() - inHand.values().stream().mapToInt(Integer::intValue).sum();
            if (free <= 0) return List.<UUID>of();
            List<FairShare.Waiting> waiting = jdbc.sql("""
                            select job_id, clinic_id, created_at from analysis_job
                            where state = 'queued' and dispatched_at is null and not cancel_requested""")
                    .query((rs, n) -> new FairShare.Waiting(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)))
                    .list();
            if (waiting.isEmpty()) return List.<UUID>of();
            Map<Long, OffsetDateTime> lastServed = jdbc.sql("""
                            select clinic_id, max(dispatched_at) from analysis_job
                            where dispatched_at is not null and clinic_id = any(:clinics) group by clinic_id""")
                    .param("clinics", waiting.stream().map(FairShare.Waiting::clinicId).distinct().toArray(Long[]::new))
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<UUID> ids = FairShare.choose(waiting, inHand, lastServed, free, perClinic);
            // Row by row with the clock's time: the order is kept for the next round's "least recently served".
            for (int i = 0; i < ids.size(); i++) {
                jdbc.sql("update analysis_job set dispatched_at = clock_timestamp() where job_id = :job").param("job", ids.get(i)).update();
            }
            return ids;
        });
        for (UUID id : chosen) {
            scheduler.enqueue(id, new AnalyseVideo(id));
            log.info("Handed job {} to the workers", id);
        }
        return chosen;
    }

    @Override
    public void destroy() {
        if (ticker != null) ticker.shutdownNow();
    }
}
