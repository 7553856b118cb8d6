package org.poseanalytics.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.cli.PoseAnalytics;
import org.poseanalytics.pose.hrnet.TestHrnetModels;
import org.poseanalytics.pose.testing.Fixtures;

/** {@code pose-analytics bench --model hrnet=PATH}: the HRNet path through DJL, on the tiny test model. */
class BenchCommandTest {
    @TempDir Path tmp;

    private record Run(int exit, String out, String err) {}

    private static Run bench(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "bench";
            System.arraycopy(args, 0, all, 1, args.length);
            int exit = PoseAnalytics.commandLine().execute(all);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in:%n%s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void hrnetWeightsFileIsBenchedOnOnnxRuntime() throws Exception {
        Path model = TestHrnetModels.blobModel(tmp);
        Run r = bench(Fixtures.squatVideo().toString(), "--model", "hrnet=" + model, "--threads", "1",
                "--raw-iterations", "5", "--warmup", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        // The HRNet block names the file, the engine and where its boxes came from.
        assertThat(r.out()).contains("hrnet 256x192 (blobs.onnx, OnnxRuntime").contains("boxes from the BlazePose detector");
        assertThat(number(r.out(), "raw model invoke:\\s+([0-9.]+) frames/s")).isPositive();
        assertThat(number(r.out(), "end to end:\\s+([0-9.]+) frames/s")).isPositive();
        // Every frame of the squat video decoded; the BlazePose detector finds the person, HRNet gives a pose.
        assertThat(r.out()).containsPattern("\\(65 frames, 6[0-5] with a pose");
        assertThat(r.out()).contains("peak memory: heap");
        // The rest of the pipeline is timed too, and the run ends with its table row, engine named.
        assertThat(number(r.out(), "tracking\\s+([0-9.]+) ms per frame")).isPositive();
        assertThat(r.out()).containsPattern("kinematics\\s+[0-9.]+ ms per frame");
        assertThat(r.out()).containsPattern("\\| hrnet=blobs.onnx \\| DJL OnnxRuntime \\(CPU\\) \\| 1 \\| rgb \\| [0-9.]+ \\| [0-9.]+ \\|");
    }

    @Test
    void everyThreadCountFromOneToNIsMeasuredAndTabled() {
        Run r = bench(Fixtures.squatVideo().toString(), "--model", "blazepose-lite", "--threads", "2",
                "--raw-iterations", "3", "--warmup", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("threads: 1..2");
        List<String> rows = r.out().lines().filter(l -> l.startsWith("| blazepose-lite |")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("| blazepose-lite | TFLite XNNPACK (CPU) | 1 | rgb |");
        assertThat(rows.get(1)).startsWith("| blazepose-lite | TFLite XNNPACK (CPU) | 2 | rgb |");
        // Stage columns: the landmark model costs something on every frame, for the one person of the video.
        for (String row : rows) {
            assertThat(Double.parseDouble(row.split("\\|")[13].trim())).isPositive();
            assertThat(Double.parseDouble(row.split("\\|")[9].trim())).as("people").isBetween(0.9, 1.2);
            assertThat(Double.parseDouble(row.split("\\|")[8].trim())).as("ceiling").isBetween(0.0, 1.0);
        }

        Run one = bench(Fixtures.squatVideo().toString(), "--model", "blazepose-lite", "--threads", "2", "--only",
                "--raw-iterations", "3", "--warmup", "1");
        assertThat(one.out().lines().filter(l -> l.startsWith("| blazepose-lite |"))).hasSize(1);
        assertThat(bench(Fixtures.squatVideo().toString(), "--threads", "0").exit()).isEqualTo(5);

        // Both frame paths side by side: the decoder's planes and whole RGB frames (the default).
        Run both = bench(Fixtures.squatVideo().toString(), "--model", "blazepose-lite", "--threads", "1", "--only",
                "--frames", "yuv,rgb", "--raw-iterations", "3", "--warmup", "1");
        assertThat(both.exit()).as(both.err()).isZero();
        assertThat(both.out().lines().filter(l -> l.startsWith("| blazepose-lite |")).map(l -> l.split("\\|")[4].trim()))
                .containsExactly("yuv", "rgb");
        assertThat(bench(Fixtures.squatVideo().toString(), "--frames", "bgr").exit()).isEqualTo(5);
    }

    @Test
    void theCeilingIsInferenceOverInferencePlusDecodingSharedByTheCores() {
        // 1 thread on 2 cores: decoding fits on the other core.
        assertThat(BenchCommand.ceiling(13.0, 1, 2.5, 2)).isEqualTo(1.0);
        // 2 threads on 2 cores: 8.5 ms of inference, 2.5 ms of decoding spread over both cores.
        assertThat(BenchCommand.ceiling(8.5, 2, 2.5, 2)).isCloseTo(8.5 / (8.5 + 1.25), org.assertj.core.data.Offset.offset(1e-12));
        // Decoding slower than inference: the decoder sets the pace.
        assertThat(BenchCommand.ceiling(2.0, 1, 6.0, 2)).isCloseTo(2.0 / 6.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void missingOrBrokenHrnetWeightsGiveOneLineReasons() throws Exception {
        Run missing = bench(Fixtures.squatVideo().toString(), "--model", "hrnet=" + tmp.resolve("absent.onnx"));
        assertThat(missing.exit()).isEqualTo(5);
        assertThat(missing.err()).contains("hrnet=").contains("not found").doesNotContain("\tat ");

        Path junk = tmp.resolve("junk.onnx");
        Files.writeString(junk, "not a model");
        Run broken = bench(Fixtures.squatVideo().toString(), "--model", "hrnet=" + junk);
        assertThat(broken.exit()).isEqualTo(5);
        assertThat(broken.err()).contains("junk.onnx").contains("OnnxRuntime").doesNotContain("\tat ");
    }
}
