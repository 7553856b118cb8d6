package org.poseanalytics.cli;

import org.poseanalytics.cli.analyze.AnalyzeCommand;
import org.poseanalytics.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pose-analytics} command. Each subcommand is a thin shell over the library modules. */
@Command(name = "pose-analytics", mixinStandardHelpOptions = true, version = "pose-analytics 0.1.0",
        description = "Pose analytics for coaches and physical therapists.",
        subcommands = {CommandLine.HelpCommand.class, AnalyzeCommand.class, EvalCommand.class,
                CocoEvalCommand.class, BenchCommand.class, org.poseanalytics.cli.multiview.CalibrateCommand.class, org.poseanalytics.cli.multiview.Analyze3dCommand.class})
public final class PoseAnalytics {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new PoseAnalytics());
    }
}
