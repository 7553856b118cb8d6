package org.poseanalytics.pose.video;

/**
 * A video whose header declares more than {@link VideoLimits} allow, or a container or codec outside them. A readable
 * file all the same in the sense of {@link UnreadableVideoException} (the caller refuses it), but the remedy differs:
 * trim or re-export it, or ask for higher limits. {@link #limit()} says which limit, so a caller can name its own
 * remedy (the CLI's {@code --max-fps} for a high-speed clip) without reading the message.
 */
public class VideoOverLimitException extends UnreadableVideoException {
    /** The limit a video went over. */
    public enum Limit { CONTAINER, CODEC, SIZE, FRAME_RATE, DURATION, FRAMES }

    private final Limit limit;

    public VideoOverLimitException(Limit limit, String message) {
        super(message);
        this.limit = java.util.Objects.requireNonNull(limit, "limit");
    }

    public Limit limit() { return limit; }
}
