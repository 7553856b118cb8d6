package org.poseanalytics.cli.multiview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.export.AnglesCsv;
import org.poseanalytics.kinematics.export.MotWriter;
import org.poseanalytics.kinematics.export.TrcWriter;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisOutputs;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.MultiViewPipeline;
import org.poseanalytics.kinematics.pipeline.MultiViewRequest;
import org.poseanalytics.kinematics.pipeline.MultiViewResult;
import org.poseanalytics.multiview.Keypoints3dCsv;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.tracking.identity.Tracks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pose-analytics analyze3d --calibration FILE VIDEO... --out DIR}: {@link MultiViewPipeline} (poses per video,
 * {@link MultiViewStage}, the kinematics stage on the triangulated series, as the web app's multi-camera job runs it)
 * → keypoints_3d.csv, keypoints_3d.trc (metres), angles.csv and angles_3d.mot (3D angles only), summary.json.
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
        MultiViewStage.Sync syncMethod;
        Exercise ex;
        try {
            syncMethod = switch (sync.toLowerCase(Locale.ROOT)) {
                case "motion" -> MultiViewStage.Sync.MOTION;
                case "timestamps" -> MultiViewStage.Sync.TIMESTAMPS;
                default -> throw new IllegalArgumentException("--sync must be motion or timestamps, got " + sync);
            };
            ex = Exercise.parse(exercise);
        } catch (IllegalArgumentException e) {
            return fail(EXIT_BAD_OPTION, e.getMessage());
        }
        MultiViewResult r;
        try {
            Calibration cal = MultiViewPipeline.readCalibration(calibration);
            MultiViewRequest request = MultiViewRequest.of(cal, calibration.getFileName().toString(), videos)
                    .withModel(model).withExercise(ex).withSync(syncMethod).withOffsets(offsets).withSubjectTrackId(subjectTrack)
                    .withThreads(threads == null ? 0 : threads);
            r = new MultiViewPipeline().run(request, AnalysisProgress.NONE);
        } catch (AnalysisException e) {
            return fail(switch (e.kind()) {
                case UNREADABLE_VIDEO -> EXIT_UNREADABLE;
                case NO_PERSON -> EXIT_NOT_SEEN;
                case MODEL_UNAVAILABLE -> EXIT_NO_MODEL;
                case BAD_REQUEST -> EXIT_BAD_OPTION;
                case NO_OVERLAP -> EXIT_NO_OVERLAP;
                case CANCELLED, FAILED -> 1;
            }, e.getMessage());
        }
        write(r);
        if (!quiet) report(r);
        return 0;
    }

    private void write(MultiViewResult r) throws IOException {
        Files.createDirectories(out);
        MultiViewStage.Result views = r.views();
        AnalysisOutputs.atomically(out.resolve("keypoints_3d.csv"), w -> Keypoints3dCsv.write(w, views));
        AnalysisOutputs.atomically(out.resolve("keypoints_3d.trc"), w -> TrcWriter.write(views.filtered().series(), TrcWriter.Units.WORLD_M, 0, 0, "keypoints_3d.trc", w));
        AnalysisOutputs.atomically(out.resolve("angles.csv"), w -> AnglesCsv.write(r.angles3d(), w));
        AnalysisOutputs.atomically(out.resolve("angles_3d.mot"), w -> MotWriter.write(r.angles3d(), Dimension.WORLD_3D, "angles_3d", w));
        AnalysisOutputs.atomically(out.resolve("summary.json"), w -> JSON.writeValue(w, r.summary()));
    }

    private void report(MultiViewResult r) {
        for (int v = 0; v < r.tracks().size(); v++) {
            Tracks tracks = r.tracks().get(v);
            System.err.printf(Locale.ROOT, "%s: %d frames, people %s%n", r.videoNames().get(v), tracks.frames().size(), tracks.trackIds());
        }
        var stats = r.views().triangulated().errorStats();
        System.err.printf(Locale.ROOT, "synchronisation (%s): offsets", r.views().offsets().method());
        for (double o : r.views().offsets().offsetsS()) System.err.printf(Locale.ROOT, " %.3f", o);
        System.err.printf(Locale.ROOT, " s%ntriangulated %d points, reprojection error mean %.2f px, p95 %.2f px%n", stats.points(), stats.mean(), stats.p95());
        for (String w : r.warnings()) System.err.println("pose-analytics analyze3d: warning: " + w);
        var ks = r.kinematics().summary();
        System.err.printf(Locale.ROOT, "exercise: %s; repetitions: %d%n", ks.exercise().id(), ks.repetitions().size());
        System.err.println("wrote " + out);
    }

    private static int fail(int code, String reason) {
        System.err.println("pose-analytics analyze3d: " + reason);
        return code;
    }
}
