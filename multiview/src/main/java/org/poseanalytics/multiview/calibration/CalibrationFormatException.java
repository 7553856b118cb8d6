package org.poseanalytics.multiview.calibration;

/** A calibration file that cannot be read: the message names the file and what is wrong with it. */
public class CalibrationFormatException extends RuntimeException {
    public CalibrationFormatException(String message) { super(message); }

    public CalibrationFormatException(String message, Throwable cause) { super(message, cause); }
}
