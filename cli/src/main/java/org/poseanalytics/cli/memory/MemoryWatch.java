package org.poseanalytics.cli.memory;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The memory an analysis needed, for {@code analyze --memory} and the long-video harness (docs/BENCHMARKS.md, "Long
 * videos, flat memory"). Three figures, because each alone misleads:
 * <ul>
 *   <li><b>live heap</b>: the most heap still in use right after a collection, i.e. what the analysis holds. It is the
 *       figure that grows with the video's length when something keeps every frame;</li>
 *   <li><b>peak heap used</b>: the JVM's own high-water mark (sum of the heap pools' peaks), garbage included; with a
 *       fixed {@code -Xmx} a collector lets it fill up to the limit, so it says little about growth;</li>
 *   <li><b>peak resident</b>: Linux's {@code VmHWM} of the process (heap + FFmpeg + the pose model's native memory).</li>
 * </ul>
 */
public final class MemoryWatch implements AutoCloseable {
    private final AtomicLong maxLiveAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<Runnable> unregister = new ArrayList<>();

    private MemoryWatch() {}

    /** Starts listening to the collector; close to stop. */
    public static MemoryWatch start() {
        MemoryWatch w = new MemoryWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            NotificationListener l = w::onGc;
            emitter.addNotificationListener(l, null, null);
            w.unregister.add(() -> {
                try {
                    emitter.removeNotificationListener(l);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            });
        }
        return w;
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        // G1 also reports its concurrent cycles, whose "after" is not an evacuated heap; only the pauses say what is live.
        if (info.getGcName().contains("Concurrent")) return;
        long used = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(e.getKey())) used += e.getValue().getUsed();
        }
        maxLiveAfterGc.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals(name)) return p.getType() == MemoryType.HEAP;
        }
        return false;
    }

    /** What was measured so far; {@code finalCollection} first collects once, so a run too short to collect still has a live figure. */
    public Figures figures(boolean finalCollection) {
        long retained = -1;
        if (finalCollection) {
            long before = collections.get();
            System.gc();
            retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            // The notification arrives on another thread shortly after.
            long deadline = System.nanoTime() + 500_000_000L;
            while (collections.get() == before && System.nanoTime() < deadline) Thread.onSpinWait();
        }
        long peakUsed = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = pool.getPeakUsage();
            if (pool.getType() == MemoryType.HEAP && u != null) peakUsed += u.getUsed();
        }
        long max = Runtime.getRuntime().maxMemory();
        return new Figures(retained, maxLiveAfterGc.get(), peakUsed, max, residentPeakBytes(), collections.get());
    }

    /** Linux's resident high-water mark of this process, or -1 where /proc does not say. */
    public static long residentPeakBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux: the figure is unknown, not zero.
        }
        return -1;
    }

    @Override
    public void close() { unregister.forEach(Runnable::run); }

    /**
     * Bytes. {@code retained}: heap in use right after a full collection at the end (-1 when none was asked for);
     * {@code liveHeapMax}: the most heap in use after any collection during the run, an upper bound of what was live at
     * once (a young collection leaves the old generation's garbage in place); {@code residentPeak} is -1 when unknown.
     */
    public record Figures(long retained, long liveHeapMax, long peakHeapUsed, long heapLimit, long residentPeak, long collections) {
        private static final double MIB = 1024.0 * 1024.0;

        /** One line for a terminal or a benchmark log. */
        public String line() {
            return String.format(Locale.ROOT, "memory: retained at the end %s, heap after GC max %.0f MiB, peak heap used %.0f MiB of %.0f MiB (-Xmx), "
                            + "peak resident %s, %d collections",
                    retained < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", retained / MIB),
                    liveHeapMax / MIB, peakHeapUsed / MIB, heapLimit / MIB,
                    residentPeak < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", residentPeak / MIB), collections);
        }
    }
}
