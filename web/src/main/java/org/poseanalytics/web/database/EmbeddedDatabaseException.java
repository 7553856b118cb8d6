package org.poseanalytics.web.database;

/** The embedded PostgreSQL cannot start; the message says why and what to do. */
public class EmbeddedDatabaseException extends IllegalStateException {
    public EmbeddedDatabaseException(String message) { super(message); }

    public EmbeddedDatabaseException(String message, Throwable cause) { super(message, cause); }
}
