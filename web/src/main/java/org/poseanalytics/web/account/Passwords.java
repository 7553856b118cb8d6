package org.poseanalytics.web.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.poseanalytics.web.UserInputException;

/** The password rule, in one place, with a message that says what to do. */
public final class Passwords {
    /** Characters (code points), so that a password of accented letters is not refused as too short. */
    public static final int MIN_LENGTH = 10;
    /** bcrypt reads no more than 72 bytes: anything after them would silently not count, so it is refused. */
    public static final int MAX_BYTES = 72;

    /** Passwords everybody tries first; shipped with the app (resource {@code common-passwords.txt}), compared ignoring case and spaces. */
    private static final Set<String> COMMON = load();

    private Passwords() {}

    public static void check(String password, String repeated) { check(password, repeated, null); }

    /** @param username the account's user name, which must not be the password either; null when not known yet */
    public static void check(String password, String repeated, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new UserInputException("Choose a password of at least " + MIN_LENGTH + " characters; a short sentence works well.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new UserInputException("Choose a password of at most " + MAX_BYTES + " bytes: that is 72 plain letters or digits, "
                    + "fewer with accents or other scripts (they take two to four bytes each).");
        }
        if (isCommon(password) || (username != null && normal(password).equals(normal(username)))) {
            throw new UserInputException("This password is among the first ones anybody tries (or is your user name). "
                    + "Choose another one; a short sentence of your own works well.");
        }
        if (repeated != null && !password.equals(repeated)) {
            throw new UserInputException("The two passwords differ. Type the same password twice.");
        }
    }

    static boolean isCommon(String password) { return COMMON.contains(normal(password)); }

    private static String normal(String s) { return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", ""); }

    private static Set<String> load() {
        try (InputStream in = Passwords.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("common-passwords.txt is missing from the application");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(Passwords::normal)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
