package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.UI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Live job progress for open pages. The work may run on another node, so progress lives in the database: once a
 * second this reads the latest job of every video shown on some page (one query per clinic) and pushes changes to
 * those pages (Vaadin server push, {@code UI.access}). Nothing is read while no page is watching.
 */
@Component
@ConditionalOnWebApplication
public class JobProgressPush {
    private static final Logger log = LoggerFactory.getLogger(JobProgressPush.class);

    /** A page element watching one video; the clinic is the one of the page's signed-in user. */
    public record Watch(long clinicId, long videoId, UI ui, Consumer<JobProgress> onChange) {}

    private final AnalysisJobs jobs;
    private final Map<Watch, JobProgress> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-progress-push");
        t.setDaemon(true);
        return t;
    });

    JobProgressPush(AnalysisJobs jobs) {
        this.jobs = jobs;
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts pushing; returns what stops it (call on detach). */
    public Runnable watch(Watch watch, JobProgress current) {
        watches.put(watch, current == null ? NONE : current);
        return () -> watches.remove(watch);
    }

    private static final JobProgress NONE = new JobProgress(new java.util.UUID(0, 0), -1, JobState.QUEUED, null, 0, 0, 0, 0,
            null, null, null, null, null, null, null, null, null, null);

    void tick() {
        if (watches.isEmpty()) return;
        try {
            Map<Long, java.util.List<Watch>> byClinic = watches.keySet().stream().collect(Collectors.groupingBy(Watch::clinicId));
            byClinic.forEach((clinic, list) -> {
                Map<Long, JobProgress> latest = jobs.latestOf(clinic, list.stream().map(Watch::videoId).distinct().toList());
                for (Watch w : list) {
                    JobProgress now = latest.get(w.videoId());
                    JobProgress before = watches.get(w);
                    if (now == null || before == null || Objects.equals(now, before)) continue;
                    watches.put(w, now);
                    w.ui().access(() -> w.onChange().accept(now));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not push job progress: {}", e.getMessage());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() { ticker.shutdownNow(); }
}
