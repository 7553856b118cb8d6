package org.poseanalytics.pose.eval;

/** A COCO annotation or results file that cannot be read or does not have the expected shape. */
public class CocoFormatException extends RuntimeException {
    public CocoFormatException(String message) { super(message); }

    public CocoFormatException(String message, Throwable cause) { super(message, cause); }
}
