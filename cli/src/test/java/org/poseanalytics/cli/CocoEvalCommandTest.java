package org.poseanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.testing.Fixtures;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CocoEvalCommandTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = PoseAnalytics.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The fixture's people with labelled keypoints as detections; the first one moved 30 px right. */
    private Path detectionsFromFixture(boolean moveFirst) throws Exception {
        JsonNode gt = JsonMapper.builder().build().readTree(Fixtures.cocoAnnotations());
        StringBuilder json = new StringBuilder("[");
        boolean first = true;
        for (JsonNode a : gt.get("annotations")) {
            if (a.get("num_keypoints").asInt() == 0) continue;
            StringBuilder kps = new StringBuilder();
            for (int i = 0; i < a.get("keypoints").size(); i++) {
                double v = a.get("keypoints").get(i).asDouble();
                if (moveFirst && first && i % 3 == 0) v += 30;
                kps.append(i == 0 ? "" : ",").append(v);
            }
            json.append(first ? "" : ",").append("{\"image_id\":").append(a.get("image_id").asLong())
                    .append(",\"category_id\":1,\"keypoints\":[").append(kps).append("],\"score\":1.0}");
            first = false;
        }
        Path file = dir.resolve("dt.json");
        Files.writeString(file, json.append("]").toString());
        return file;
    }

    @Test
    void printsTheTenStatsInPycocotoolsLayout() throws Exception {
        Run r = run("coco-eval", "--gt", Fixtures.cocoAnnotations().toString(), "--dt", detectionsFromFixture(false).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).isEqualTo(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets= 20 ] = 1.000");
        assertThat(lines[9]).isEqualTo(" Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets= 20 ] = 1.000");
    }

    @Test
    void jsonGivesFullPrecisionAndDropsWhenAPersonIsMissed() throws Exception {
        Run r = run("coco-eval", "--gt", Fixtures.cocoAnnotations().toString(), "--dt", detectionsFromFixture(true).toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode stats = JsonMapper.builder().build().readTree(r.out());
        assertThat(stats.propertyNames()).containsExactly("AP", "AP50", "AP75", "APm", "APl", "AR", "AR50", "AR75", "ARm", "ARl");
        assertThat(stats.get("AP").asDouble()).isLessThan(1).isGreaterThan(0.5);
        assertThat(stats.get("AR").asDouble()).isLessThan(1);
    }

    @Test
    void missingAndMalformedFilesGetOneLineReasons() throws Exception {
        Run missing = run("coco-eval", "--gt", dir.resolve("nope.json").toString(), "--dt", dir.resolve("dt.json").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("nope.json").contains("no such file");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"images\": [");
        Run malformed = run("coco-eval", "--gt", broken.toString(), "--dt", broken.toString());
        assertThat(malformed.exit()).isNotZero();
        assertThat(malformed.err()).contains("malformed JSON");

        Path notResults = dir.resolve("obj.json");
        Files.writeString(notResults, "{}");
        Run wrongShape = run("coco-eval", "--gt", Fixtures.cocoAnnotations().toString(), "--dt", notResults.toString());
        assertThat(wrongShape.exit()).isNotZero();
        assertThat(wrongShape.err()).contains("results file is a JSON list");
    }
}
