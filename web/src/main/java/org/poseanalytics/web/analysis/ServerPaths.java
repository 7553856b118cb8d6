package org.poseanalytics.web.analysis;

import java.util.regex.Pattern;

/**
 * Takes server file paths out of messages users read (job status, API answers): where the data or the model weights
 * lie on the server is none of a caller's business, and the server log keeps the full message.
 */
final class ServerPaths {
    /** An absolute path of two or more parts, Unix or Windows. */
    private static final Pattern PATH = Pattern.compile("(?<![\\w.])(?:[A-Za-z]:)?(?:[/\\\\][\\w.~@+\\-]+){2,}[/\\\\]?");

    private ServerPaths() {}

    static String scrub(String message) {
        return message == null ? null : PATH.matcher(message).replaceAll("(a file on the server)");
    }
}
