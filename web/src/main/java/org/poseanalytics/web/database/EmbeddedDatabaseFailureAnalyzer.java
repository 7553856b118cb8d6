package org.poseanalytics.web.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed database start into Spring Boot's short "APPLICATION FAILED TO START" text instead of a stack trace. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, EmbeddedDatabaseException cause) {
        return new FailureAnalysis("The embedded PostgreSQL could not start: " + cause.getMessage(),
                "Stop the other copy of the app, choose another data directory with POSE_DATA_DIR, or use an external"
                        + " PostgreSQL with POSE_DB_URL, POSE_DB_USER and POSE_DB_PASSWORD (see README).", cause);
    }
}
