package org.poseanalytics.web.analysis;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Where points wait to be tracked on this node: one at a time, since following a point decodes the whole video and
 * several at once only slow each other down. (Not an {@code Executor} bean, which would replace Spring's own.)
 */
@Component
public class PointTrackingQueue {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "point-tracking");
        t.setDaemon(true);
        return t;
    });

    /** Runs the task after those already queued. */
    public void submit(Runnable task) { executor.execute(task); }

    @PreDestroy
    void stop() { executor.shutdownNow(); }
}
