package org.poseanalytics.kinematics.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.kinematics.pipeline.AnalysisException.Kind;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress.Stage;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.multiview.MultiViewException;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.CalibrationFormatException;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.filter.FilterPreset;
import org.poseanalytics.tracking.identity.TrackerConfig;
import org.poseanalytics.tracking.identity.Tracks;

/**
 * The data path from several calibrated, simultaneous videos to 3D joint angles, shared by
 * {@code pose-analytics analyze3d} and the web app's multi-camera job so both give the same numbers:
 * {@link #check} (before any model loads) → poses and tracking per video (the same model and tracker as
 * {@link AnalysisPipeline}) → {@link MultiViewStage} (synchronise, associate, triangulate, filter in 3D) → the
 * kinematics stage on the triangulated series → the triangulated angles and 3D metrics ({@link MultiViewResult}).
 */
public final class MultiViewPipeline {
    /** Share of the progress bar the pose model takes, spread evenly over the videos. */
    private static final double POSES_SHARE = 0.9;

    /** A calibration file in any format {@link CalibrationFiles} reads; a file it cannot read is a bad request. */
    public static Calibration readCalibration(Path file) throws AnalysisException {
        try {
            return CalibrationFiles.read(file);
        } catch (CalibrationFormatException | IllegalArgumentException e) {
            throw new AnalysisException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
    }

    /** What can be told wrong before any model runs: counts that differ, offsets that do not fit, missing files. */
    public static void check(MultiViewRequest r) throws AnalysisException {
        int n = r.videos().size(), cams = r.calibration().size();
        if (n != cams) {
            throw new AnalysisException(Kind.BAD_REQUEST, n + " video" + (n == 1 ? "" : "s") + " given but " + r.calibrationName()
                    + " has " + cams + " camera" + (cams == 1 ? "" : "s") + ": give one video per camera, in the calibration's order");
        }
        if (r.offsetsS() != null && r.offsetsS().length != n)
            throw new AnalysisException(Kind.BAD_REQUEST, "--offsets needs one value per video (" + n + "), got " + r.offsetsS().length);
        for (int v = 0; v < n; v++) {
            if (!Files.isRegularFile(r.videos().get(v)))
                throw new AnalysisException(Kind.UNREADABLE_VIDEO, r.videos().get(v) + ": no such file");
        }
    }

    private final PoseSource poseSource;

    /** Poses estimated from each video in this process. */
    public MultiViewPipeline() { this(new VideoPoses()); }

    /** Poses from the given source: the web app's separate decoding process, so no camera's file is parsed in the server. */
    public MultiViewPipeline(PoseSource poseSource) { this.poseSource = poseSource; }

    public MultiViewResult run(MultiViewRequest r, AnalysisProgress progress) throws AnalysisException {
        check(r);
        int n = r.videos().size();
        List<Tracks> allTracks = new ArrayList<>();
        List<MultiViewStage.View> views = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            Tracks tracks = poses(r, v, progress);
            allTracks.add(tracks);
            views.add(MultiViewStage.View.of(r.videoNames().get(v), tracks));
        }
        return measure(r, allTracks, views, progress);
    }

    /**
     * The steps after the poses: synchronise, associate, triangulate and filter in 3D ({@link MultiViewStage}), then the
     * kinematics of the triangulated series. Public for callers that have the views' people already (tests on
     * synthetic scenes); {@code tracks} may then be empty.
     */
    public MultiViewResult measure(MultiViewRequest r, List<Tracks> allTracks, List<MultiViewStage.View> views, AnalysisProgress progress)
            throws AnalysisException {
        progress.update(Stage.TRIANGULATION, POSES_SHARE, 0, 0);
        String exerciseId = r.exercise() == null ? "" : r.exercise().id();
        MultiViewStage.Request request = MultiViewStage.Request.of(r.calibration(), views, FilterPreset.forExercise(exerciseId).config())
                .withSync(r.sync()).withOffsets(r.offsetsS()).withSubject(r.subjectTrackId());
        MultiViewStage.Result triangulated;
        try {
            triangulated = MultiViewStage.run(request);
        } catch (MultiViewException e) {
            throw new AnalysisException(switch (e.kind()) {
                case NOT_SEEN -> Kind.NO_PERSON;
                case NO_OVERLAP -> Kind.NO_OVERLAP;
                case COUNT_MISMATCH, BAD_REQUEST -> Kind.BAD_REQUEST;
            }, e.getMessage(), e);
        }

        progress.update(Stage.KINEMATICS, POSES_SHARE + 0.05, 0, 0);
        KinematicsResult k;
        try {
            // Triangulated points are measured in 3D: a limb pointing at one of the cameras is seen by the others.
            k = new KinematicsStage().analyze(new KinematicsInput(FilteredSeries.asIs(triangulated.filtered().series(), Double.NaN),
                    r.exercise(), Side.NONE, 0, 0, Scale.none(), true));
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(Kind.NO_PERSON, "too little of the subject was triangulated to measure angles: " + e.getMessage(), e);
        }
        AngleTable all = k.angles();
        AngleTable angles3d = new AngleTable(all.frames(), all.timesS(),
                all.series().stream().filter(s -> s.dimension() == Dimension.WORLD_3D).toList(), all.viewSigns());
        Map<String, Measure> metrics3d = new LinkedHashMap<>();
        k.summary().metrics().forEach((key, m) -> { if (key.contains("_3d")) metrics3d.put(key, m); });
        MultiViewSummary summary = MultiViewSummary.of(r.videoNames(), triangulated, k, metrics3d, triangulated.warnings());
        progress.update(Stage.DONE, 1.0, 0, 0);
        return new MultiViewResult(r.model(), r.videoNames(), allTracks, triangulated, k, angles3d, summary);
    }

    /** One video's poses streamed into its own tracker (memory stays flat); progress is of all videos together. */
    private Tracks poses(MultiViewRequest r, int v, AnalysisProgress progress) throws AnalysisException {
        Path file = r.videos().get(v);
        int n = r.videos().size();
        TrackingStage tracking = new TrackingStage(TrackerConfig.defaults());
        AnalysisRequest one = AnalysisRequest.of(file).withModel(r.model()).withThreads(r.threads()).withLimits(r.limits());
        // The source reports its fraction of one video's analysis; here it is one video's share of the pose stage.
        AnalysisProgress ofAll = new AnalysisProgress() {
            @Override public void update(Stage stage, double fraction, long done, long total) {
                double ofVideo = Math.min(1, fraction / AnalysisPipeline.POSES_SHARE);
                progress.update(Stage.POSES, (v + ofVideo) / n * POSES_SHARE, done, total);
            }
            @Override public boolean isCancelled() { return progress.isCancelled(); }
        };
        try {
            poseSource.poses(one, (FramePoses frame) -> {
                if (progress.isCancelled()) throw new Cancelled();
                tracking.accept(frame);
            }, ofAll);
        } catch (Cancelled e) {
            throw new AnalysisException(Kind.CANCELLED, "the analysis was cancelled");
        } catch (AnalysisException e) {
            // The source names the file it read; the user knows the camera's video by the name they gave it.
            String message = e.getMessage() == null ? null : e.getMessage().replace(file.getFileName().toString(), r.videoNames().get(v));
            throw new AnalysisException(e.kind(), message, e);
        }
        return tracking.finish();
    }

    /** Thrown from the frame callback to unwind the decoder and the model cleanly. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() { super(null, null, false, false); }
    }
}
