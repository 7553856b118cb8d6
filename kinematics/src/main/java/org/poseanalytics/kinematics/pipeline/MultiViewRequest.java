package org.poseanalytics.kinematics.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.pose.video.VideoLimits;

/**
 * Several simultaneous videos of one movement and how to analyse them: the calibration (one camera per video, in the
 * same order) and the name it is shown under in messages, the videos and the names the user knows them by (null: the
 * file names; the web app stores uploads under names of its own), the pose model by name, the exercise (null: guess
 * it), how the clocks are lined up ({@code offsetsS}: one per video, the first 0, overriding {@code sync}; null when not
 * given), the subject's track id in the first video (null: its most present, central person), inference threads
 * (0: all cores) and the limits every video must keep to before it decodes.
 */
public record MultiViewRequest(Calibration calibration, String calibrationName, List<Path> videos, List<String> videoNames,
                               String model, Exercise exercise, MultiViewStage.Sync sync, double[] offsetsS,
                               Integer subjectTrackId, int threads, VideoLimits limits) {
    public MultiViewRequest {
        if (calibration == null) throw new IllegalArgumentException("no calibration given");
        if (calibrationName == null || calibrationName.isBlank()) calibrationName = "the calibration";
        videos = List.copyOf(videos);
        videoNames = videoNames == null ? videos.stream().map(v -> v.getFileName().toString()).toList() : List.copyOf(videoNames);
        if (videoNames.size() != videos.size()) throw new IllegalArgumentException("one name per video, got " + videoNames.size() + " for " + videos.size());
        if (model == null || model.isBlank()) model = PoseModels.DEFAULT;
        if (sync == null) sync = MultiViewStage.Sync.MOTION;
        offsetsS = offsetsS == null ? null : offsetsS.clone();
        if (threads <= 0) threads = Runtime.getRuntime().availableProcessors();
        if (limits == null) limits = VideoLimits.DEFAULTS;
    }

    /** The defaults: the default model, exercise guessed, clocks lined up by motion, all cores, default limits. */
    public static MultiViewRequest of(Calibration calibration, String calibrationName, List<Path> videos) {
        return new MultiViewRequest(calibration, calibrationName, videos, null, null, null, null, null, null, 0, null);
    }

    public MultiViewRequest withVideoNames(List<String> n) { return new MultiViewRequest(calibration, calibrationName, videos, n, model, exercise, sync, offsetsS, subjectTrackId, threads, limits); }

    public MultiViewRequest withModel(String m) { return new MultiViewRequest(calibration, calibrationName, videos, videoNames, m, exercise, sync, offsetsS, subjectTrackId, threads, limits); }

    public MultiViewRequest withExercise(Exercise e) { return new MultiViewRequest(calibration, calibrationName, videos, videoNames, model, e, sync, offsetsS, subjectTrackId, threads, limits); }

    public MultiViewRequest withSync(MultiViewStage.Sync s) { return new MultiViewRequest(calibration, calibrationName, videos, videoNames, model, exercise, s, offsetsS, subjectTrackId, threads, limits); }

    public MultiViewRequest withOffsets(double[] o) { return new MultiViewRequest(calibration, calibrationName, videos, videoNames, model, exercise, sync, o, subjectTrackId, threads, limits); }

    public MultiViewRequest withSubjectTrackId(Integer id) { return new MultiViewRequest(calibration, calibrationName, videos, videoNames, model, exercise, sync, offsetsS, id, threads, limits); }

    public MultiViewRequest withThreads(int n) { return new MultiViewRequest(calibration, calibrationName, videos, videoNames, model, exercise, sync, offsetsS, subjectTrackId, n, limits); }

    public MultiViewRequest withLimits(VideoLimits l) { return new MultiViewRequest(calibration, calibrationName, videos, videoNames, model, exercise, sync, offsetsS, subjectTrackId, threads, l); }
}
