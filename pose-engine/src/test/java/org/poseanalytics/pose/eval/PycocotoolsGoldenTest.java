package org.poseanalytics.pose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.poseanalytics.pose.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our evaluator against real pycocotools: every case under {@code coco-golden/} (made from seeds by
 * scripts/coco_golden_cases.py: several images, many people, crowd regions, unlabelled people, images without
 * people, score ties, more than 20 detections per image, small/medium/large areas, missed people, ground-truth id
 * 0, a foreign category, no person at all) holds pycocotools' ten stats; ours must equal each within 1e-4. The largest difference
 * seen is printed, so a drift shows before it fails.
 */
class PycocotoolsGoldenTest {
    private static final double TOLERANCE = 1e-4;
    private static double maxDifference;
    private static String worst = "none";
    private static int casesRun;

    static List<Path> cases() throws Exception {
        URL root = PycocotoolsGoldenTest.class.getResource("/coco-golden");
        assertThat(root).as("test resources coco-golden/ (made by scripts/coco_golden_cases.py)").isNotNull();
        try (Stream<Path> dirs = Files.list(Path.of(root.toURI()))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStatEqualsPycocotools() throws Exception {
        List<Path> cases = cases();
        // The generator writes 3 cases for each of its 17 kinds: fewer means files went missing.
        assertThat(cases).hasSizeGreaterThanOrEqualTo(51);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws Exception {
        JsonNode expected = JsonMapper.builder().build().readTree(dir.resolve("expected.json").toFile()).get("stats");
        CocoKeypointStats ours = new CocoKeypointEvaluator().evaluate(
                CocoJson.readDataset(dir.resolve("gt.json")), CocoJson.readDetections(dir.resolve("dt.json")));
        List<String> names = CocoKeypointStats.names();
        List<String> report = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double theirs = expected.get(names.get(i)).asDouble();
            double mine = ours.values().get(i);
            double diff = Math.abs(theirs - mine);
            synchronized (PycocotoolsGoldenTest.class) {
                if (diff > maxDifference) {
                    maxDifference = diff;
                    worst = dir.getFileName() + " " + names.get(i);
                }
            }
            report.add(String.format(Locale.ROOT, "%s ours %.6f pycocotools %.6f", names.get(i), mine, theirs));
            assertThat(mine).as("%s %s (%s)", dir.getFileName(), names.get(i), String.join("; ", report))
                    .isCloseTo(theirs, within(TOLERANCE));
        }
        synchronized (PycocotoolsGoldenTest.class) { casesRun++; }
    }

    /**
     * The shared COCO sample's annotations (read from ../shared, not copied) with our BlazePose models' results
     * files from {@code pose-analytics eval}, kept in coco-fixture-results/ beside pycocotools' stats of them.
     */
    @TestFactory
    Stream<DynamicTest> realFixtureResultsEqualPycocotools() throws Exception {
        Path annotations = Fixtures.cocoAnnotations();
        URL root = PycocotoolsGoldenTest.class.getResource("/coco-fixture-results");
        assertThat(root).isNotNull();
        Path dir = Path.of(root.toURI());
        JsonNode expected = JsonMapper.builder().build().readTree(dir.resolve("expected.json").toFile()).get("stats");
        assertThat(expected.propertyNames()).hasSize(3);
        return expected.propertyNames().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            CocoKeypointStats ours = new CocoKeypointEvaluator().evaluate(
                    CocoJson.readDataset(annotations), CocoJson.readDetections(dir.resolve(file)));
            for (int i = 0; i < 10; i++) {
                String name = CocoKeypointStats.names().get(i);
                assertThat(ours.values().get(i)).as("%s %s", file, name)
                        .isCloseTo(expected.get(file).get(name).asDouble(), within(TOLERANCE));
            }
        }));
    }

    @AfterAll
    static void printMaxDifference() {
        System.out.printf(Locale.ROOT, "[measured] CocoKeypointEvaluator vs pycocotools: %d golden cases, max |difference| %.3g (%s)%n",
                casesRun, maxDifference, worst);
    }
}
