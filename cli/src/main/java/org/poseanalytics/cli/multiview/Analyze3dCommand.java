package org.poseanalytics.cli.multiview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.export.AnglesCsv;
import org.poseanalytics.kinematics.export.MotWriter;
import org.poseanalytics.kinematics.export.TrcWriter;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.kinematics.pipeline.AnalysisOutputs;
import org.poseanalytics.multiview.Keypoints3dCsv;
import org.poseanalytics.multiview.MultiViewException;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.CalibrationFormatException;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.model.ModelNotFoundException;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.pose.pipeline.VideoPoseRunner;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.filter.FilterPreset;
import org.poseanalytics.tracking.identity.TrackerConfig;
import org.poseanalytics.tracking.identity.Tracks;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pose-analytics analyze3d --calibration FILE VIDEO... --out DIR}: poses per video (the same model and tracker
 * as {@code analyze}) → {@link MultiViewStage} (synchronise, associate, triangulate, filter in 3D) → the kinematics
 * stage on the triangulated series → keypoints_3d.csv, keypoints_3d.trc (metres), angles.csv and angles_3d.mot (3D
 * angles only), summary.json.
 */
@Command(name = "analyze3d", mixinStandardHelpOptions = true,
        description = "Triangulate one person from two or more calibrated, simultaneous videos and measure 3D joint angles.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:a video is not readable", "3:a camera never sees the person",
                "4:the pose model is not available", "5:invalid option value or calibration (including video and camera counts that differ)",
                "6:the videos do not overlap in time"})
public final class Analyze3dCommand implements Callable<Integer> {
    static final int EXIT_UNREADABLE = 2;
    static final int EXIT_NOT_SEEN = 3;
    static final int EXIT_NO_MODEL = 4;
    static final int EXIT_BAD_OPTION = 5;
    static final int EXIT_NO_OVERLAP = 6;

