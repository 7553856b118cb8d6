package org.poseanalytics.multiview;

/** Why several videos could not be turned into 3D keypoints, with a message a user can act on. */
public class MultiViewException extends Exception {
    public enum Kind {
        /** The calibration has another number of cameras than videos were given. */
        COUNT_MISMATCH,
        /** A camera never sees the person (or no one in it lines up with the subject). */
        NOT_SEEN,
        /** The videos do not overlap in time. */
        NO_OVERLAP,
        /** Anything else wrong with the request (sizes, options). */
        BAD_REQUEST
    }

    private final Kind kind;

    public MultiViewException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MultiViewException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
