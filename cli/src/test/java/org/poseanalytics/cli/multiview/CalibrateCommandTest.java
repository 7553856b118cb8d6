package org.poseanalytics.cli.multiview;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.calibration.Rotations;
import org.poseanalytics.multiview.calibration.checkerboard.BoardRenderer;
import org.poseanalytics.multiview.calibration.checkerboard.CheckerboardTruthTest;
import org.poseanalytics.pose.video.GrayFrame;

/**
 * {@code pose-analytics calibrate} on rendered checkerboard videos (known cameras, encoded with ffmpeg): the written
 * calibration recovers the cameras.
 */
class CalibrateCommandTest {
    @TempDir Path tmp;

    private Path video(Camera cam, List<double[][]> poses, String name) throws Exception {
        BoardRenderer renderer = new BoardRenderer(cam, CheckerboardTruthTest.BOARD);
        Path dir = Files.createDirectories(tmp.resolve(name + "-frames"));
        for (int i = 0; i < poses.size(); i++) {
            GrayFrame f = renderer.render(i, i * 0.25, poses.get(i)[0], poses.get(i)[1]);
            BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, f.width(), f.height(), f.pixels());
            ImageIO.write(img, "png", dir.resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
        }
        Path out = tmp.resolve(name + ".mp4");
        // Lossless H.264 at 4 frames/s: a board pose every 0.25 s, the calibrator's default sampling.
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-framerate", "4", "-i", dir.resolve("%03d.png").toString(),
                "-c:v", "libx264", "-qp", "0", "-pix_fmt", "yuv420p", out.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @Test
    void calibratesTwoCamerasFromRenderedVideos() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0, "ffmpeg not installed");
        Camera a = CheckerboardTruthTest.first(), b = CheckerboardTruthTest.second();
        var poses = CheckerboardTruthTest.boardPoses();
        Path va = video(a, poses, "left"), vb = video(b, poses, "right");
        Path out = tmp.resolve("calib/calib.json");
        CliRun run = CliRun.of("calibrate", "--checkerboard", "9x6", "--square-m", "0.06", va.toString(), vb.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("cam_1 (left.mp4)").contains("reprojection error").contains("(world frame)");
        Calibration c = CalibrationFiles.read(out);
        assertThat(c.size()).isEqualTo(2);
        assertThat(Math.abs(c.camera(0).fx() / a.fx() - 1)).isLessThan(0.01);
        assertThat(Math.abs(c.camera(1).fx() / b.fx() - 1)).isLessThan(0.01);
        assertThat(CheckerboardTruthTest.dist(c.camera(1).centre(), b.centre())).isLessThan(0.01);
        assertThat(Rotations.angleBetweenDeg(c.camera(1).r(), b.r())).isLessThan(0.5);
        assertThat(c.reprojectionErrorPx()[0]).isLessThan(0.5);
    }

    @Test
    void badOptionsAndVideosWithoutTheBoardSaySo() throws Exception {
        CliRun run = CliRun.of("calibrate", "--checkerboard", "9by6", "--square-m", "0.02", "x.mp4", "--out", tmp.resolve("c.json").toString());
        assertThat(run.exit()).isEqualTo(CalibrateCommand.EXIT_BAD_OPTION);
        assertThat(run.stderr()).contains("COLSxROWS");
        run = CliRun.of("calibrate", "--checkerboard", "9x6", "--square-m", "0.02", tmp.resolve("none.mp4").toString(), "--out", tmp.resolve("c.json").toString());
        assertThat(run.exit()).isEqualTo(CalibrateCommand.EXIT_UNREADABLE);
        Path notVideo = Files.writeString(tmp.resolve("n.mp4"), "no");
        run = CliRun.of("calibrate", "--checkerboard", "9x6", "--square-m", "0.02", notVideo.toString(), "--out", tmp.resolve("c.json").toString());
        assertThat(run.exit()).isEqualTo(CalibrateCommand.EXIT_UNREADABLE);
    }
}
