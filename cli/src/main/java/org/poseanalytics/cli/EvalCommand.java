package org.poseanalytics.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poseanalytics.pose.eval.CocoDataset;
import org.poseanalytics.pose.eval.CocoFormatException;
import org.poseanalytics.pose.eval.CocoJson;
import org.poseanalytics.pose.eval.KeypointAccuracy;
import org.poseanalytics.pose.eval.PoseEvaluation;
import org.poseanalytics.pose.hrnet.HrnetModelException;
import org.poseanalytics.pose.skeleton.Skeleton;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pose-analytics eval}: a pose model on COCO-annotated photos, scored by COCO AP, PCK@0.2 and per-joint error. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run a pose model on COCO-annotated photos: COCO keypoint AP, PCK@0.2 (bbox-normalised), per-joint error in px.")
public final class EvalCommand implements Callable<Integer> {
    static final double PCK_ALPHA = 0.2;

    @Spec CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "folder with the photos named in the annotations")
    Path images;

    @Option(names = "--annotations", required = true, paramLabel = "COCO.json", description = "COCO keypoint annotation file")
    Path annotations;

    @Option(names = "--model", defaultValue = "blazepose-full", paramLabel = "MODEL",
            description = "blazepose-full|blazepose-lite|blazepose-heavy|hrnet=PATH (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--boxes", defaultValue = "detector", paramLabel = "detector|gt",
            description = "where HRNet's person boxes come from: the registered detector, or the annotation's boxes (oracle)")
    EvalModels.Boxes boxes;

    @Option(names = "--flip", description = "HRNet flip test (average with the mirrored crop)")
    boolean flip;

    @Option(names = "--out", paramLabel = "FILE", description = "write the detections as a COCO results JSON file")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        try {
            if (!Files.isDirectory(images)) throw new CocoFormatException("images folder not found: " + images);
            CocoDataset gt = CocoJson.readDataset(annotations);
            EvalModels.Loaded loaded = EvalModels.load(model, boxes, flip, gt);
            PoseEvaluation.Report report;
            try (AutoCloseable ignored = loaded.resource()) {
                report = new PoseEvaluation(PCK_ALPHA).run(gt, images, loaded.source());
            }
            if (out != null) CocoJson.writeDetections(out, report.detections());
            print(o, loaded, report);
            return 0;
        } catch (CocoFormatException | HrnetModelException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("eval: " + e.getMessage());
            return 2;
        }
    }

    private void print(PrintWriter o, EvalModels.Loaded loaded, PoseEvaluation.Report r) {
        KeypointAccuracy a = r.accuracy();
        o.printf("model: %s%n", loaded.description());
        o.printf("person boxes: %s%n", loaded.boxes());
        o.printf(Locale.ROOT, "images: %d, people with labelled keypoints: %d (missed: %d), detections: %d, %.1f ms/image%n",
                r.images(), a.people(), a.missedPeople(), r.detections().size(), r.secondsPerImage() * 1000);
        if (out != null) o.printf("results: %s%n", out);
        o.println("COCO keypoint evaluation (pycocotools-equivalent):");
        o.print(r.coco().summary());
        o.printf(Locale.ROOT, "PCK@%.1f (bbox-normalised: error <= %.1f x max(w, h) of the ground-truth box; missed people count as wrong) = %.3f (%d of %d labelled keypoints)%n",
                PCK_ALPHA, PCK_ALPHA, a.pck(), a.correct(), a.labelled());
        o.printf(Locale.ROOT, "mean keypoint error (matched people) = %.2f px%n", a.overallMeanErrorPx());
        o.println("per-joint mean error (px, n):");
        for (int k = 0; k < 17; k++) {
            o.printf(Locale.ROOT, "  %-15s %8.2f  %3d%n", Skeleton.COCO_17.name(k), a.meanErrorPx()[k], a.errorCount()[k]);
        }
        o.flush();
    }
}
