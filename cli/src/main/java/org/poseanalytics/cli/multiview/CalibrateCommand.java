package org.poseanalytics.cli.multiview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.checkerboard.Board;
import org.poseanalytics.multiview.calibration.checkerboard.CheckerboardCalibrator;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pose-analytics calibrate --checkerboard COLSxROWS --square-m S VIDEO... --out calib.json}: one checkerboard
 * video per camera, filmed at the same time, in → the project's calibration JSON out, with each camera's
 * reprojection error printed.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Calibrate cameras from one checkerboard video each (filmed at the same time); the first camera sets the world frame.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:a video is not readable", "5:invalid option value",
                "6:the board was not found often enough, or never by two cameras at once"})
public final class CalibrateCommand implements Callable<Integer> {
    static final int EXIT_UNREADABLE = 2;
    static final int EXIT_BAD_OPTION = 5;
    static final int EXIT_FAILED = 6;

    @Option(names = "--checkerboard", required = true, paramLabel = "COLSxROWS", description = "inner corners across and down, e.g. 9x6 for a board of 10 x 7 squares")
    String checkerboard;

    @Option(names = "--square-m", required = true, paramLabel = "S", description = "the side of one square in metres, e.g. 0.025")
    double squareM;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "one checkerboard video per camera, in camera order")
    List<Path> videos = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the calibration JSON to write")
    Path out;

    @Option(names = "--sample-every", paramLabel = "S", defaultValue = "0.25", description = "look for the board every S seconds of video (default 0.25)")
    double sampleEveryS;

    @Override
    public Integer call() throws Exception {
        Board board;
        try {
            board = Board.parse(checkerboard, squareM);
            if (!(sampleEveryS > 0)) throw new IllegalArgumentException("--sample-every must be > 0 s");
        } catch (IllegalArgumentException e) {
            return fail(EXIT_BAD_OPTION, e.getMessage());
        }
        List<CheckerboardCalibrator.CameraVideo> cams = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            Path v = videos.get(i);
            if (!Files.isRegularFile(v)) return fail(EXIT_UNREADABLE, v + ": no such file");
            VideoSource source;
            try {
                source = VideoSource.of(v);
            } catch (UnreadableVideoException e) {
                return fail(EXIT_UNREADABLE, v.getFileName() + ": " + e.getMessage());
            }
            cams.add(new CheckerboardCalibrator.CameraVideo("cam_" + (i + 1), source::gray));
        }
        CheckerboardCalibrator.Result result;
        try {
            result = new CheckerboardCalibrator(board, new CheckerboardCalibrator.Settings(sampleEveryS, 40)).calibrate(cams);
        } catch (CheckerboardCalibrator.CalibrationFailedException e) {
            return fail(EXIT_FAILED, e.getMessage());
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        CalibrationFiles.writeProject(result.calibration(), out);
        for (int i = 0; i < result.cameras().size(); i++) {
            var r = result.cameras().get(i);
            var c = result.calibration().camera(i);
            System.err.printf(Locale.ROOT, "%s (%s): %dx%d, board in %d of %d frames, f %.1f px, reprojection error %.2f px%s%n",
                    r.name(), videos.get(i).getFileName(), r.width(), r.height(), r.boardsFound(), r.framesSampled(), 0.5 * (c.fx() + c.fy()),
                    r.reprojectionErrorPx(), i == 0 ? " (world frame)" : String.format(Locale.ROOT, ", %d moments shared with cam_1, %.2f m from it",
                            r.sharedWithFirst(), dist(c.centre())));
        }
        System.err.println("wrote " + out);
        return 0;
    }

    private static double dist(double[] v) { return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

    private static int fail(int code, String reason) {
        System.err.println("pose-analytics calibrate: " + reason);
        return code;
    }
}
