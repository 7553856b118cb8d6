package org.poseanalytics.web.recording;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr job: make calibration {@code calibrationId} from its checkerboard videos. */
public record CalibrateCheckerboard(long calibrationId) implements JobRequest {
    @Override
    public Class<CalibrateCheckerboardHandler> getJobRequestHandler() { return CalibrateCheckerboardHandler.class; }
}
