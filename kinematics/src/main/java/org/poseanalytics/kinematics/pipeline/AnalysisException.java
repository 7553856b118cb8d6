package org.poseanalytics.kinematics.pipeline;

/**
 * Why an analysis produced no result, in words for the user. {@link #permanent()} failures (the file is not
 * a video, nobody is in it) will fail the same way on every try, so a job runner must not retry them.
 */
public class AnalysisException extends Exception {
    public enum Kind {
        UNREADABLE_VIDEO(true), NO_PERSON(true), MODEL_UNAVAILABLE(true), BAD_REQUEST(true), CANCELLED(true),
        /** Several videos of one movement that share no moment (MultiViewPipeline). */
        NO_OVERLAP(true),
        FAILED(false);

        private final boolean permanent;

        Kind(boolean permanent) { this.permanent = permanent; }
    }

    private final Kind kind;

    public AnalysisException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public AnalysisException(Kind kind, String message) { this(kind, message, null); }

    public Kind kind() { return kind; }

    public boolean permanent() { return kind.permanent; }
}
