package org.poseanalytics.web.account;

import org.poseanalytics.web.UserInputException;

/** The password rule, in one place, with a message that says what to do. */
public final class Passwords {
    public static final int MIN_LENGTH = 10;

    private Passwords() {}

    public static void check(String password, String repeated) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new UserInputException("Choose a password of at least " + MIN_LENGTH + " characters; a short sentence works well.");
        }
        if (password.length() > 128) throw new UserInputException("Choose a password of at most 128 characters.");
        if (repeated != null && !password.equals(repeated)) {
            throw new UserInputException("The two passwords differ. Type the same password twice.");
        }
    }
}
