package org.poseanalytics.web.analysis;

import java.nio.file.Path;
import java.util.List;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The web job's analysis: exactly the pipeline of {@code pose-analytics analyze}. The job names its model, which
 * {@link PoseModelChoices} turns into what the pipeline opens (a configured HRNet name into its weights file); none
 * means this node's {@code pose.model}. Inference threads per job are
 * {@code pose.jobs.threads-per-job} (0 = the machine's cores divided among the node's job workers).
 */
@Component
class PipelineAnalyzer implements VideoAnalyzer {
    private final PoseModelChoices models;
    private final int threads;

    PipelineAnalyzer(PoseModelChoices models,
                     @Value("${pose.jobs.threads-per-job:0}") int threadsPerJob,
                     @Value("${jobrunr.background-job-server.worker-count:1}") int workers) {
        this.models = models;
        this.threads = threadsPerJob > 0 ? threadsPerJob
                : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    }

    @Override
    public AnalysisResult analyze(Path video, String model, String exercise, Integer subjectTrackId, String involvedSide,
                                   AnalysisProgress progress)
            throws AnalysisException {
        Exercise template;
        try {
            template = exercise == null ? null : Exercise.parse(exercise);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(AnalysisException.Kind.BAD_REQUEST, e.getMessage(), e);
        }
        // "both" and "none" have no uninvolved side to compare with: symmetry is then stated left against right.
        Side involved = "left".equals(involvedSide) ? Side.LEFT : "right".equals(involvedSide) ? Side.RIGHT : Side.NONE;
        AnalysisRequest request = new AnalysisRequest(video, models.forPipeline(model), template, subjectTrackId, List.of(), threads)
                .withInvolvedSide(involved);
        return new AnalysisPipeline().run(request, progress);
    }
}
