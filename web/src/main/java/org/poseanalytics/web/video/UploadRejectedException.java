package org.poseanalytics.web.video;

import org.poseanalytics.web.UserInputException;

/** An upload that was refused; nothing of it is kept. The message tells the user why and what to do. */
public class UploadRejectedException extends UserInputException {
    public UploadRejectedException(String message) { super(message); }
}
