package org.poseanalytics.pose.video;

/** A file that is not a decodable video; the message says why in words a user understands. */
public class UnreadableVideoException extends Exception {
    public UnreadableVideoException(String message) { super(message); }

    public UnreadableVideoException(String message, Throwable cause) { super(message, cause); }
}
