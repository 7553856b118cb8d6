package org.poseanalytics.pose.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Decoding below inference in the OS scheduler where the two must share the cores. With as many inference threads as
 * cores, XNNPACK's threads work through each operator in step: a decoding thread that takes one of their cores holds
 * up the other at the operator's end, and the landmark call ran 25–90 % slower beside decoding at 2 threads on 2 cores
 * (docs/BENCHMARKS.md, "Decoding below inference"). Decoding at a low priority (a Linux nice value, which is per
 * thread and inherited by the threads a thread starts) takes a core mostly when inference leaves one: between
 * landmark calls (the crop and post-processing run on one thread) and whenever the bounded frame queue runs dry, when
 * the inference thread waits for a frame. No result changes: only when each thread runs.
 *
 * <p>Elsewhere than Linux, or without {@code renice}, decoding keeps its priority.
 */
final class DecodePriority {
    /**
     * System property: {@code auto} (default) lowers decoding when inference takes every core, {@code off} never;
     * {@code idle} (Linux's SCHED_IDLE) or a nice value 1–19 lowers it so whatever the thread counts, for a
     * side-by-side benchmark.
     */
    static final String PROPERTY = "poseanalytics.decode-priority";
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private DecodePriority() {}

    /**
     * The command that lowers a thread, given its id as the last argument, for decoding beside {@code inferenceThreads}
     * on {@code cores}; empty to keep the normal priority.
     */
    static List<String> lowering(String setting, int inferenceThreads, int cores) {
        return switch (setting.trim()) {
            // nice 19 rather than SCHED_IDLE, which did as well side by side but gets next to nothing beside other
            // busy threads (a clinic's server has other work; docs/BENCHMARKS.md)
            case "auto" -> inferenceThreads >= cores ? lowering("19", inferenceThreads, cores) : List.of();
            case "off" -> List.of();
            case "idle" -> List.of("chrt", "--idle", "-p", "0");
            default -> {
                try {
                    int n = Integer.parseInt(setting.trim());
                    if (n < 1 || n > 19) throw new NumberFormatException();
                    yield List.of("renice", "-n", Integer.toString(n), "-p");
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(PROPERTY + " must be auto, off, idle or a nice value 1–19, was " + setting);
                }
            }
        };
    }

    /**
     * Lowers the calling thread by {@code lowering}, only this thread (on Linux a priority belongs to a thread); false
     * where it could not. By command on the thread's id: the JDK of our release has no call for it.
     */
    static boolean lowerCurrentThread(List<String> lowering) {
        if (lowering.isEmpty() || !Files.isSymbolicLink(THREAD_SELF)) return false;
        try {
            // "/proc/thread-self" links to "PID/task/TID"
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            List<String> command = new ArrayList<>(lowering);
            command.add(tid);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no such command here: decoding keeps its priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code open} run on a thread of its own lowered by {@code lowering}, so the threads it starts (FFmpeg's decoding
     * threads, started when the codec opens) run at that priority too.
     */
    static <T> T openLowered(List<String> lowering, Supplier<T> open) {
        if (lowering.isEmpty() || !Files.isSymbolicLink(THREAD_SELF)) return open.get();
        AtomicReference<T> opened = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread opener = Thread.ofPlatform().name("video-open").start(() -> {
            lowerCurrentThread(lowering);
            try {
                opened.set(open.get());
            } catch (RuntimeException | Error e) {
                failure.set(e); // thrown on the caller's thread below, as a decoder opened there would
            }
        });
        boolean interrupted = false;
        while (true) {
            try {
                opener.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the decoder it opens must not be left open behind the caller's back
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure.get() instanceof RuntimeException e) throw e;
        if (failure.get() instanceof Error e) throw e;
        return opened.get();
    }
}
