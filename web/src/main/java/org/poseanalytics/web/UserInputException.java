package org.poseanalytics.web;

/**
 * Input a user can correct; the message says how, and is shown as is, under the field it names when it names one
 * (the name of the record component the input went into, e.g. "birthDate" of SubjectDetails).
 */
public class UserInputException extends RuntimeException {
    private final String field;

    public UserInputException(String message) { this(message, null); }

    public UserInputException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The input at fault, or null where the message is about the form as a whole. */
    public String field() { return field; }
}
