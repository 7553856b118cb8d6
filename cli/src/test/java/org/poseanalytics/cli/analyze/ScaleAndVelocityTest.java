package org.poseanalytics.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poseanalytics.cli.PoseAnalytics;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.testing.TestVideos;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code analyze --track-point --scale-line} on truth: a test pattern made with FFmpeg moves down and up three times
 * along a known path (half-cosine lowering over 1 s, 0.3 s pause, half-cosine rise over 0.8, 1.0 and 1.25 s, 160 px deep)
 * in a video with no person (TestVideos.movingPattern); a 200 px line of 1 m makes the depth 0.8 m. Truth: mean concentric velocity 1.0, 0.8 and
 * 0.64 m/s, velocity loss 36 %. And the options' bad values: exit 5, a one-line reason, nothing written.
 */
class ScaleAndVelocityTest {
    static final double DEPTH_PX = 160, PX_PER_M = 200, DOWN_S = 1.0, PAUSE_S = 0.3, REST_S = 0.5;
    static final double[] UP_S = {0.8, 1.0, 1.25};
    static final int TOP = 40, LEFT = 272, SIZE = 96;

    @TempDir Path tmp;

    private record Run(int exit, String stderr) {}

    private Run analyze(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "analyze";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Run(PoseAnalytics.commandLine().execute(all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    /** The pattern's depth below its top position as an FFmpeg expression of t: the truth's own schedule. */
    static String depthExpression() {
        StringBuilder e = new StringBuilder();
        double s = REST_S;
        for (double up : UP_S) {
            if (!e.isEmpty()) e.append('+');
            e.append(String.format(Locale.ROOT, "gte(t,%1$.3f)*lt(t,%2$.3f)*(1-cos(PI*(t-%1$.3f)/%3$.3f))/2", s, s + DOWN_S, DOWN_S));
            e.append(String.format(Locale.ROOT, "+gte(t,%.3f)*lt(t,%.3f)", s + DOWN_S, s + DOWN_S + PAUSE_S));
            e.append(String.format(Locale.ROOT, "+gte(t,%1$.3f)*lt(t,%2$.3f)*(1+cos(PI*(t-%1$.3f)/%3$.3f))/2",
                    s + DOWN_S + PAUSE_S, s + DOWN_S + PAUSE_S + up, up));
            s += DOWN_S + PAUSE_S + up + REST_S;
        }
        return TOP + "+" + (int) DEPTH_PX + "*(" + e + ")";
    }

    static double duration() {
        double d = REST_S;
        for (double up : UP_S) d += DOWN_S + PAUSE_S + up + REST_S;
        return d;
    }

    static Path video(int fps) {
        return TestVideos.movingPattern("moving-pattern-" + fps + "fps.mp4", 640, 360, fps, SIZE, String.valueOf(LEFT), depthExpression(), duration());
    }

    @ParameterizedTest
    @CsvSource({"30, 0.03", "10, 0.05"})
    void barVelocityPerRepetitionFromAPatternWithNoPersonInView(int fps, double tolerance) throws Exception {
        Path out = tmp.resolve("out");
        Run run = analyze(video(fps).toString(), "--out", out.toString(), "--model", "blazepose-lite", "--threads", "2",
                "--track-point", (LEFT + SIZE / 2) + "," + (TOP + SIZE / 2) + ",0.2", "--scale-line", "20,340,220,340,1.0");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("no person found").contains("scale: line, 0.00500 m/px");
        JsonNode s = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("scale").get("source").asString()).isEqualTo("line");
        assertThat(s.get("scale").get("metres_per_px").asDouble()).isCloseTo(0.005, within(1e-9));
        assertThat(s.get("scale").get("line").get("metres").asDouble()).isEqualTo(1.0);
        assertBarTruth(s, fps, tolerance, "no person");
        double depth = DEPTH_PX / PX_PER_M;

        // points.csv: metres from the filtered path, y up, origin at the first sample.
        List<String> csv = Files.readAllLines(out.resolve("points.csv"));
        assertThat(csv.getFirst()).isEqualTo("point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s");
        double lowest = csv.stream().skip(1).map(l -> l.split(",", -1)[8]).filter(v -> !v.isEmpty()).mapToDouble(Double::parseDouble).min().orElseThrow();
        assertThat(lowest).isCloseTo(-depth, within(0.02));
        // Nothing about a person: no angles, no subject.
        assertThat(out.resolve("angles.csv")).doesNotExist();
        assertThat(s.get("warnings").toString()).contains("only the followed points were analysed");
    }

    /**
     * The same truth with a person standing in view (the fixture's subject, still, on the left): the pose finds her and no
     * repetitions, so the point's own down-and-up movements number its figures, and her presence changes nothing.
     */
    @Test
    void barVelocityPerRepetitionWithAPersonInView() throws Exception {
        int fps = 30;
        Path video = TestVideos.movingPatternBesidePerson("moving-pattern-person-" + fps + "fps.mp4", 640, 360, fps, SIZE,
                String.valueOf(LEFT), depthExpression(), duration());
        Path out = tmp.resolve("with-person");
        Run run = analyze(video.toString(), "--out", out.toString(), "--model", "blazepose-lite", "--threads", "2",
                "--track-point", (LEFT + SIZE / 2) + "," + (TOP + SIZE / 2) + ",0.2", "--scale-line", "20,340,220,340,1.0");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).doesNotContain("no person found");
        assertThat(out.resolve("angles.csv")).exists();
        JsonNode s = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("frames_with_pose").asLong()).isPositive();
        assertBarTruth(s, fps, 0.03, "a person standing in view");
    }

