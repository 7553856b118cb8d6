package org.poseanalytics.archfixture.library;

import java.sql.Connection;
import java.sql.SQLException;

/** A "library" class that uses JDBC. */
public class JdbcKnowing {
    public boolean open(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
