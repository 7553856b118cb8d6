package org.poseanalytics.multiview.calibration.checkerboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.calibration.Rotations;
import org.poseanalytics.pose.video.GrayFrame;
import org.poseanalytics.pose.video.GrayFrames;

/** Calibration from rendered checkerboards with known intrinsics, distortion and camera poses. */
public class CheckerboardTruthTest {
    public static final Board BOARD = new Board(9, 6, 0.06);
    static final double[] DIST = {-0.08, 0.03, 0.0005, -0.0003, 0};

    /** World = the first camera's frame (y down, z forward). */
    public static Camera first() {
        return new Camera("left", 960, 540, new double[]{800, 0, 483, 0, 801, 265, 0, 0, 1}, DIST, Rotations.identity(), new double[3]);
    }

    /** 0.8 m to the right of the first, 0.1 m behind, turned 18° towards it about the vertical, pitched 3°. */
    public static Camera second() {
        double[] r = Rotations.multiply(Rotations.about(new double[]{1, 0, 0}, 3), Rotations.about(new double[]{0, 1, 0}, 18));
        double[] c = {0.8, 0.05, -0.1};
        double[] rc = Rotations.apply(r, c);
        return new Camera("right", 960, 540, new double[]{830, 0, 470, 0, 829, 275, 0, 0, 1},
                new double[]{-0.1, 0.05, -0.0004, 0.0006, 0}, r, new double[]{-rc[0], -rc[1], -rc[2]});
    }

    /** Board poses around 1.8 m in front of the pair, tilted up to 30° in each direction. */
    public static List<double[][]> boardPoses() {
        List<double[][]> poses = new ArrayList<>();
        double[][] tilts = {{0, 0, 0}, {25, 0, 0}, {-25, 0, 0}, {0, 28, 0}, {0, -22, 0}, {18, 18, 8}, {-18, 20, -8},
                {20, -15, 12}, {-20, -18, -5}, {10, 30, 0}, {-12, -28, 10}, {28, 8, -12}, {0, 10, 20}, {-8, 0, -15}};
        double[][] centres = {{0.35, 0, 1.8}, {0.2, -0.12, 1.6}, {0.5, 0.1, 2.0}, {0.3, 0.12, 1.7}, {0.45, -0.1, 1.9},
                {0.25, 0.05, 1.5}, {0.4, -0.05, 2.1}, {0.3, 0.1, 1.8}, {0.38, -0.08, 1.65}, {0.28, 0, 1.95}, {0.42, 0.08, 1.75},
                {0.33, -0.1, 1.85}, {0.36, 0.02, 1.55}, {0.3, 0.04, 2.05}};
        for (int i = 0; i < tilts.length; i++) {
            double[] r = Rotations.multiply(Rotations.about(new double[]{0, 1, 0}, -9 + tilts[i][1]),
                    Rotations.multiply(Rotations.about(new double[]{1, 0, 0}, tilts[i][0]), Rotations.about(new double[]{0, 0, 1}, tilts[i][2])));
            double hw = (BOARD.cols() - 1) / 2.0 * BOARD.squareM(), hh = (BOARD.rows() - 1) / 2.0 * BOARD.squareM();
            double[] off = Rotations.apply(r, new double[]{hw, hh, 0});
            poses.add(new double[][]{r, {centres[i][0] - off[0], centres[i][1] - off[1], centres[i][2] - off[2]}});
        }
        return poses;
    }

    static List<GrayFrame> film(Camera cam, List<double[][]> poses, double stepS) {
        BoardRenderer renderer = new BoardRenderer(cam, BOARD);
        List<GrayFrame> frames = new ArrayList<>();
        for (int i = 0; i < poses.size(); i++) frames.add(renderer.render(i, i * stepS, poses.get(i)[0], poses.get(i)[1]));
        return frames;
    }

    static GrayFrames source(List<GrayFrame> frames) {
        Iterator<GrayFrame> it = frames.iterator();
        return new GrayFrames() {
            public Optional<GrayFrame> next() { return it.hasNext() ? Optional.of(it.next()) : Optional.empty(); }

            public void close() { }
        };
    }

