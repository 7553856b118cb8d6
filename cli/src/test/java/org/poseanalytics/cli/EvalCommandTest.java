package org.poseanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.eval.CocoDetection;
import org.poseanalytics.pose.eval.CocoJson;
import org.poseanalytics.pose.hrnet.TestHrnetModels;
import org.poseanalytics.pose.testing.Fixtures;

class EvalCommandTest {
    @TempDir Path dir;

    private CocoEvalCommandTest.Run eval(String model, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--images", Fixtures.cocoDir().toString(),
                "--annotations", Fixtures.cocoAnnotations().toString(), "--model", model));
        args.addAll(List.of(extra));
        return CocoEvalCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void perfectModelThroughTheProviderLookup() throws Exception {
        Path out = dir.resolve("results.json");
        CocoEvalCommandTest.Run r = eval("test-gt=" + Fixtures.cocoAnnotations() + ",0", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("model: ground truth shifted 0 px")
                .contains(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets= 20 ] = 1.000")
                .contains("PCK@0.2 (bbox-normalised").contains("= 1.000 (181 of 181 labelled keypoints)")
                .contains("mean keypoint error (matched people) = 0.00 px");
        List<CocoDetection> written = CocoJson.readDetections(out);
        assertThat(written).hasSize(12);
        // The written results file gives the same AP through coco-eval.
        CocoEvalCommandTest.Run again = CocoEvalCommandTest.run("coco-eval", "--gt", Fixtures.cocoAnnotations().toString(), "--dt", out.toString());
        assertThat(again.out()).startsWith(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets= 20 ] = 1.000");
    }

    @Test
    void shiftedModelShowsItsErrorPerJoint() {
        CocoEvalCommandTest.Run r = eval("test-gt=" + Fixtures.cocoAnnotations() + ",7");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("mean keypoint error (matched people) = 7.00 px").contains("  left_ankle          7.00");
        String apLine = r.out().lines().filter(l -> l.startsWith(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all")).findFirst().orElseThrow();
        assertThat(apLine).doesNotEndWith("= 1.000");
    }

    @Test
    void hrnetWeightsRunOnBothDjlEnginesWithDetectorOrGroundTruthBoxes() throws Exception {
        // The blob test model has no trained weights: this checks the path (boxes, engine, results file), not accuracy.
        int people = (int) CocoJson.readDataset(Fixtures.cocoAnnotations()).annotations().stream().filter(a -> !a.iscrowd()).count();
        for (Path weights : List.of(TestHrnetModels.blobModel(dir), TestHrnetModels.blobTorchScript(dir))) {
            boolean pt = weights.toString().endsWith(".pt");
            for (String boxes : List.of("gt", "detector")) {
                Path out = dir.resolve(weights.getFileName() + "." + boxes + ".json");
                CocoEvalCommandTest.Run r = eval("hrnet=" + weights, "--boxes", boxes, "--out", out.toString());
                assertThat(r.exit()).as(r.err()).isZero();
                assertThat(r.out()).contains(weights.getFileName().toString()).contains(pt ? "PyTorch" : "OnnxRuntime")
                        .contains(boxes.equals("gt") ? "GROUND-TRUTH boxes" : "detector BlazePosePersonDetector")
                        .contains(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets= 20 ]")
                        .contains("PCK@0.2");
                // Oracle boxes: one pose per annotated person; the detector finds some of them (BlazePose's finds
                // about one person per photo). Either way a COCO results file that coco-eval reads back.
                List<CocoDetection> written = CocoJson.readDetections(out);
                if (boxes.equals("gt")) assertThat(written).hasSize(people);
                else assertThat(written).isNotEmpty().hasSizeLessThanOrEqualTo(people + 4);
            }
        }
    }

    @Test
    void unknownModelsAndBadWeightsAreOneLineErrors() throws Exception {
        CocoEvalCommandTest.Run unknown = eval("blazepose-mega");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("blazepose-mega").contains("not available");

        CocoEvalCommandTest.Run wrongExt = eval("hrnet=" + dir.resolve("w.tflite"));
        assertThat(wrongExt.exit()).isEqualTo(2);
        assertThat(wrongExt.err()).contains(".pt").contains(".onnx");

        CocoEvalCommandTest.Run missing = eval("hrnet=" + dir.resolve("w.onnx"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("not found");

        CocoEvalCommandTest.Run noImages = CocoEvalCommandTest.run("eval", "--images", dir.resolve("none").toString(),
                "--annotations", Fixtures.cocoAnnotations().toString());
        assertThat(noImages.err()).contains("images folder not found");
    }
}
