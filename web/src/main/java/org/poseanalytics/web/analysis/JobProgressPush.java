package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.poseanalytics.web.account.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * The one way job progress reaches an open page: a page component {@link #follow follows} a video's job and is told
 * of every change by Vaadin server push ({@code UI.access}). The work may run on another node, so progress lives in
 * the database: once a second this reads the latest job of every followed video ({@link AnalysisJobs#latestOf}, one
 * query per clinic; the same rows REST's {@code GET /api/videos/{id}/analysis} answers from). Nothing is read while
 * no page follows a job.
 */
@org.springframework.stereotype.Component
@ConditionalOnWebApplication
public class JobProgressPush {
    private static final Logger log = LoggerFactory.getLogger(JobProgressPush.class);

    private final AnalysisJobs jobs;
    private final CurrentUser currentUser;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-progress-push");
        t.setDaemon(true);
        return t;
    });

    JobProgressPush(AnalysisJobs jobs, CurrentUser currentUser) {
        this.jobs = jobs;
        this.currentUser = currentUser;
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Tells {@code onChange} (in the page's UI) of each change of the video's latest job while {@code owner} is
     * attached; the clinic is the one of the signed-in user who opens the page (call this while building it).
     *
     * @param shown    what the page shows now (null: no job yet), so that only news is pushed
     * @param onChange runs with the UI's lock held, like any listener
     * @return what stops following before the owner is detached (detaching stops it anyway)
     */
    public Registration follow(Component owner, long videoId, JobProgress shown, Consumer<JobProgress> onChange) {
        Follower f = new Follower(currentUser.clinicId(), videoId, onChange, shown);
        owner.getUI().ifPresent(f::attach);
        Registration attach = owner.addAttachListener(e -> f.attach(e.getUI()));
        Registration detach = owner.addDetachListener(e -> followers.remove(f));
        return () -> {
            attach.remove();
            detach.remove();
            followers.remove(f);
        };
    }

    /**
     * The same for progress kept elsewhere (a multi-camera recording's triangulation, a calibration job): {@code read}
     * runs once a second on this class's thread, without the signed-in user (so it takes the clinic as an argument,
     * captured while building the page), and {@code onChange} is told in the page's UI whenever its answer differs
     * from the last one ({@code equals}).
     */
    public <T> Registration follow(Component owner, java.util.function.Supplier<T> read, T shown, Consumer<T> onChange) {
        Watcher<T> w = new Watcher<>(read, onChange, shown);
        owner.getUI().ifPresent(w::attach);
        Registration attach = owner.addAttachListener(e -> w.attach(e.getUI()));
        Registration detach = owner.addDetachListener(e -> watchers.remove(w));
        return () -> {
            attach.remove();
            detach.remove();
            watchers.remove(w);
        };
    }

    private final Set<Watcher<?>> watchers = ConcurrentHashMap.newKeySet();

    private final class Watcher<T> {
        final java.util.function.Supplier<T> read;
        final Consumer<T> onChange;
        volatile T last;
        volatile UI ui;

        Watcher(java.util.function.Supplier<T> read, Consumer<T> onChange, T shown) {
            this.read = read;
            this.onChange = onChange;
            this.last = shown;
        }

        void attach(UI ui) {
            this.ui = ui;
            watchers.add(this);
        }

        void poll() {
            T now = read.get();
            if (Objects.equals(now, last)) return;
            last = now;
            try {
                ui.access(() -> onChange.accept(now));
            } catch (UIDetachedException e) {
                watchers.remove(this);
            }
        }
    }

    /** A page element following one video; {@code last} is what it was last told. */
    private final class Follower {
        final long clinicId;
        final long videoId;
        final Consumer<JobProgress> onChange;
        volatile JobProgress last;
        volatile UI ui;

        Follower(long clinicId, long videoId, Consumer<JobProgress> onChange, JobProgress shown) {
            this.clinicId = clinicId;
            this.videoId = videoId;
            this.onChange = onChange;
            this.last = shown;
        }

        void attach(UI ui) {
            this.ui = ui;
            followers.add(this);
        }

        void offer(JobProgress now) {
            if (now == null || Objects.equals(now, last)) return;
            last = now;
            try {
                ui.access(() -> onChange.accept(now));
            } catch (UIDetachedException e) {
                followers.remove(this);
            }
        }
    }

    void tick() {
        for (Watcher<?> w : watchers) {
            try {
                w.poll();
            } catch (RuntimeException e) {
                log.warn("Could not push progress: {}", e.getMessage());
            }
        }
        if (followers.isEmpty()) return;
        try {
            Map<Long, List<Follower>> byClinic = followers.stream().collect(Collectors.groupingBy(f -> f.clinicId));
            byClinic.forEach((clinic, list) -> {
                Map<Long, JobProgress> latest = jobs.latestOf(clinic, list.stream().map(f -> f.videoId).distinct().toList());
                for (Follower f : list) f.offer(latest.get(f.videoId));
            });
        } catch (RuntimeException e) {
            log.warn("Could not push job progress: {}", e.getMessage());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() { ticker.shutdownNow(); }
}
