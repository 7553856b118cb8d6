package org.poseanalytics.web.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.web.video.Video;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Points being tracked, kept apart from the page that asked for them: they run one at a time on this node's
 * {@link PointTrackingQueue} as the user who picked them, and any page showing the analysis (the same one after
 * a reload, or another tab) lists them with their progress, hears when one is stored, and sees a failure with its
 * reason until someone dismisses it. A run lives in memory only: a restart of the server drops runs not yet stored.
 */
@Service
public class PointTrackingRuns {
    private static final Logger log = LoggerFactory.getLogger(PointTrackingRuns.class);

    public enum State { QUEUED, RUNNING, FAILED, STORED }

    /**
     * One point's tracking as pages show it.
     *
     * @param progress 0 to 1 while running
     * @param failure  why it could not be followed (FAILED only)
     * @param stored   the stored path (STORED only: the last news of a run, which then leaves the list)
     */
    public record PointRun(long id, long analysisId, PointSpec spec, State state, double progress, String failure,
                           TrackedPath stored) {
        PointRun with(State s, double p, String why, TrackedPath path) { return new PointRun(id, analysisId, spec, s, p, why, path); }
    }

    private final PointTrackingService tracking;
    private final PointTrackingQueue queue;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, PointRun> runs = new ConcurrentHashMap<>();
    private final Map<Long, List<Consumer<PointRun>>> watchers = new ConcurrentHashMap<>();

    PointTrackingRuns(PointTrackingService tracking, PointTrackingQueue queue) {
        this.tracking = tracking;
        this.queue = queue;
    }

    /** Queues the point; it runs as the signed-in user (storing and auditing check who it is). */
    @PreAuthorize("hasRole('CLINICIAN')")
    public PointRun start(Video video, long analysisId, PointSpec spec) {
        PointRun run = new PointRun(ids.incrementAndGet(), analysisId, spec, State.QUEUED, 0, null, null);
        update(run);
        queue.submit(new DelegatingSecurityContextRunnable(() -> follow(video, run)));
        return run;
    }

    /** The analysis's points still queued, running or failed (not dismissed), oldest first. */
    @PreAuthorize("hasRole('VIEWER')")
    public List<PointRun> of(long analysisId) {
        return runs.values().stream().filter(r -> r.analysisId() == analysisId).sorted(Comparator.comparingLong(PointRun::id)).toList();
    }

    /** Takes a failed run off the list (queued and running ones stay). */
    @PreAuthorize("hasRole('VIEWER')")
    public void dismiss(PointRun run) {
        runs.computeIfPresent(run.id(), (id, now) -> now.state() == State.FAILED ? null : now);
    }

    /** Calls {@code onChange} (on the run's thread) with every change of the analysis's runs; returns what stops it. */
    public Runnable watch(long analysisId, Consumer<PointRun> onChange) {
        watchers.computeIfAbsent(analysisId, k -> new CopyOnWriteArrayList<>()).add(onChange);
        return () -> watchers.getOrDefault(analysisId, List.of()).remove(onChange);
    }

    private void follow(Video video, PointRun queued) {
        PointRun running = queued.with(State.RUNNING, 0, null, null);
        update(running);
        try {
            TrackedPath stored = tracking.trackAndStore(video, queued.analysisId(), queued.spec(), p -> {
                // Whole percents only: a page needs no more, and each change is pushed to every watching page.
                if (Math.floor(p * 100) > Math.floor(runs.getOrDefault(queued.id(), running).progress() * 100)) {
                    update(running.with(State.RUNNING, p, null, null));
                }
            });
            runs.remove(queued.id());
            notify(running.with(State.STORED, 1, null, stored));
        } catch (RuntimeException e) {
            log.info("Point {} on analysis {} could not be followed: {}", queued.id(), queued.analysisId(), e.toString());
            update(running.with(State.FAILED, 0, reason(e), null));
        }
    }

    /** In words for the page: never a server path (a decoder's message names the stored file). */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableVideoException || t instanceof java.io.IOException) {
                String detail = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\S*[/\\\\]\\S*", "…").trim();
                return "the stored video could not be read on the server" + (detail.isEmpty() ? "" : " (" + detail + ")");
            }
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private void update(PointRun run) {
        runs.put(run.id(), run);
        notify(run);
    }

    private void notify(PointRun run) {
        for (Consumer<PointRun> w : watchers.getOrDefault(run.analysisId(), List.of())) {
            try {
                w.accept(run);
            } catch (RuntimeException e) {
                log.warn("A page watching point {} failed: {}", run.id(), e.toString());
            }
        }
    }
}