    @Test
    void theSubjectsHeightScalesTheSquatVideoAndItsKneePathPerRepetition() throws Exception {
        Path out = tmp.resolve("squat");
        // The left knee at 2 s (README: followed in 65 of 65 frames); the pose's three squats number its figures.
        Run run = analyze(Fixtures.squatVideo().toString(), "--out", out.toString(), "--threads", "2", "--exercise", "squat",
                "--subject-height-m", "1.75", "--track-point", "330,840,2.0");
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode s = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        JsonNode scale = s.get("scale");
        System.out.println("[measured] squat fixture, --subject-height-m 1.75: " + scale);
        assertThat(scale.get("source").asString()).isEqualTo("subject_height");
        assertThat(scale.get("subject_height_m").asDouble()).isEqualTo(1.75);
        assertThat(scale.get("method").asString()).startsWith("standing height").contains("upright frames");
        // A 1.75 m person filling most of a 1280 px tall frame: between 1.5 and 3 mm per pixel.
        assertThat(scale.get("metres_per_px").asDouble()).isBetween(0.0012, 0.003);
        assertThat(Files.readAllLines(out.resolve("keypoints.trc")).get(2).split("\t")[4]).isEqualTo("m");
        assertThat(out.resolve("keypoints_world.trc")).exists();
        JsonNode reps = s.get("points").get(0).get("repetitions");
        assertThat(reps.size()).isEqualTo(s.get("repetitions").size());
        assertThat(reps.get(0).get("metrics").get("point_1_displacement").get("unit").asString()).isEqualTo("m");
        assertThat(run.stderr()).contains("scale: subject_height").contains("point 1: followed in");
    }

    @Test
    void badScalesAreRefusedBeforeAnythingIsWritten() {
        record Case(String[] args, String reason) {}
        String video = Fixtures.squatVideo().toString();
        for (Case c : List.of(
                new Case(new String[]{"--scale-line", "100,900,700,900,0"}, "real length must be more than 0 m, got 0 m"),
                new Case(new String[]{"--scale-line", "100,900,105,900,1"}, "only 5 px long"),
                new Case(new String[]{"--scale-line", "100,900,700"}, "X1,Y1,X2,Y2,METRES"),
                new Case(new String[]{"--scale-line", "100,900,700,1900,1"}, "goes outside the 720×1280 px frame"),
                new Case(new String[]{"--subject-height-m", "175"}, "between 0.5 and 2.5 m, got 175 m"),
                new Case(new String[]{"--subject-height-m", "tall"}, "--subject-height-m must be the subject's height in metres"),
                new Case(new String[]{"--subject-height-m", "1.8", "--scale-line", "100,900,700,900,1"}, "either --scale-line or --subject-height-m"))) {
            Path out = tmp.resolve("bad");
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of(video, "--out", out.toString(), "--quiet"),
                    java.util.Arrays.stream(c.args())).toArray(String[]::new);
            Run run = analyze(args);
            assertThat(run.exit()).as(String.join(" ", c.args()) + ": " + run.stderr()).isEqualTo(AnalyzeCommand.EXIT_BAD_OPTION);
            String[] lines = run.stderr().strip().split("\\R");
            assertThat(lines[lines.length - 1]).startsWith("pose-analytics analyze: ").contains(c.reason());
            assertThat(out).as("nothing written for " + String.join(" ", c.args())).doesNotExist();
        }
    }

    /** The point's figures per repetition and for the set against the truth's schedule. */
    private static void assertBarTruth(JsonNode s, int fps, double tolerance, String scene) {
        JsonNode point = s.get("points").get(0);
        JsonNode reps = point.get("repetitions");
        assertThat(reps.size()).isEqualTo(3);
        double depth = DEPTH_PX / PX_PER_M;
        double[] mcv = new double[3];
        for (int k = 0; k < 3; k++) {
            JsonNode m = reps.get(k).get("metrics");
            mcv[k] = m.get("point_1_mean_concentric_velocity").get("value").asDouble();
            double truth = depth / UP_S[k], peak = m.get("point_1_peak_concentric_velocity").get("value").asDouble();
            double ecc = m.get("point_1_mean_eccentric_velocity").get("value").asDouble();
            double disp = m.get("point_1_displacement").get("value").asDouble();
            System.out.printf(Locale.ROOT, "[measured] bar velocity, FFmpeg pattern at %d fps (H.264, %s), rep %d: mean concentric %.3f m/s "
                            + "(truth %.3f, %+.1f %%), peak %.3f (truth %.3f, %+.1f %%), mean eccentric %.3f (truth %.3f, %+.1f %%), displacement %.3f m (truth %.3f)%n",
                    fps, scene, k + 1, mcv[k], truth, 100 * (mcv[k] / truth - 1), peak, Math.PI / 2 * truth, 100 * (peak / (Math.PI / 2 * truth) - 1),
                    ecc, depth / DOWN_S, 100 * (ecc / (depth / DOWN_S) - 1), disp, depth);
            assertThat(mcv[k]).isCloseTo(truth, within(tolerance * truth));
            assertThat(ecc).isCloseTo(depth / DOWN_S, within(tolerance * depth / DOWN_S));
            assertThat(disp).isCloseTo(depth, within(tolerance * depth));
            assertThat(m.get("point_1_mean_concentric_velocity").get("unit").asString()).isEqualTo("m/s");
        }
        double loss = point.get("metrics").get("point_1_velocity_loss").get("value").asDouble();
        double lossTruth = 100 * (1 - UP_S[0] / UP_S[2]);
        System.out.printf(Locale.ROOT, "[measured] velocity loss at %d fps (%s): %.1f %% (truth %.1f %%)%n", fps, scene, loss, lossTruth);
        assertThat(loss).isCloseTo(lossTruth, within(100 * tolerance));
    }
}
