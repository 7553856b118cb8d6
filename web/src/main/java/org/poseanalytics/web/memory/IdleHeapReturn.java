package org.poseanalytics.web.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the server's heap close to what is live, and gives back what a job took once the server is idle. G1 by default
 * lets the heap grow until 40–70 % of it is free after a collection, and keeps every page it touched for the life of the
 * process, so a clinic's server carried the peak of its longest job for good: an hour's keypoints took the server from
 * 410 to 771 MiB resident at {@code -Xmx512m} and it stayed there. With at most 30 % free (at least 10 %) and a
 * collection after a minute without one, the same job peaked at 627 MiB and the server settled at 540 MiB; storing the
 * hour took 3.0–3.3 s instead of 2.5–2.9 s, the price of the smaller heap (docs/BENCHMARKS.md, "The server's heap kept
 * tight").
 *
 * <p>Set at start through the JVM's management interface (these flags are "manageable"), so {@code java -jar} needs no
 * options; a flag given on the command line is left as given. Only with G1, the default collector.
 * {@code pose.memory.return-when-idle=false} ({@code POSE_MEMORY_RETURN_WHEN_IDLE}) leaves the JVM's defaults.
 */
@Component
public class IdleHeapReturn {
    private static final Logger log = LoggerFactory.getLogger(IdleHeapReturn.class);
    /** A collection after this long without one (ms): an idle server's, never a busy one's. */
    static final long PERIODIC_MS = 60_000;
    /** Heap free after a collection, in %: below the minimum it grows, above the maximum it shrinks. */
    static final int MIN_FREE = 10, MAX_FREE = 30;

    private final boolean enabled;

    public IdleHeapReturn(@Value("${pose.memory.return-when-idle}") boolean enabled) {
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (!enabled) return;
        List<String> set = apply(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
        if (!set.isEmpty()) log.info("Memory is returned to the system when idle: {}", String.join(", ", set));
    }

    /** Sets the flags still at their defaults; answers what it set, e.g. "G1PeriodicGCInterval=60000". */
    static List<String> apply(HotSpotDiagnosticMXBean vm) {
        List<String> set = new ArrayList<>();
        if (!usesG1()) return set;
        // The minimum first: the JVM refuses a maximum below the current minimum (40 % by default).
        setIfDefault(vm, "MinHeapFreeRatio", MIN_FREE, set);
        setIfDefault(vm, "MaxHeapFreeRatio", MAX_FREE, set);
        setIfDefault(vm, "G1PeriodicGCInterval", PERIODIC_MS, set);
        return set;
    }

    private static boolean usesG1() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("G1"));
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, long value, List<String> set) {
        VMOption option = vm.getVMOption(name);
        if (option.getOrigin() != VMOption.Origin.DEFAULT || !option.isWriteable()) return;
        try {
            vm.setVMOption(name, Long.toString(value));
            set.add(name + "=" + value);
        } catch (IllegalArgumentException e) {
            log.warn("Could not set {}={}: {}", name, value, e.getMessage());
        }
    }
}
