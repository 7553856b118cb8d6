package org.poseanalytics.web.analysis;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr job: analyse what analysis_job row {@code jobId} asks for (the row holds video, model, template and subject track). */
public record AnalyseVideo(UUID jobId) implements JobRequest {
    @Override
    public Class<AnalyseVideoHandler> getJobRequestHandler() { return AnalyseVideoHandler.class; }
}