    private static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(names = "--calibration", required = true, paramLabel = "FILE",
            description = "calibration: .json (pose-analytics calibrate or OpenCV), .toml (Pose2Sim/Anipose), .qca.txt (Qualisys), .yml/.xml (OpenCV)")
    Path calibration;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "one video per calibrated camera, in the calibration's camera order")
    List<Path> videos = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created when missing)")
    Path out;

    @Option(names = "--exercise", paramLabel = "NAME", description = "squat, lunge, sit-to-stand, ... (default: guessed)")
    String exercise;

    @Option(names = "--sync", paramLabel = "METHOD", defaultValue = "motion",
            description = "motion (default: cross-correlate the keypoints' vertical speed) or timestamps (the cameras started together)")
    String sync;

    @Option(names = "--offsets", paramLabel = "S,S,...", split = ",",
            description = "the clock offset of each video in seconds, the first 0: a moment t of video v is t + offset on video 1's clock (overrides --sync)")
    double[] offsets;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "blazepose-full", description = "pose model, as for analyze")
    String model;

    @Option(names = "--subject-track", paramLabel = "ID", description = "the subject's track id in the first video (default: its most present, central person)")
    Integer subjectTrack;

    @Option(names = "--threads", paramLabel = "N", description = "inference threads (default: all cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no report")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Calibration cal;
        MultiViewStage.Sync syncMethod;
        Exercise ex;
        try {
            syncMethod = switch (sync.toLowerCase(Locale.ROOT)) {
                case "motion" -> MultiViewStage.Sync.MOTION;
                case "timestamps" -> MultiViewStage.Sync.TIMESTAMPS;
                default -> throw new IllegalArgumentException("--sync must be motion or timestamps, got " + sync);
            };
            ex = Exercise.parse(exercise);
            cal = CalibrationFiles.read(calibration);
        } catch (IllegalArgumentException | CalibrationFormatException e) {
            return fail(EXIT_BAD_OPTION, e.getMessage());
        }
        // Before any pose model runs: the counts must agree and every video must exist.
        if (videos.size() != cal.size()) {
            return fail(EXIT_BAD_OPTION, videos.size() + " video" + (videos.size() == 1 ? "" : "s") + " given but " + calibration.getFileName()
                    + " has " + cal.size() + " camera" + (cal.size() == 1 ? "" : "s") + ": give one video per camera, in the calibration's order");
        }
        if (offsets != null && offsets.length != videos.size())
            return fail(EXIT_BAD_OPTION, "--offsets needs one value per video (" + videos.size() + "), got " + offsets.length);
        for (Path v : videos) if (!Files.isRegularFile(v)) return fail(EXIT_UNREADABLE, v + ": no such file");

        List<MultiViewStage.View> views = new ArrayList<>();
        for (Path v : videos) {
            TrackingStage tracking = new TrackingStage(TrackerConfig.defaults());
            try (PoseEstimator estimator = PoseModels.open(model, threads == null ? 0 : threads)) {
                VideoPoseRunner.run(v, estimator, tracking::accept, p -> { });
            } catch (UnreadableVideoException e) {
                return fail(EXIT_UNREADABLE, v.getFileName() + ": " + e.getMessage());
            } catch (ModelNotFoundException e) {
                return fail(EXIT_NO_MODEL, e.getMessage());
            } catch (IllegalArgumentException e) {
                return fail(EXIT_BAD_OPTION, e.getMessage());
            }
            Tracks tracks = tracking.finish();
            if (!quiet) System.err.printf(Locale.ROOT, "%s: %d frames, people %s%n", v.getFileName(), tracks.frames().size(), tracks.trackIds());
            views.add(MultiViewStage.View.of(v.getFileName().toString(), tracks));
        }
        String exerciseId = ex == null ? "" : ex.id();
        MultiViewStage.Request request = MultiViewStage.Request.of(cal, views, FilterPreset.forExercise(exerciseId).config())
                .withSync(syncMethod).withOffsets(offsets).withSubject(subjectTrack);
        MultiViewStage.Result r;
        try {
            r = MultiViewStage.run(request);
        } catch (MultiViewException e) {
            return fail(switch (e.kind()) {
                case NOT_SEEN -> EXIT_NOT_SEEN;
                case NO_OVERLAP -> EXIT_NO_OVERLAP;
                case COUNT_MISMATCH, BAD_REQUEST -> EXIT_BAD_OPTION;
            }, e.getMessage());
        }
        KinematicsResult k;
        try {
            k = new KinematicsStage().analyze(r.filtered().series(), ex);
        } catch (IllegalArgumentException e) {
            return fail(EXIT_NOT_SEEN, "too little of the subject was triangulated to measure angles: " + e.getMessage());
        }
        write(r, k);
        if (!quiet) report(r, k);
        return 0;
    }

    private void write(MultiViewStage.Result r, KinematicsResult k) throws IOException {
        Files.createDirectories(out);
        // Only the triangulated angles: the series' image coordinates are a reprojection into the first camera, whose
        // 2D angles would repeat a single view's errors.
        AngleTable all = k.angles();
        AngleTable angles3d = new AngleTable(all.frames(), all.timesS(),
                all.series().stream().filter(s -> s.dimension() == Dimension.WORLD_3D).toList(), all.viewSigns());
        Map<String, Measure> metrics = new LinkedHashMap<>();
        k.summary().metrics().forEach((key, m) -> { if (key.contains("_3d")) metrics.put(key, m); });
        List<String> names = videos.stream().map(v -> v.getFileName().toString()).toList();
        AnalysisOutputs.atomically(out.resolve("keypoints_3d.csv"), w -> Keypoints3dCsv.write(w, r));
        AnalysisOutputs.atomically(out.resolve("keypoints_3d.trc"), w -> TrcWriter.write(r.filtered().series(), TrcWriter.Units.WORLD_M, 0, 0, "keypoints_3d.trc", w));
        AnalysisOutputs.atomically(out.resolve("angles.csv"), w -> AnglesCsv.write(angles3d, w));
        AnalysisOutputs.atomically(out.resolve("angles_3d.mot"), w -> MotWriter.write(angles3d, Dimension.WORLD_3D, "angles_3d", w));
        AnalysisOutputs.atomically(out.resolve("summary.json"), w -> JSON.writeValue(w, Summary3d.of(names, r, k, metrics, r.warnings())));
    }

    private void report(MultiViewStage.Result r, KinematicsResult k) {
        var stats = r.triangulated().errorStats();
        System.err.printf(Locale.ROOT, "synchronisation (%s): offsets", r.offsets().method());
        for (double o : r.offsets().offsetsS()) System.err.printf(Locale.ROOT, " %.3f", o);
        System.err.printf(Locale.ROOT, " s%ntriangulated %d points, reprojection error mean %.2f px, p95 %.2f px%n", stats.points(), stats.mean(), stats.p95());
        for (String w : r.warnings()) System.err.println("pose-analytics analyze3d: warning: " + w);
        var ks = k.summary();
        System.err.printf(Locale.ROOT, "exercise: %s; repetitions: %d%n", ks.exercise().id(), ks.repetitions().size());
        System.err.println("wrote " + out);
    }


    private static int fail(int code, String reason) {
        System.err.println("pose-analytics analyze3d: " + reason);
        return code;
    }
}
