package org.poseanalytics.kinematics.correction;

import java.util.List;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;

/**
 * The kinematics stage run again on a keypoint series with a clinician's corrections over it: angles, view, repetitions,
 * metrics and headlines as {@link KinematicsStage} computes them from the model's series, so a corrected analysis reads
 * like any other. The pose model does not run again.
 */
public final class Reanalysis {
    private Reanalysis() {}

    /** What was recomputed, and from which series. */
    public record Result(CorrectedSeries corrected, KinematicsResult kinematics) {}

    /**
     * @param input       the model's filtered series with the exercise, involved side, frame size and scale the analysis used
     * @param corrections the clinician's corrections (none: the model's own numbers again)
     */
    public static Result run(KinematicsInput input, List<KeypointCorrection> corrections) {
        CorrectedSeries corrected = CorrectedSeries.apply(input.filtered(), corrections);
        KinematicsResult k = new KinematicsStage().analyze(new KinematicsInput(corrected.series(), input.exercise(), input.involvedSide(),
                input.frameWidth(), input.frameHeight(), input.scale(), input.worldMeasured()));
        return new Result(corrected, k);
    }
}
