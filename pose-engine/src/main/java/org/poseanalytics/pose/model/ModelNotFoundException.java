package org.poseanalytics.pose.model;

/** A pretrained model file is not where the build puts it; the message says where it looked and what to do. */
public class ModelNotFoundException extends RuntimeException {
    public ModelNotFoundException(String message) { super(message); }

    public ModelNotFoundException(String message, Throwable cause) { super(message, cause); }
}
