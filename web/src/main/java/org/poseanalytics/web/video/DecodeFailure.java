package org.poseanalytics.web.video;

import java.io.IOException;

/**
 * Decoding an upload (probe, thumbnail, browser copy, a report's key frame, a calibration) failed; {@link #kind} says how and the message says it in words
 * for the user, without server paths.
 */
public class DecodeFailure extends IOException {
    public enum Kind {
        /** Not a video we can read (empty, text, cut off, no video stream). */
        UNREADABLE,
        /** The header declares more than the upload limits allow. */
        OVER_LIMIT,
        /** The decoder used up the memory it is allowed, or crashed: the file is hostile or broken. */
        RESOURCES,
        /** The decoder took longer than it is allowed. */
        TIMED_OUT,
        /** Stopped on purpose (the video was deleted, the server is stopping). */
        CANCELLED
    }

    private final Kind kind;

    public DecodeFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DecodeFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
