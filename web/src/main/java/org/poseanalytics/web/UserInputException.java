package org.poseanalytics.web;

/** Input a user can correct; the message says how, and is shown as is. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) { super(message); }
}
