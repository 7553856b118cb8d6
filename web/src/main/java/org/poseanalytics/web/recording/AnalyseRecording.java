package org.poseanalytics.web.recording;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr job: triangulate multi-camera recording {@code recordingId} (the row holds videos and calibration). */
public record AnalyseRecording(long recordingId) implements JobRequest {
    @Override
    public Class<AnalyseRecordingHandler> getJobRequestHandler() { return AnalyseRecordingHandler.class; }
}
