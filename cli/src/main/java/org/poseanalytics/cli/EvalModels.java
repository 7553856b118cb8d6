package org.poseanalytics.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.eval.CocoAnnotation;
import org.poseanalytics.pose.eval.CocoDataset;
import org.poseanalytics.pose.eval.ImagePoseSource;
import org.poseanalytics.pose.eval.PoseEstimatorProvider;
import org.poseanalytics.pose.hrnet.HrnetConfig;
import org.poseanalytics.pose.hrnet.HrnetModel;
import org.poseanalytics.pose.hrnet.PersonDetector;

/**
 * Turns a {@code --model} value into something that gives each photo's people: {@code hrnet=PATH} is built
 * here (boxes from a registered {@link PersonDetector}, or the ground truth's when asked); any other name is
 * looked up among the {@link PoseEstimatorProvider}s on the classpath (BlazePose, once connected).
 */
final class EvalModels {

    /** A ready model, what to call it in reports, and how to release it. */
    record Loaded(ImagePoseSource source, String description, String boxes, AutoCloseable resource) {}

    enum Boxes { detector, gt }

    private EvalModels() {}

    static Loaded load(String model, Boxes boxes, boolean flipTest, CocoDataset gt) {
        if (model.startsWith("hrnet=")) return hrnet(Path.of(model.substring("hrnet=".length())), boxes, flipTest, gt);
        for (PoseEstimatorProvider provider : ServiceLoader.load(PoseEstimatorProvider.class)) {
            if (provider.supports(model)) {
                PoseEstimator estimator = provider.create(model);
                return new Loaded(ImagePoseSource.of(estimator), estimator.modelDescription(), "the model's own detector", estimator);
            }
        }
        throw new IllegalArgumentException("model '" + model + "' is not available in this build; use hrnet=PATH "
                + "(TorchScript .pt or ONNX .onnx) or a registered model such as blazepose-full");
    }

    private static Loaded hrnet(Path weights, Boxes boxes, boolean flipTest, CocoDataset gt) {
        HrnetModel model = HrnetModel.load(weights, HrnetConfig.coco256x192().withFlipTest(flipTest));
        if (boxes == Boxes.gt) {
            ImagePoseSource source = (meta, image) -> model.estimate(image, groundTruthBoxes(gt.annotationsOf(meta.id())));
            return new Loaded(source, model.description(), "GROUND-TRUTH boxes (oracle: no detector involved)", model);
        }
        PersonDetector detector = ServiceLoader.load(PersonDetector.class).findFirst().orElseThrow(() -> {
            model.close();
            return new IllegalArgumentException("HRNet needs person boxes and no person detector is registered in this "
                    + "build yet; run with --boxes gt to use the annotation's boxes (reported as an oracle setting)");
        });
        return new Loaded((meta, image) -> {
            List<BoundingBox> found = detector.detect(image);
            return found.isEmpty() ? List.of() : model.estimate(image, found);
        }, model.description(), "detector " + detector.getClass().getSimpleName(), model);
    }

    /** Every person box of the photo except crowd regions, as MMPose's "GT bbox" evaluation. */
    static List<BoundingBox> groundTruthBoxes(List<CocoAnnotation> annotations) {
        return annotations.stream().filter(a -> !a.iscrowd())
                .map(a -> new BoundingBox(a.bbox()[0], a.bbox()[1], a.bbox()[2], a.bbox()[3])).toList();
    }
}
