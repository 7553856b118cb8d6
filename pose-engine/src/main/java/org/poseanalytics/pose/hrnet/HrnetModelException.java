package org.poseanalytics.pose.hrnet;

/** HRNet weights that cannot be used: wrong file type, unreadable, or not an HRNet-shaped model. */
public class HrnetModelException extends RuntimeException {
    public HrnetModelException(String message) { super(message); }

    public HrnetModelException(String message, Throwable cause) { super(message, cause); }
}
