package org.poseanalytics.cli.analyze;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.model.ModelNotFoundException;
import org.poseanalytics.pose.model.PoseModels;
import org.poseanalytics.pose.pipeline.KeypointsCsv;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.pipeline.VideoPoseRunner;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.video.UnreadableVideoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pose-analytics analyze VIDEO --out DIR}: the analysis as named stages, so tracking and kinematics slot in
 * between them: {@link #estimatePoses} (decode + pose per frame, streamed into keypoints.csv) → (tracks, angles,
 * repetitions: to come) → {@link #writeSummary}.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Find the person in a video and write keypoints.csv and summary.json into DIR.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:the input is not a readable video",
                "3:no person found in the video", "4:the pose model is not available"})
public final class AnalyzeCommand implements Callable<Integer> {
    public static final int EXIT_UNREADABLE = 2;
    public static final int EXIT_NO_PERSON = 3;
    public static final int EXIT_NO_MODEL = 4;

    @Parameters(index = "0", paramLabel = "VIDEO", description = "the video file (any format FFmpeg reads)")
    Path video;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created when missing)")
    Path out;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "blazepose-full",
            description = "blazepose-full (default), blazepose-lite or blazepose-heavy")
    String model;

    @Option(names = "--threads", paramLabel = "N", description = "inference threads (default: all cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(video)) return fail(EXIT_UNREADABLE, video + ": no such file");
        Files.createDirectories(out);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (PoseEstimator estimator = PoseModels.open(model, n)) {
            VideoPoseResult result;
            try {
                result = estimatePoses(estimator);
            } catch (UnreadableVideoException e) {
                return fail(EXIT_UNREADABLE, video.getFileName() + ": " + e.getMessage());
            }
            List<String> warnings = new ArrayList<>();
            if (!result.decode().complete()) {
                warnings.add(result.decode().problem());
                System.err.println("pose-analytics analyze: warning: " + result.decode().problem()
                        + "; the frames before that point were analysed");
            }
            writeSummary(result, warnings);
            if (result.framesWithPose() == 0) {
                return fail(EXIT_NO_PERSON, "no person found in " + video.getFileName() + " (" + result.frames()
                        + " frames looked at); is a whole body in view?");
            }
            System.err.printf("pose-analytics analyze: %d frames, a pose in %d, %.1f frames/s; wrote %s%n",
                    result.frames(), result.framesWithPose(), result.framesPerS(), out);
            return 0;
        } catch (IllegalArgumentException e) {
            return fail(1, e.getMessage());
        } catch (ModelNotFoundException e) {
            return fail(EXIT_NO_MODEL, e.getMessage());
        }
    }

    /** Stage: decode and estimate the pose in every frame, streaming rows into keypoints.csv. */
    VideoPoseResult estimatePoses(PoseEstimator estimator) throws UnreadableVideoException, IOException {
        ProgressBar bar = new ProgressBar(System.err);
        try (KeypointsCsv csv = new KeypointsCsv(new PrintWriter(Files.newBufferedWriter(out.resolve("keypoints.csv"),
                StandardCharsets.UTF_8)), Skeleton.BLAZEPOSE_33)) {
            // Until the tracking module assigns identities: 0 is the main (followed) person, others follow in
            // detection order.
            return VideoPoseRunner.run(video, estimator, (FramePoses f) -> {
                for (int i = 0; i < f.persons().size(); i++) csv.write(f.frameIndex(), f.timeS(), i, f.persons().get(i));
            }, quiet ? p -> { } : bar);
        } finally {
            bar.finish();
        }
    }

    /** Stage: summary.json. Exercise, repetitions and metrics stay empty until kinematics is plugged in. */
    void writeSummary(VideoPoseResult r, List<String> warnings) throws IOException {
        var v = r.video();
        double duration = r.decode().complete() || Double.isNaN(r.decode().lastTimeS()) ? v.durationS() : r.decode().lastTimeS();
        AnalysisSummary summary = new AnalysisSummary(
                new AnalysisSummary.Video(v.width(), v.height(), v.rotationDeg(), v.codec(), r.frames(), duration,
                        v.variableFrameRate(), r.decode().complete()),
                model, r.framesWithPose() > 0 ? 0 : null, r.framesWithPose(), null, List.of(), new LinkedHashMap<>(),
                new AnalysisSummary.Timings(round(r.decodeS()), round(r.inferenceS()), round(r.totalS()), round(r.framesPerS())),
                warnings);
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        json.writeValue(out.resolve("summary.json").toFile(), summary);
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    private static int fail(int code, String reason) {
        System.err.println("pose-analytics analyze: " + reason);
        return code;
    }
}