    @Test
    void recoversIntrinsicsAndTheSecondCamerasPose() {
        Camera a = first(), b = second();
        List<double[][]> poses = boardPoses();
        List<GrayFrame> fa = film(a, poses, 0.25), fb = film(b, poses, 0.25);
        if (System.getProperty("board.png") != null) dump(fb.get(5), System.getProperty("board.png"));
        var result = new CheckerboardCalibrator(BOARD, CheckerboardCalibrator.Settings.defaults()).calibrate(List.of(
                new CheckerboardCalibrator.CameraVideo("left", () -> source(fa)),
                new CheckerboardCalibrator.CameraVideo("right", () -> source(fb))));
        for (int i = 0; i < 2; i++) {
            Camera truth = i == 0 ? a : b, got = result.calibration().camera(i);
            var report = result.cameras().get(i);
            System.out.printf("camera %s: boards %d/%d, fx %.2f (truth %.2f), fy %.2f (%.2f), cx %.2f (%.2f), cy %.2f (%.2f), k1 %.4f (%.4f), "
                            + "RMS %.3f px, stereo RMS %.3f px, centre %s%n", got.name(), report.boardsFound(), report.framesSampled(),
                    got.fx(), truth.fx(), got.fy(), truth.fy(), got.cx(), truth.cx(), got.cy(), truth.cy(), got.distortion()[0],
                    truth.distortion()[0], report.intrinsicRmsPx(), report.stereoRmsPx(), java.util.Arrays.toString(got.centre()));
            assertThat(report.boardsFound()).isGreaterThanOrEqualTo(12);
            assertThat(Math.abs(got.fx() / truth.fx() - 1)).isLessThan(0.01);
            assertThat(Math.abs(got.fy() / truth.fy() - 1)).isLessThan(0.01);
            assertThat(Math.abs(got.cx() - truth.cx())).isLessThan(0.01 * truth.width());
            assertThat(Math.abs(got.cy() - truth.cy())).isLessThan(0.01 * truth.height());
            assertThat(report.intrinsicRmsPx()).isLessThan(0.3);
        }
        Camera got = result.calibration().camera(1);
        double centreErrorM = dist(got.centre(), b.centre());
        double angleErrorDeg = Rotations.angleBetweenDeg(got.r(), b.r());
        System.out.printf("second camera pose error: %.4f m, %.3f deg%n", centreErrorM, angleErrorDeg);
        assertThat(centreErrorM).isLessThan(0.01);
        assertThat(angleErrorDeg).isLessThan(0.5);
        assertThat(result.cameras().get(1).sharedWithFirst()).isGreaterThanOrEqualTo(10);
        assertThat(result.calibration().source()).isEqualTo("checkerboard 9x6 0.0600 m");
        assertThat(result.calibration().reprojectionErrorPx()[1]).isLessThan(0.5);
    }

    @Test
    void aVideoWithoutTheBoardIsRefusedByName() {
        Camera a = first();
        List<GrayFrame> fa = film(a, boardPoses().subList(0, 5), 0.25);
        List<GrayFrame> blank = new ArrayList<>();
        for (int i = 0; i < 5; i++) blank.add(new GrayFrame(i, i * 0.25, 960, 540, new byte[960 * 540]));
        assertThatThrownBy(() -> new CheckerboardCalibrator(BOARD, CheckerboardCalibrator.Settings.defaults()).calibrate(List.of(
                new CheckerboardCalibrator.CameraVideo("left", () -> source(fa)),
                new CheckerboardCalibrator.CameraVideo("empty", () -> source(blank)))))
                .isInstanceOf(CheckerboardCalibrator.CalibrationFailedException.class)
                .hasMessageContaining("camera empty").hasMessageContaining("found in 0 of 5 frames");
    }

    @Test
    void boardSizeIsParsedAndChecked() {
        assertThat(Board.parse("9x6", 0.025)).isEqualTo(new Board(9, 6, 0.025));
        assertThatThrownBy(() -> Board.parse("9by6", 0.025)).hasMessageContaining("COLSxROWS");
        assertThatThrownBy(() -> Board.parse("9x6", 25)).hasMessageContaining("metres");
        assertThatThrownBy(() -> Board.parse("7x7", 0.02)).hasMessageContaining("different corner counts");
    }

    public static void dump(GrayFrame f, String file) {
        var img = new java.awt.image.BufferedImage(f.width(), f.height(), java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, f.width(), f.height(), f.pixels());
        try { javax.imageio.ImageIO.write(img, "png", new java.io.File(file)); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    public static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
