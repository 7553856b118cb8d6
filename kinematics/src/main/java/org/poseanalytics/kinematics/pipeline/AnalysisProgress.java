package org.poseanalytics.kinematics.pipeline;

/**
 * Where an analysis is, for a progress bar (CLI) or a job's percentage (web), and the caller's way to stop
 * it. {@code fraction} is of the whole analysis, 0 to 1; frames are known only during the pose stage
 * ({@code framesTotal} is the container's estimate, 0 when unknown).
 */
public interface AnalysisProgress {
    AnalysisProgress NONE = (stage, fraction, framesDone, framesTotal) -> { };

    void update(Stage stage, double fraction, long framesDone, long framesTotal);

    /** Polled between frames: true stops the analysis with {@link AnalysisException.Kind#CANCELLED}. */
    default boolean isCancelled() { return false; }

    /** The named stages of the data path, in order. */
    enum Stage {
        POSES("detecting the person and estimating keypoints"),
        TRACKING("following the subject and filtering"),
        TRIANGULATION("synchronising the views and triangulating"),
        KINEMATICS("computing angles and repetitions"),
        POINTS("tracking the chosen points"),
        DONE("done");

        private final String description;

        Stage(String description) { this.description = description; }

        public String description() { return description; }
    }
}
