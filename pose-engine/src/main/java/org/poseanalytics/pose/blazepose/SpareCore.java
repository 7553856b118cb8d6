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
     * System property: {@code off} keeps all of a frame's work on the inference thread, as before issue 17, for a
     * side-by-side benchmark ({@code PA_JAVA_OPTS=-Dposeanalytics.spare-core=off bin/pose-analytics bench ...});
     * {@code on} uses the spare core whatever the core count; {@code auto} (default) as above.
     */
    static final String PROPERTY = "poseanalytics.spare-core";

    private SpareCore() {}

    static boolean use(int inferenceThreads) {
        String setting = System.getProperty(PROPERTY, "auto");
        if (setting.equals("off")) return false;
        return setting.equals("on") || inferenceThreads < Runtime.getRuntime().availableProcessors();
    }
}
