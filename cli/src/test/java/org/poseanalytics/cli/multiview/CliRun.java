package org.poseanalytics.cli.multiview;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.poseanalytics.cli.PoseAnalytics;

/** Runs the command line in process and keeps what it printed on stderr. */
record CliRun(int exit, String stderr) {
    static CliRun of(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = PoseAnalytics.commandLine().execute(args);
            return new CliRun(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }
}
