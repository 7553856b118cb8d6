package org.poseanalytics.web.recording;

import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.checkerboard.CheckerboardCalibrator;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.video.DecodeFailure;
import org.poseanalytics.web.video.Decoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a calibration from its checkerboard videos with the library's {@link CheckerboardCalibrator} (exactly
 * {@code pose-analytics calibrate}), run by the {@link Decoder} in its separate, limited process like every other decoding of
 * an upload: the project's calibration JSON and each camera's reprojection error are stored,
 * and the videos, needed for nothing else, are erased whether it worked or not. A board not found often enough, or
 * never by two cameras at once, ends the job with that reason for the user (another try would not find it either).
 */
@Component
public class CalibrateCheckerboardHandler implements JobRequestHandler<CalibrateCheckerboard> {
    private static final Logger log = LoggerFactory.getLogger(CalibrateCheckerboardHandler.class);

    private final JdbcClient jdbc;
    private final Storage storage;
    private final VideoLimits limits;
    private final Decoder decoder;

    CalibrateCheckerboardHandler(JdbcClient jdbc, Storage storage, VideoLimits uploadLimits, Decoder decoder) {
        this.decoder = decoder;
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
        Decoder.Calibrated result;
        try {
            // Decoded, and the board searched for, in the decoder process (pose.decode.isolation), never in this JVM.
            result = decoder.calibrate(work.videos().stream().map(storage::video).toList(), work.cameraNames(), work.columns(),
                    work.rows(), work.squareM(), limits);
        } catch (DecodeFailure e) {
            if (e.kind() == DecodeFailure.Kind.CANCELLED) throw new IllegalStateException("calibration " + id + " interrupted", e);
            // Out of memory or time: the same files would fail again, so the job ends here with the reason.
            log.warn("Calibration {}: the decoder failed ({}): {}", id, e.kind(), e.getMessage());
            result = new Decoder.Calibrated(null, null, "The checkerboard videos could not be decoded within the limits: "
                    + e.getMessage() + ".");
        }
        if (result.failure() != null || result.calibrationJson() == null) {
            CalibrationRows.failed(jdbc, id, result.failure());
            log.info("Calibration {}: failed: {}", id, result.failure());
        } else {
            double[] errors = result.reprojectionErrorsPx();
            Calibration decoded = CalibrationFiles.readProjectJson(result.calibrationJson(), "the decoder's calibration");
            var made = new Calibration(decoded.cameras(), decoded.up(), errors,
                    String.format(java.util.Locale.ROOT, "checkerboard %dx%d %.3f m", work.columns(), work.rows(), work.squareM()));
            CalibrationRows.succeeded(jdbc, id, CalibrationFiles.projectJson(made), errors);
            log.info("Calibration {}: made, reprojection errors {} px", id, java.util.Arrays.toString(errors));
        }
        for (UUID v : work.videos()) storage.delete(v);
    }
}
