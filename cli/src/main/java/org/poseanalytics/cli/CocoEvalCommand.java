package org.poseanalytics.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.poseanalytics.pose.eval.CocoDataset;
import org.poseanalytics.pose.eval.CocoDetection;
import org.poseanalytics.pose.eval.CocoFormatException;
import org.poseanalytics.pose.eval.CocoJson;
import org.poseanalytics.pose.eval.CocoKeypointEvaluator;
import org.poseanalytics.pose.eval.CocoKeypointStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code pose-analytics coco-eval}: the ten COCO keypoint stats of a results file, as pycocotools prints them. */
@Command(name = "coco-eval", mixinStandardHelpOptions = true,
        description = "COCO keypoint evaluation (same numbers as pycocotools' COCOeval, iouType 'keypoints').")
public final class CocoEvalCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT.json", description = "COCO keypoint annotation file")
    Path gt;

    @Option(names = "--dt", required = true, paramLabel = "DT.json", description = "COCO keypoint results file")
    Path dt;

    @Option(names = "--json", description = "print the stats as a JSON object at full precision")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            CocoDataset dataset = CocoJson.readDataset(gt);
            List<CocoDetection> detections = CocoJson.readDetections(dt);
            CocoKeypointStats stats = new CocoKeypointEvaluator().evaluate(dataset, detections);
            out.print(json ? toJson(stats) + System.lineSeparator() : stats.summary());
            out.flush();
            return 0;
        } catch (CocoFormatException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("coco-eval: " + e.getMessage());
            return 2;
        }
    }

    static String toJson(CocoKeypointStats stats) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) named.put(CocoKeypointStats.names().get(i), stats.values().get(i));
        return JsonMapper.builder().build().writeValueAsString(named);
    }
}
