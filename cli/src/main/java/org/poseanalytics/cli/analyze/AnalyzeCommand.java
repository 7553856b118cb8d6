package org.poseanalytics.cli.analyze;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poseanalytics.cli.memory.MemoryWatch;
import org.poseanalytics.kinematics.KinematicsSummary;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisOutputs;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.pipeline.PoseSource;
import org.poseanalytics.kinematics.pipeline.VideoPoses;
import org.poseanalytics.kinematics.keypoints.FrameSize;
import org.poseanalytics.kinematics.keypoints.ImportOptions;
import org.poseanalytics.kinematics.keypoints.KeypointFileException;
import org.poseanalytics.kinematics.keypoints.KeypointFormat;
import org.poseanalytics.kinematics.keypoints.KeypointReader;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.pose.pipeline.VideoPoseRunner.Progress;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoOverLimitException;
import org.poseanalytics.tracking.point.PointSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pose-analytics analyze VIDEO --out DIR}: a thin shell over {@link AnalysisPipeline} (the same code the
 * web app's analysis job runs): parse the request → run with a progress bar → write the outputs → print the
 * repetitions and metrics.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Find the person in a video, follow them, and write keypoints, angles, repetitions and metrics into DIR.",
                "Or analyse keypoints another tool made (--keypoints): the same tracking and kinematics, no video decoded."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:the input is not a readable video or keypoint file",
                "3:no person found in the video", "4:the pose model is not available", "5:invalid option value"})
public final class AnalyzeCommand implements Callable<Integer> {
    public static final int EXIT_UNREADABLE = 2;
    public static final int EXIT_NO_PERSON = 3;
    public static final int EXIT_NO_MODEL = 4;
    public static final int EXIT_BAD_OPTION = 5;

    @Parameters(index = "0", arity = "0..1", paramLabel = "VIDEO", description = "the video file (any format FFmpeg reads); or give --keypoints")
    Path video;

    @Option(names = "--keypoints", paramLabel = "FILE_OR_DIR",
            description = "analyse keypoints another tool made instead of a video: an OpenPose JSON folder (or our keypoints.json), "
                    + "MediaPipe/BlazePose landmarks as JSON, or a Sports2D/Pose2Sim .trc (docs/KEYPOINTS.md)")
    Path keypoints;

    @Option(names = "--format", paramLabel = "FORMAT", description = "openpose, mediapipe or trc (default: told from the path)")
    String format;

    @Option(names = "--fps", paramLabel = "N", description = "with --keypoints: the frames per second, when the file does not say")
    String fps;

    @Option(names = "--frame-size", paramLabel = "WxH", description = "with --keypoints: the video's frame size in pixels, when the file does not say")
    String frameSize;

