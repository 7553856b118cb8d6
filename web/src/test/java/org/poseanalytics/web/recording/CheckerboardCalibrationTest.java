package org.poseanalytics.web.recording;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.calibration.checkerboard.BoardRenderer;
import org.poseanalytics.multiview.calibration.checkerboard.CheckerboardTruthTest;
import org.poseanalytics.pose.video.GrayFrame;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A calibration made in the app from checkerboard videos: two known cameras (lens distortion, the second 0.8 m aside
 * and turned 18°) film a rendered 9×6 board (60 mm squares), the videos (lossless H.264 by ffmpeg) go through the
 * upload checks, the background job calibrates, and the stored calibration recovers the cameras with each camera's
 * reprojection error; its file is what a recording then uses. A wrong board is refused before anything is stored, and
 * the checkerboard videos are erased once read.
 */
class CheckerboardCalibrationTest extends DatabaseTest {
    @Autowired CheckerboardCalibrations calibrations;
    @Autowired JdbcClient jdbc;
    @Autowired Storage storage;
    @TempDir Path tmp;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void calibratesTwoCamerasFromUploadedCheckerboardVideos() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0, "ffmpeg not installed");
        TestClinic clinic = TestClinic.create(jdbc);
        long session = clinic.session(jdbc, LocalDate.of(2026, 12, 2), "squat");
        clinic.signIn(Role.CLINICIAN);
        Camera a = CheckerboardTruthTest.first(), b = CheckerboardTruthTest.second();
        var poses = CheckerboardTruthTest.boardPoses();
        Path left = video(a, poses, "left"), right = video(b, poses, "right");

        // A wrong board: refused with the reason, nothing kept.
        long filesBefore = files();
        assertThatThrownBy(() -> calibrations.create(session, uploads(left, right), 7, 7, 0.06))
                .isInstanceOf(UserInputException.class).hasMessageContaining("different corner counts");
        assertThatThrownBy(() -> calibrations.create(session, uploads(left, right), 9, 6, 60))
                .isInstanceOf(UserInputException.class).hasMessageContaining("metres");
        assertThatThrownBy(() -> calibrations.create(session, uploads(left), 9, 6, 0.06))
                .isInstanceOf(UserInputException.class).hasMessageContaining("one checkerboard video per camera");
        assertThatThrownBy(() -> calibrations.create(session, List.of(new MultiViewRecordings.Upload("notes.mp4",
                new ByteArrayInputStream("not a video".getBytes())), new MultiViewRecordings.Upload("b.mp4", Files.newInputStream(right))), 9, 6, 0.06))
                .isInstanceOf(UserInputException.class).hasMessageContaining("notes.mp4");
        assertThat(calibrations.ofSession(session)).isEmpty();
        assertThat(files()).isEqualTo(filesBefore);

        CheckerboardCalibration made = calibrations.create(session, uploads(left, right), 9, 6, 0.06);
        assertThat(made.state()).isEqualTo("queued");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && !List.of("succeeded", "failed").contains(calibrations.ofSession(session).getFirst().state())) Thread.sleep(500);
        CheckerboardCalibration done = calibrations.ofSession(session).getFirst();
        assertThat(done.state()).as(String.valueOf(done.message())).isEqualTo("succeeded");
        assertThat(done.reprojectionPx()).hasSize(2).allSatisfy(e -> assertThat(e).isLessThan(0.5));
        assertThat(calibrations.made()).extracting(CheckerboardCalibration::id).contains(done.id());
        Calibration c = CalibrationUpload.read(done.fileName(), calibrations.file(done.id()).orElseThrow());
        assertThat(Math.abs(c.camera(0).fx() / a.fx() - 1)).isLessThan(0.01);
        assertThat(Math.abs(c.camera(1).fx() / b.fx() - 1)).isLessThan(0.01);
        double baseline = CheckerboardTruthTest.dist(c.camera(1).centre(), b.centre());
        assertThat(baseline).as("the second camera's position, metres from the truth").isLessThan(0.01);
        assertThat(c.reprojectionErrorPx()).containsExactly(done.reprojectionPx().get(0), done.reprojectionPx().get(1));
        System.out.printf(Locale.ROOT, "MULTIVIEW-WEB checkerboard calibration in the app: fx %.1f/%.1f (truth %.0f/%.0f), second camera %.1f mm off, reprojection %.2f/%.2f px%n",
                c.camera(0).fx(), c.camera(1).fx(), a.fx(), b.fx(), 1000 * baseline, done.reprojectionPx().get(0), done.reprojectionPx().get(1));
        // The checkerboard videos were needed once: erased, and forgotten by the row.
        assertThat(jdbc.sql("select cardinality(video_storage) from multiview_calibration where id = :id").param("id", done.id()).query(Integer.class).single()).isZero();
        assertThat(files()).isEqualTo(filesBefore);
    }

    private long files() throws java.io.IOException {
        try (var s = Files.list(storage.root())) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static List<MultiViewRecordings.Upload> uploads(Path... files) throws java.io.IOException {
        List<MultiViewRecordings.Upload> list = new java.util.ArrayList<>();
        for (Path f : files) {
            InputStream in = Files.newInputStream(f);
            list.add(new MultiViewRecordings.Upload(f.getFileName().toString(), in));
        }
        return list;
    }

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
}
