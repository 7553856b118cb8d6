package org.poseanalytics.cli.multiview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.calibration.Rotations;
import org.poseanalytics.pose.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pose-analytics analyze3d}: its error paths, and one run on two copies of the squat video with a made-up
 * calibration. That run checks the plumbing only (files, columns, summary fields): two copies of one video are not
 * two views, so its 3D numbers mean nothing. Real multi-view video we do not have; accuracy is measured on synthetic
 * truth (MultiViewTruthTest, MultiViewAnglesTruthTest).
 */
class Analyze3dCommandTest {
    @TempDir Path tmp;

    /** Two portrait 720x1280 cameras 10 cm apart whose optical axes cross 3 m ahead: identical images nearly agree. */
    private Path madeUpCalibration(int cameras) {
        List<Camera> cams = new java.util.ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            double x = 0.1 * i;
            double[] r = Rotations.about(new double[]{0, 1, 0}, Math.toDegrees(Math.atan2(x, 3)));
            double[] rc = Rotations.apply(r, new double[]{x, 0, 0});
            cams.add(new Camera("cam_" + (i + 1), 720, 1280, new double[]{1000, 0, 359.5, 0, 1000, 639.5, 0, 0, 1}, null, r,
                    new double[]{-rc[0], -rc[1], -rc[2]}));
        }
        Path f = tmp.resolve("calib" + cameras + ".json");
        CalibrationFiles.writeProject(new Calibration(cams, Calibration.firstCameraUp(cams), "made up for a plumbing test"), f);
        return f;
    }

    @Test
    void refusesVideoAndCameraCountsThatDifferBeforeRunningAnyModel() throws Exception {
        Path video = Files.writeString(tmp.resolve("a.mp4"), "not read");
        CliRun run = CliRun.of("analyze3d", "--calibration", madeUpCalibration(3).toString(), video.toString(), video.toString(), "--out", tmp.resolve("o").toString());
        assertThat(run.exit()).isEqualTo(Analyze3dCommand.EXIT_BAD_OPTION);
        assertThat(run.stderr()).contains("2 videos given but calib3.json has 3 cameras");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void saysWhatIsWrongWithTheCalibrationOptionsAndFiles() throws Exception {
        Path video = Files.writeString(tmp.resolve("a.mp4"), "not a video");
        Path bad = Files.writeString(tmp.resolve("bad.toml"), "[cam_1]\nname = \"a\"\n");
        CliRun run = CliRun.of("analyze3d", "--calibration", bad.toString(), video.toString(), video.toString(), "--out", tmp.resolve("o").toString());
        assertThat(run.exit()).isEqualTo(Analyze3dCommand.EXIT_BAD_OPTION);
        assertThat(run.stderr()).contains("bad.toml [cam_1]: missing 'size'");

        run = CliRun.of("analyze3d", "--calibration", madeUpCalibration(2).toString(), video.toString(), tmp.resolve("missing.mp4").toString(), "--out", tmp.resolve("o").toString());
        assertThat(run.exit()).isEqualTo(Analyze3dCommand.EXIT_UNREADABLE);
        assertThat(run.stderr()).contains("missing.mp4: no such file");

        run = CliRun.of("analyze3d", "--calibration", madeUpCalibration(2).toString(), video.toString(), video.toString(), "--offsets", "0", "--out", tmp.resolve("o").toString());
        assertThat(run.exit()).isEqualTo(Analyze3dCommand.EXIT_BAD_OPTION);
        assertThat(run.stderr()).contains("--offsets needs one value per video (2), got 1");

        run = CliRun.of("analyze3d", "--calibration", madeUpCalibration(2).toString(), video.toString(), video.toString(), "--sync", "clap", "--out", tmp.resolve("o").toString());
        assertThat(run.exit()).isEqualTo(Analyze3dCommand.EXIT_BAD_OPTION);
        assertThat(run.stderr()).contains("--sync must be motion or timestamps");

        run = CliRun.of("analyze3d", "--calibration", madeUpCalibration(2).toString(), video.toString(), video.toString(), "--out", tmp.resolve("o").toString(), "--threads", "1");
        assertThat(run.exit()).isEqualTo(Analyze3dCommand.EXIT_UNREADABLE);
        assertThat(run.stderr()).contains("a.mp4");
    }

    @Test
    void plumbingRunOnTwoCopiesOfTheSquatVideo() throws Exception {
        Path squat = Fixtures.squatVideo();
        Path copy = Files.copy(squat, tmp.resolve("copy.mp4"));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("analyze3d", "--calibration", madeUpCalibration(2).toString(), squat.toString(), copy.toString(),
                "--out", out.toString(), "--exercise", "squat", "--threads", "2");
        assertThat(run.exit()).as(run.stderr()).isZero();
        for (String f : List.of("keypoints_3d.csv", "keypoints_3d.trc", "angles.csv", "angles_3d.mot", "summary.json")) assertThat(out.resolve(f)).isRegularFile();
        String header = Files.readAllLines(out.resolve("keypoints_3d.csv")).getFirst();
        assertThat(header).startsWith("frame,time_s,nose_x_m,nose_y_m,nose_z_m,nose_reprojection_error_px,nose_cameras,nose_state");
        String angles = Files.readAllLines(out.resolve("angles.csv")).getFirst();
        assertThat(angles).contains("left_knee_flexion_3d_deg").doesNotContain("left_knee_flexion_deg,");
        assertThat(Files.readString(out.resolve("keypoints_3d.trc"))).contains("\tm\t");
        JsonNode s = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("cameras")).hasSize(2);
        assertThat(s.get("cameras").get(1).get("video").asString()).isEqualTo("copy.mp4");
        assertThat(s.get("sync_method").asString()).isEqualTo("motion");
        // identical videos: the motion synchronisation finds no offset
        assertThat(Math.abs(s.get("sync_offsets_s").get("cam_2").asDouble())).isLessThan(0.02);
        assertThat(s.get("reprojection_error_px").get("mean").isNumber()).isTrue();
        assertThat(s.get("reprojection_error_px").get("p95").isNumber()).isTrue();
        assertThat(s.get("angles").asString()).isEqualTo("triangulated");
        assertThat(s.get("exercise").get("id").asString()).isEqualTo("squat");
        assertThat(s.has("repetitions")).isTrue();
        s.get("metrics").properties().forEach(e -> assertThat(e.getKey()).contains("_3d"));
    }
}
