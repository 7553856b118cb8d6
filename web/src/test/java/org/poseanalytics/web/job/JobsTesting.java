package org.poseanalytics.web.job;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Waiting for jobs by reading their rows, as the UI does. */
final class JobsTesting {
    private JobsTesting() {}

    static JobProgress awaitJob(JdbcClient jdbc, UUID jobId, Duration timeout, Predicate<JobProgress> until) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobProgress last = null;
        while (System.nanoTime() < deadline) {
            last = jdbc.sql(JobRecords.SELECT + " where j.job_id = :id").param("id", jobId).query(JobRecords::map).optional().orElse(null);
            if (last != null && until.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not get there within " + timeout + "; last seen: " + (last == null ? "no row" : last.describe() + " " + last));
    }

    static UUID latestJobOf(JdbcClient jdbc, long videoId) {
        return jdbc.sql("select job_id from analysis_job where video_id = :v order by created_at desc limit 1")
                .param("v", videoId).query(UUID.class).single();
    }
}
