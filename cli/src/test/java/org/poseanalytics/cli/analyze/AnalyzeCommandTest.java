package org.poseanalytics.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.cli.PoseAnalytics;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.testing.TestVideos;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code pose-analytics analyze} end to end: outputs on the squat video, exit codes and reasons on bad input. */
class AnalyzeCommandTest {
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
            int exit = PoseAnalytics.commandLine().execute(all);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void writesKeypointsAndSummaryForTheSquatVideo() throws Exception {
        Path out = tmp.resolve("out");
        Run run = analyze(Fixtures.squatVideo().toString(), "--out", out.toString(), "--threads", "2", "--exercise", "squat",
                "--involved-side", "left");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("65/65 frames").contains("fps").contains("repetitions: 3");

        List<String> csv = Files.readAllLines(out.resolve("keypoints.csv"));
        assertThat(csv).hasSize(66);
        String[] header = csv.get(0).split(",");
        assertThat(header).hasSize(3 + 33 * 4);
        assertThat(header).startsWith("frame", "time_s", "track_id", "nose_x_px", "nose_y_px", "nose_z", "nose_visibility");
        assertThat(header[header.length - 4]).isEqualTo("right_foot_index_x_px");
        String[] row = csv.get(11).split(",");
        assertThat(row[0]).isEqualTo("10");
        assertThat(Double.parseDouble(row[1])).isEqualTo(2.0); // stream time at 5 fps, not index / 30
        int subjectTrack = Integer.parseInt(row[2]);
        // The nose lands near MediaPipe's reference for frame 10.
        double[] ref = TestVideos.squatReference()[10][0];
        assertThat(Math.hypot(Double.parseDouble(row[3]) - ref[0], Double.parseDouble(row[4]) - ref[1])).isLessThan(20);

        JsonNode s = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("video").get("width").asInt()).isEqualTo(720);
        assertThat(s.get("video").get("height").asInt()).isEqualTo(1280);
        assertThat(s.get("video").get("rotation").asInt()).isZero();
        assertThat(s.get("video").get("codec").asString()).isEqualTo("h264");
        assertThat(s.get("video").get("frames").asInt()).isEqualTo(65);
        assertThat(s.get("video").get("duration_s").asDouble()).isEqualTo(13.0);
        assertThat(s.get("model").asString()).isEqualTo("blazepose-full");
        assertThat(s.get("subject_track_id").asInt()).isEqualTo(subjectTrack);
        assertThat(s.get("frames_with_pose").asInt()).isEqualTo(65);
        assertThat(s.get("exercise").get("id").asString()).isEqualTo("squat");
        assertThat(s.get("exercise").get("guessed").asBoolean()).isFalse();
        // Three squats; the video ends while the person rises from the third.
        JsonNode reps = s.get("repetitions");
        assertThat(reps.size()).isEqualTo(3);
        assertThat(reps.get(0).get("complete").asBoolean()).isTrue();
        assertThat(reps.get(1).get("complete").asBoolean()).isTrue();
        assertThat(reps.get(2).get("complete").asBoolean()).isFalse();
        assertThat(s.get("filtering").get("chain").asString()).contains("butterworth");
        assertThat(s.get("metrics").size()).isPositive();
        List<String> angles = Files.readAllLines(out.resolve("angles.csv"));
        assertThat(angles).hasSize(66);
        assertThat(angles.get(0)).startsWith("frame,time_s,").contains("left_knee_flexion_deg", "left_knee_flexion_3d_deg");
        assertThat(out.resolve("angles_2d.mot")).exists();
        assertThat(out.resolve("angles_3d.mot")).exists();
        assertThat(Files.readString(out.resolve("keypoints.trc"))).startsWith("PathFileType\t4");
        assertThat(Files.readAllLines(out.resolve("subject_keypoints.csv"))).hasSize(66);
        assertThat(s.get("timings").get("inference_s").asDouble()).isPositive();
        assertThat(s.get("timings").get("frames_per_s").asDouble()).isPositive();
        assertRated(s, out);
    }

    /** Every figure in summary.json carries its quality; the view and the squat's headlines are there; angles.csv stays numeric. */
    private static void assertRated(JsonNode s, Path out) throws Exception {
        System.out.println("[measured] squat video summary: view " + s.get("view") + "\n  headlines " + s.get("headlines").toPrettyString());
        assertThat(s.get("view").get("dominant").asString()).isNotBlank();
        assertThat(s.get("view").has("share")).isTrue();
        s.get("metrics").properties().forEach(e -> {
            JsonNode m = e.getValue();
            String q = m.get("quality").asString();
            assertThat(q).as(e.getKey()).isIn("valid", "low", "invalid");
            assertThat(m.has("reason")).as(e.getKey() + " has a reason exactly when not valid").isEqualTo(!q.equals("valid"));
            assertThat(m.has("value")).as(e.getKey() + " has a value exactly when usable").isEqualTo(!q.equals("invalid"));
        });
        JsonNode headlines = s.get("headlines");
        assertThat(headlines.size()).isBetween(1, 8);
        for (int i = 0; i < headlines.size(); i++) {
            JsonNode h = headlines.get(i);
            assertThat(h.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(h.get("label").asString()).isNotBlank();
            assertThat(h.get("definition").asString()).isNotBlank();
            assertThat(s.get("metrics").has(h.get("key").asString())).as(h.get("key").asString()).isTrue();
            assertThat(h.get("quality").asString()).isEqualTo(s.get("metrics").get(h.get("key").asString()).get("quality").asString());
            if (!h.get("quality").asString().equals("valid")) assertThat(h.get("reason").asString()).isNotBlank();
        }
        assertThat(headlines.get(0).get("key").asString()).isEqualTo("repetition_count");
        assertThat(headlines.get(0).get("value").asInt()).isEqualTo(3);
        JsonNode symmetry = null;
        for (JsonNode h : headlines) if (h.get("label").asString().equals("Knee ROM symmetry")) symmetry = h;
        assertThat(symmetry).isNotNull();
        assertThat(symmetry.get("key").asString()).endsWith("_limb_symmetry_index");
        assertThat(symmetry.get("definition").asString()).contains("involved (left)");
        for (JsonNode rep : s.get("repetitions")) assertThat(rep.get("quality").asString()).isIn("valid", "low");
        List<String> angles = Files.readAllLines(out.resolve("angles.csv"));
        for (String row : angles.subList(1, angles.size()))
            for (String cell : row.split(",", -1)) assertThat(cell).matches("|-?[0-9.]+");
        List<String> quality = Files.readAllLines(out.resolve("angle_quality.csv"));
        assertThat(quality).hasSize(angles.size());
        assertThat(quality.get(0)).startsWith("frame,time_s,").contains("left_knee_flexion_issue", "left_knee_flexion_3d_issue");
        assertThat(quality.get(1).split(",")[2]).isIn("none", "interpolated", "oblique_view", "edge_on_plane", "hidden", "out_of_frame",
                "not_tracked", "implausible", "side_confusion");
    }

    @Test
    void anInvolvedSideOtherThanLeftOrRightIsRefused() {
        Run run = analyze(Fixtures.squatVideo().toString(), "--out", tmp.resolve("side").toString(), "--involved-side", "middle");
        assertThat(run.exit()).isEqualTo(AnalyzeCommand.EXIT_BAD_OPTION);
        assertThat(lastLine(run.stderr())).isEqualTo("pose-analytics analyze: --involved-side must be left or right, got 'middle'");
        assertThat(AnalyzeCommand.involvedSide("Right")).isEqualTo(org.poseanalytics.kinematics.angle.Side.RIGHT);
        assertThat(AnalyzeCommand.involvedSide(null)).isEqualTo(org.poseanalytics.kinematics.angle.Side.NONE);
    }

    @Test
    void rotatedPhoneClipGivesDisplayedCoordinates() throws Exception {
        Path out = tmp.resolve("rot");
        Run run = analyze(TestVideos.portraitWithRotation().toString(), "--out", out.toString(), "--model", "blazepose-lite", "--quiet");
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode s = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("video").get("rotation").asInt()).isEqualTo(90);
        assertThat(s.get("video").get("width").asInt()).isEqualTo(720);
        assertThat(s.get("model").asString()).isEqualTo("blazepose-lite");
    }

    @Test
    void noPersonIsAFailureWithAReason() {
        Run run = analyze(TestVideos.noPerson().toString(), "--out", tmp.resolve("np").toString(), "--quiet");
        assertThat(run.exit()).isEqualTo(AnalyzeCommand.EXIT_NO_PERSON);
        assertThat(lastLine(run.stderr())).startsWith("pose-analytics analyze: no person found");
    }

    @Test
    void aHighSpeedClipIsRefusedWithTheWayToAnalyseItAndAnalysedWithMaxFps() {
        String clip = TestVideos.highSpeedNoPerson().toString();
        Run refused = analyze(clip, "--out", tmp.resolve("hs1").toString(), "--quiet");
        assertThat(refused.exit()).isNotZero();
        assertThat(lastLine(refused.stderr())).contains("300 frames per second; the limit is 240").contains("--max-fps");
        // With the limit raised the video is decoded and analysed: it then fails only for having nobody in it.
        Run analysed = analyze(clip, "--out", tmp.resolve("hs2").toString(), "--quiet", "--max-fps", "300");
        assertThat(analysed.exit()).isEqualTo(AnalyzeCommand.EXIT_NO_PERSON);
    }

    @Test
    void unreadableInputsFailWithOneLineReasons() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.mp4"), "not a video\n".repeat(100));
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        record Case(Path input, String reason) {}
        for (Case c : List.of(new Case(text, "not a video"), new Case(empty, "empty"),
                new Case(TestVideos.audioOnly(), "only audio"), new Case(TestVideos.stillImage(), "still image"),
                new Case(tmp.resolve("missing.mp4"), "no such file"))) {
            Run run = analyze(c.input().toString(), "--out", tmp.resolve("bad").toString(), "--quiet");
            assertThat(run.exit()).as(c.input().toString()).isEqualTo(AnalyzeCommand.EXIT_UNREADABLE);
            assertThat(lastLine(run.stderr())).as(c.input().toString()).startsWith("pose-analytics analyze:").contains(c.reason());
        }
    }

    @Test
    void aTruncatedVideoIsAnalysedUpToTheCutWithAWarning() throws Exception {
        Path out = tmp.resolve("trunc");
        Run run = analyze(TestVideos.truncated().toString(), "--out", out.toString(), "--quiet");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("warning").contains("stops early");
        JsonNode s = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("video").get("decoded_completely").asBoolean()).isFalse();
        assertThat(s.get("warnings").get(0).asString()).contains("truncated");
        assertThat(Files.readAllLines(out.resolve("keypoints.csv")).size() - 1).isEqualTo(s.get("video").get("frames").asInt());
    }

    @Test
    void anUnknownModelIsRejected() {
        Run run = analyze(Fixtures.squatVideo().toString(), "--out", tmp.resolve("m").toString(), "--model", "nope");
        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).contains("unknown pose model 'nope'").contains("blazepose-full");
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
