package org.poseanalytics.kinematics.keypoints;

/**
 * A keypoint file that cannot be analysed, with one line saying what is wrong and what to do. {@link Kind#UNREADABLE}:
 * the file itself (not the format it claims, broken JSON, a row too short); {@link Kind#NEEDS_OPTION}: the file is fine
 * but lacks something only the user can give (its frame rate, its frame size).
 */
public final class KeypointFileException extends Exception {
    public enum Kind { UNREADABLE, NEEDS_OPTION }

    private final Kind kind;

    public KeypointFileException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public KeypointFileException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }

    static KeypointFileException unreadable(String message) { return new KeypointFileException(Kind.UNREADABLE, message); }
}
