package org.poseanalytics.cli;

import java.nio.file.Path;
import java.util.List;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.eval.CocoDataset;
import org.poseanalytics.pose.eval.CocoImage;
import org.poseanalytics.pose.eval.CocoJson;
import org.poseanalytics.pose.eval.GroundTruthPoses;
import org.poseanalytics.pose.eval.PoseEstimatorProvider;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * Test-only model "test-gt=ANNOTATIONS,DX" registered through ServiceLoader, as BlazePose will be: it reports
 * the annotated people (as BlazePose-33 skeletons) shifted DX px right, recognising each photo by its size.
 */
public final class GroundTruthEstimatorProvider implements PoseEstimatorProvider {
    @Override
    public boolean supports(String model) { return model.startsWith("test-gt="); }

    @Override
    public PoseEstimator create(String model) {
        String[] parts = model.substring("test-gt=".length()).split(",");
        CocoDataset gt = CocoJson.readDataset(Path.of(parts[0]));
        GroundTruthPoses poses = new GroundTruthPoses(gt, Double.parseDouble(parts[1]), 0, Skeleton.BLAZEPOSE_33);
        return new PoseEstimator() {
            @Override
            public List<PersonPose> estimateImage(RgbImage image) {
                CocoImage meta = gt.images().stream()
                        .filter(i -> i.width() == image.width() && i.height() == image.height()).findFirst().orElseThrow();
                return poses.posesOf(meta.id());
            }

            @Override
            public String modelDescription() { return "ground truth shifted " + parts[1] + " px"; }

            @Override
            public void close() {}
        };
    }
}
