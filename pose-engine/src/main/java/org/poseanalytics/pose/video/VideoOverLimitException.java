package org.poseanalytics.pose.video;

/**
 * A video whose header declares more than {@link VideoLimits} allow, or a container or codec outside them. A readable
 * file all the same in the sense of {@link UnreadableVideoException} (the caller refuses it), but the remedy differs:
 * trim or re-export it, or ask for higher limits.
 */
public class VideoOverLimitException extends UnreadableVideoException {
    public VideoOverLimitException(String message) { super(message); }
}
