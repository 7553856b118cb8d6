package org.poseanalytics.web.analysis;

import java.nio.file.Path;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;

/**
 * Runs one analysis of a stored video file and returns the pipeline's result, which is stored as it is. The production implementation is
 * {@link PipelineAnalyzer} (the same AnalysisPipeline as {@code pose-analytics analyze}); the seam lets the job
 * runner be tested for crashes and concurrency without depending on what a model finds.
 */
public interface VideoAnalyzer {

    /**
     * @param model    pose model name as the CLI's --model takes it; null for this node's configured default
     * @param exercise exercise template id (squat, gait, ...); null to guess it from the movement
     * @param subjectTrackId the track to analyse as the subject; null for the default rule. An id the analysis does
     *                       not find is a permanent {@link AnalysisException.Kind#BAD_REQUEST}
     * @param involvedSide   the subject's involved side ("left"/"right"; anything else: none), which the limb symmetry
     *                       index is stated against
     */
    AnalysisResult analyze(Path video, String model, String exercise, Integer subjectTrackId, String involvedSide, AnalysisProgress progress)
            throws AnalysisException;
}
