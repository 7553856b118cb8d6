package org.poseanalytics.web.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.checkerboard.Board;
import org.poseanalytics.multiview.calibration.checkerboard.CheckerboardCalibrator;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoSource;
import org.poseanalytics.web.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a calibration from its checkerboard videos with the library's {@link CheckerboardCalibrator} (exactly
 * {@code pose-analytics calibrate}): the project's calibration JSON and each camera's reprojection error are stored,
 * and the videos, needed for nothing else, are erased whether it worked or not. A board not found often enough, or
 * never by two cameras at once, ends the job with that reason for the user (another try would not find it either).
 */
@Component
public class CalibrateCheckerboardHandler implements JobRequestHandler<CalibrateCheckerboard> {
    private static final Logger log = LoggerFactory.getLogger(CalibrateCheckerboardHandler.class);

    private final JdbcClient jdbc;
    private final Storage storage;
    private final VideoLimits limits;

    CalibrateCheckerboardHandler(JdbcClient jdbc, Storage storage, VideoLimits uploadLimits) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.limits = uploadLimits;
    }

    @Override
    @Job(name = "Calibrate cameras from checkerboard videos %0", retries = 2)
    public void run(CalibrateCheckerboard job) {
        long id = job.calibrationId();
        var found = CalibrationRows.work(jdbc, id);
        if (found.isEmpty() || found.get().videos().isEmpty()) {
            log.info("Calibration {}: deleted or already made before its job ran", id);
            return;
        }
        CalibrationRows.Work work = found.get();
        CalibrationRows.state(jdbc, id, "running", null);
        String failure = null;
        CheckerboardCalibrator.Result result = null;
        try {
            List<CheckerboardCalibrator.CameraVideo> cams = new ArrayList<>();
            for (int i = 0; i < work.videos().size(); i++) {
                String name = work.cameraNames().get(i);
                VideoSource source;
                try {
                    source = VideoSource.of(storage.video(work.videos().get(i)), limits);
                } catch (UnreadableVideoException e) {
                    failure = "The checkerboard video of " + name + " could not be read: " + e.getMessage() + ".";
                    break;
                }
                cams.add(new CheckerboardCalibrator.CameraVideo(name, source::gray));
            }
            if (failure == null) {
                Board board = new Board(work.columns(), work.rows(), work.squareM());
                result = new CheckerboardCalibrator(board, CheckerboardCalibrator.Settings.defaults()).calibrate(cams);
            }
        } catch (CheckerboardCalibrator.CalibrationFailedException | IllegalArgumentException e) {
            failure = sentence(e.getMessage()) + " Film the whole board, still and sharp, turned at several angles, with every camera at once;"
                    + " check the corner counts (inner corners, where four squares meet) and the square size.";
        }
        if (result == null) {
            CalibrationRows.failed(jdbc, id, failure);
            log.info("Calibration {}: failed: {}", id, failure);
        } else {
            double[] errors = result.cameras().stream().mapToDouble(CheckerboardCalibrator.CameraReport::reprojectionErrorPx).toArray();
            var made = new org.poseanalytics.multiview.calibration.Calibration(result.calibration().cameras(), result.calibration().up(), errors,
                    String.format(java.util.Locale.ROOT, "checkerboard %dx%d %.3f m", work.columns(), work.rows(), work.squareM()));
            CalibrationRows.succeeded(jdbc, id, CalibrationFiles.projectJson(made), errors);
            log.info("Calibration {}: made, reprojection errors {} px", id, java.util.Arrays.toString(errors));
        }
        for (UUID v : work.videos()) storage.delete(v);
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) return "The calibration failed.";
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
