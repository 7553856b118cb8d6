package org.poseanalytics.tracking.filter;

import java.util.Locale;

/**
 * Low-pass cutoffs by movement, following biomechanics practice (Winter): slow, smooth movements keep little
 * above 6 Hz; running and jumping carry real content higher up, and impacts higher still. Pick by exercise
 * with {@link #forExercise(String)}.
 */
public enum FilterPreset {
    /** Offline default of DESIGN.md: 4th order zero-phase at 6 Hz. */
    DEFAULT(6),
    /** Gait: walking content sits below 6 Hz. */
    WALKING(5),
    /** Slow strength and rehab exercises (squat, lunge, sit-to-stand, shoulder abduction): repetitions under 1 Hz. */
    STRENGTH(4),
    RUNNING(10),
    /** Jump landings, throws, hits: keep the sharp transients. */
    IMPACT(15);

    private final double cutoffHz;

    FilterPreset(double cutoffHz) { this.cutoffHz = cutoffHz; }

    public double cutoffHz() { return cutoffHz; }

    public FilterConfig config() { return FilterConfig.defaults().withCutoffHz(cutoffHz); }

    /** The preset for an exercise name as given on the command line ("gait", "squat", ...); unknown names get DEFAULT. */
    public static FilterPreset forExercise(String exercise) {
        if (exercise == null) return DEFAULT;
        return switch (exercise.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "gait", "walking", "walk" -> WALKING;
            case "squat", "lunge", "sit-to-stand", "shoulder-abduction", "knee-flexion", "deadlift", "bench-press" -> STRENGTH;
            case "running", "run", "sprint" -> RUNNING;
            case "jump", "jump-landing", "throw", "hop", "kick" -> IMPACT;
            default -> DEFAULT;
        };
    }
}
