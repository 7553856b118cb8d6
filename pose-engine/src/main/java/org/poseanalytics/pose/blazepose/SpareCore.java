package org.poseanalytics.pose.blazepose;

/**
 * Whether BlazePose moves work off the inference thread onto a core inference leaves idle: the periodic detector
 * look beside the landmark call ({@link DetectorBeside}) and half of each landmark crop ({@link LandmarkModel}).
 * Worth it where the inference threads are fewer than the cores (1 thread on 2 cores: the other core only decodes,
 * ~75 % idle); where inference takes every core, the extra threads would preempt the landmark model's own, so then
 * everything stays on the inference thread. Neither changes a number (SpareCoreTest).
 */
final class SpareCore {
    /**
     * System property: {@code off} (default) keeps all of a frame's work on the inference thread; {@code auto} uses
     * the spare core where inference leaves one, as above; {@code on} whatever the core count. Off by default because
     * on a quiet 2-core machine {@code auto} was 1–6 % slower end to end in each of four side-by-side pairs: the detector
     * no longer waited on the inference thread, but it and the crop's helper took the core decoding runs on, and the
     * shared crop was no faster than one thread's (docs/BENCHMARKS.md, "The inference thread does little but the
     * landmark call"). Kept for machines with more cores than inference and decoding use
     * ({@code PA_JAVA_OPTS=-Dposeanalytics.spare-core=auto bin/pose-analytics bench ...}).
     */
    static final String PROPERTY = "poseanalytics.spare-core";

    private SpareCore() {}

    static boolean use(int inferenceThreads) {
        String setting = System.getProperty(PROPERTY, "off");
        if (!setting.equals("auto") && !setting.equals("on")) return false;
        return setting.equals("on") || inferenceThreads < Runtime.getRuntime().availableProcessors();
    }
}