    @Option(names = "--world-keypoints", paramLabel = "FILE",
            description = "with --keypoints in MediaPipe's landmark arrays: the world landmarks (metres) of the same frames, for 3D angles")
    Path worldKeypoints;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created when missing)")
    Path out;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "blazepose-full",
            description = "blazepose-full (default), blazepose-lite, blazepose-heavy, or hrnet=PATH (.pt or .onnx)")
    String model;

    @Option(names = "--exercise", paramLabel = "NAME",
            description = "squat, lunge, sit-to-stand, knee-rom, shoulder-abduction, shoulder-flexion, gait, cmj, generic (default: guessed)")
    String exercise;

    @Option(names = "--subject-track", paramLabel = "ID", description = "analyse this track id instead of the most present, central person")
    Integer subjectTrack;

    @Option(names = "--track-point", paramLabel = "X,Y,T",
            description = "follow the point at pixel X,Y seen at time T seconds (repeatable); writes points.csv")
    List<String> trackPoints = new ArrayList<>();

    @Option(names = "--involved-side", paramLabel = "SIDE",
            description = "left or right: the subject's involved (injured, operated) side; symmetry is then the limb symmetry index "
                    + "involved / uninvolved x 100 %% (default: not known, left against right)")
    String involvedSide;

    @Option(names = "--max-fps", paramLabel = "N",
            description = "analyse videos of up to N frames per second (default: ${DEFAULT-VALUE}, the web app's upload limit); "
                    + "raise it for a high-speed camera's clip: every frame is analysed")
    double maxFps = VideoLimits.DEFAULTS.maxFps();

    @Option(names = "--scale-line", paramLabel = "X1,Y1,X2,Y2,METRES",
            description = "a line on the frame (end points in pixels of the frame as a player shows it) whose real length is METRES, "
                    + "drawn in the plane the subject moves in: distances and speeds in metres (docs/SCALE.md)")
    String scaleLine;

    @Option(names = "--subject-height-m", paramLabel = "H",
            description = "the subject's standing height in metres (0.5-2.5): the scale is measured from the pose over the frames "
                    + "where they stand upright (docs/SCALE.md)")
    String subjectHeightM;

    @Option(names = "--threads", paramLabel = "N", description = "inference threads (default: all cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress bar, no report")
    boolean quiet;

    @Option(names = "--memory", description = "at the end, print the heap still in use after collections (max), the peak heap and the "
            + "process's peak resident memory (docs/BENCHMARKS.md, long videos)")
    boolean memory;

    @Override
    public Integer call() throws IOException {
        if ((video == null) == (keypoints == null)) return fail(EXIT_BAD_OPTION, "give either a VIDEO or --keypoints FILE_OR_DIR (not both)");
        PoseSource source = new VideoPoses();
        if (keypoints != null) {
            if (!Files.exists(keypoints)) return fail(EXIT_UNREADABLE, keypoints + ": no such file or folder");
            try {
                source = keypointSource();
            } catch (IllegalArgumentException e) {
                return fail(EXIT_BAD_OPTION, e.getMessage());
            } catch (KeypointFileException e) {
                return fail(e.kind() == KeypointFileException.Kind.UNREADABLE ? EXIT_UNREADABLE : EXIT_BAD_OPTION, e.getMessage());
            }
        } else {
            if (format != null || fps != null || frameSize != null || worldKeypoints != null)
                return fail(EXIT_BAD_OPTION, "--format, --fps, --frame-size and --world-keypoints go with --keypoints; a video states its own");
            if (!Files.isRegularFile(video)) return fail(EXIT_UNREADABLE, video + ": no such file");
        }
        AnalysisRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            return fail(EXIT_BAD_OPTION, e.getMessage());
        }
        ProgressBar bar = new ProgressBar(System.err);
        MemoryWatch watch = memory ? MemoryWatch.start() : null;
        long start = System.nanoTime();
        AnalysisResult result;
        try {
            result = new AnalysisPipeline(source).run(request, quiet ? AnalysisProgress.NONE : (stage, fraction, done, total) -> {
                if (stage == AnalysisProgress.Stage.POSES) bar.accept(new Progress(done, total, (System.nanoTime() - start) / 1e9));
            });
        } catch (AnalysisException e) {
            bar.finish();
            return fail(switch (e.kind()) {
                case UNREADABLE_VIDEO -> EXIT_UNREADABLE;
                case NO_PERSON -> EXIT_NO_PERSON;
                case MODEL_UNAVAILABLE -> EXIT_NO_MODEL;
                case BAD_REQUEST -> EXIT_BAD_OPTION;
                case CANCELLED, FAILED, NO_OVERLAP -> 1;
            }, e.getMessage() + (e.getCause() instanceof VideoOverLimitException o && o.limit() == VideoOverLimitException.Limit.FRAME_RATE
                    ? " (a high-speed camera's clip? pass --max-fps with its frame rate)" : ""));
        }
        bar.finish();
        for (String warning : result.warnings()) System.err.println("pose-analytics analyze: warning: " + warning);
        AnalysisOutputs.write(result, out);
        if (!quiet) report(result, System.err);
        if (watch != null) {
            // Measured with the result still referenced, as it is while the outputs are written.
            System.err.println("pose-analytics analyze: " + watch.figures(true).line() + ", " + result.poses().frames() + " frames");
            watch.close();
        }
        return 0;
    }

    /**
     * The reader of --keypoints: the format given or told from the path, with --fps, --frame-size and --world-keypoints.
     * Reading starts only in the pipeline; a path or option that cannot work is refused here, before anything runs.
     */
    KeypointReader keypointSource() throws KeypointFileException {
        if (!trackPoints.isEmpty()) throw new IllegalArgumentException("--track-point follows a point on the video's frames; keypoints alone have none");
        KeypointFormat f = format == null ? KeypointFormat.detect(keypoints) : KeypointFormat.parse(format);
        if (worldKeypoints != null && f != KeypointFormat.MEDIAPIPE)
            throw new IllegalArgumentException("--world-keypoints goes with MediaPipe landmark arrays only");
        if (worldKeypoints != null && !Files.isRegularFile(worldKeypoints))
            throw new KeypointFileException(KeypointFileException.Kind.UNREADABLE, worldKeypoints + ": no such file");
        ImportOptions options = new ImportOptions(ImportOptions.parseFps(fps), frameSize == null ? null : FrameSize.parse(frameSize), worldKeypoints);
        importFormat = f;
        return KeypointReader.of(f, options);
    }

    /** The format of --keypoints once known; null for a video. */
    private KeypointFormat importFormat;

    AnalysisRequest request() {
        List<PointSpec> points = trackPoints.stream().map(PointSpec::parse).toList();
        if (importFormat != null)
            return new AnalysisRequest(keypoints, "imported-" + importFormat.id(), Exercise.parse(exercise), subjectTrack, points, 1,
                    involvedSide(involvedSide), VideoLimits.DEFAULTS, scale(scaleLine, subjectHeightM));
        if (!(maxFps > 0)) throw new IllegalArgumentException("--max-fps must be a positive number of frames per second");
        return new AnalysisRequest(video, model, Exercise.parse(exercise), subjectTrack, points, threads == null ? 0 : threads,
                involvedSide(involvedSide), VideoLimits.DEFAULTS.withMaxFps(maxFps), scale(scaleLine, subjectHeightM));
    }

    /** --scale-line or --subject-height-m (not both), each checked; neither: no scale. */
    static ScaleSpec scale(String line, String heightM) {
        if (line != null && heightM != null)
            throw new IllegalArgumentException("give either --scale-line or --subject-height-m, not both");
        if (line != null) return ScaleSpec.parseLine(line);
        if (heightM == null) return new ScaleSpec.None();
        double metres;
        try {
            metres = Double.parseDouble(heightM.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--subject-height-m must be the subject's height in metres, e.g. 1.75; got '" + heightM + "'");
        }
        try {
            return new ScaleSpec.SubjectHeight(metres);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--subject-height-m: " + e.getMessage(), e);
        }
    }

    /** "left" or "right" (any case); absent: not known. */
    static Side involvedSide(String value) {
        if (value == null) return Side.NONE;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "left" -> Side.LEFT;
            case "right" -> Side.RIGHT;
            default -> throw new IllegalArgumentException("--involved-side must be left or right, got '" + value + "'");
        };
    }

    /** What a coach wants to see at once: frames, the exercise, each repetition and the session's key figures. */
    void report(AnalysisResult r, PrintStream err) {
        KinematicsSummary k = r.kinematics().summary();
        if (importFormat != null) err.println("keypoints: " + r.modelDescription());
        err.printf(Locale.ROOT, "pose-analytics analyze: %d frames, a pose in %d, %.1f frames/s; subject: %s%n",
                r.poses().frames(), r.poses().framesWithPose(), r.timings().framesPerS(),
                r.hasSubject() ? "track " + r.subject().choice().trackId() + " of " + r.tracks().trackIds() : "none");
        err.printf(Locale.ROOT, "scale: %s%s%n", r.scale().source().id(), r.scale().known()
                ? String.format(Locale.ROOT, ", %.5f m/px (%s)", r.scale().metresPerPx(), r.scale().method()) : " (distances in pixels)");
        reportPoints(r, err);
        err.printf(Locale.ROOT, "exercise: %s%s; repetitions: %d (counted on %s)%n", k.exercise().id(),
                k.exercise().guessed() ? " (guessed: " + k.exercise().reason() + ")" : "", k.repetitions().size(),
                k.exercise().signal().isEmpty() ? "-" : k.exercise().signal());
        for (KinematicsSummary.RepetitionEntry rep : k.repetitions()) {
            err.printf(Locale.ROOT, "  rep %d  %.2f-%.2f s  peak %.1f deg at %.2f s  ROM %.1f deg  down %.2f s  up %.2f s%s%n",
                    rep.index(), rep.startS(), rep.endS(), rep.peakDeg(), rep.peakS(), rep.romDeg(), rep.eccentricS(),
                    rep.concentricS(), rep.complete() ? "" : "  INCOMPLETE: " + rep.note());
        }
        err.printf(Locale.ROOT, "camera view: %s%n", r.kinematics().view().dominant().id());
        for (KinematicsSummary.HeadlineEntry h : k.headlines()) {
            String value = h.value() == null ? "—" : String.format(Locale.ROOT, "%.2f %s", h.value(), h.unit());
            err.printf(Locale.ROOT, "  %d. %-36s %14s  %s%s%n", h.rank(), h.label(), value, h.quality(), h.reason() == null ? "" : ": " + h.reason());
        }
        err.printf("  %d figures in all in summary.json%n", k.metrics().size());
        err.println("wrote " + out);
    }

    /** Per followed point and repetition: displacement and the concentric and eccentric velocities; then the set's loss. */
    static void reportPoints(AnalysisResult r, PrintStream err) {
        var metrics = r.kinematics().metrics();
        for (var p : r.points()) {
            String prefix = "point_" + p.pointId() + "_";
            err.printf(Locale.ROOT, "point %d: followed in %d of %d frames%n", p.pointId(), p.framesSeen(), p.points().size());
            java.util.SortedSet<Integer> reps = new java.util.TreeSet<>();
            metrics.stream().filter(m -> m.name().startsWith(prefix) && m.repetition() != null).forEach(m -> reps.add(m.repetition()));
            for (int rep : reps) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  rep %d", rep));
                for (String name : new String[]{"displacement", "mean_concentric_velocity", "peak_concentric_velocity", "mean_eccentric_velocity"}) {
                    metrics.stream().filter(m -> m.name().equals(prefix + name) && m.repetition() != null && m.repetition() == rep).findFirst()
                            .ifPresent(m -> line.append(String.format(Locale.ROOT, "  %s %s", name.replace('_', ' '),
                                    m.shownAsNumber() ? String.format(Locale.ROOT, "%.3f %s", m.value(), m.unit()) : "—")
                                    + (m.quality() != org.poseanalytics.kinematics.quality.Quality.VALID ? " (" + m.quality().id() + ": " + m.reason() + ")" : "")));
                }
                err.println(line);
            }
            metrics.stream().filter(m -> m.repetition() == null && m.name().startsWith(prefix)).forEach(m -> err.printf(Locale.ROOT,
                    "  %s: %s%n", m.name().substring(prefix.length()).replace('_', ' '),
                    m.shownAsNumber() ? String.format(Locale.ROOT, "%.3f %s", m.value(), m.unit()) : "—"));
        }
    }

    private static int fail(int code, String reason) {
        System.err.println("pose-analytics analyze: " + reason);
        return code;
    }
}
