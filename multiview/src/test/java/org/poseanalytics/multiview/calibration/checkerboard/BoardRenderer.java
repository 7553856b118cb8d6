package org.poseanalytics.multiview.calibration.checkerboard;

import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.calibration.Rotations;
import org.poseanalytics.pose.video.GrayFrame;

/**
 * Renders a checkerboard seen by a calibrated camera, lens distortion included, by casting each pixel's ray (2×2
 * samples per pixel, averaged) onto the board's plane: test truth for calibration. The printed board has
 * (cols + 1) × (rows + 1) squares and a white margin of one square; the wall behind is mid grey.
 */
public final class BoardRenderer {
    private static final int SS = 2;
    private final Camera camera;
    private final Board board;
    private final float[] rays; // per sub-sample: undistorted normalised x, y (the ray is (x, y, 1) in the camera frame)

    public BoardRenderer(Camera camera, Board board) {
        this.camera = camera;
        this.board = board;
        int w = camera.width() * SS, h = camera.height() * SS;
        rays = new float[2 * w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double u = (i + 0.5) / SS - 0.5, v = (j + 0.5) / SS - 0.5;
                double[] n = camera.undistort(u, v);
                rays[2 * (j * w + i)] = (float) n[0];
                rays[2 * (j * w + i) + 1] = (float) n[1];
            }
        }
    }

    /**
     * @param boardR board → world rotation (row-major); the board's x runs along its corner rows, y down its columns
     * @param boardT the board's first inner corner in world coordinates (metres)
     */
    public GrayFrame render(long index, double timeS, double[] boardR, double[] boardT) {
        // Work in the camera frame: the board's axes and origin there.
        double[] rb = Rotations.multiply(camera.r(), boardR);
        double[] o = camera.toCamera(boardT);
        double[] ex = {rb[0], rb[3], rb[6]}, ey = {rb[1], rb[4], rb[7]}, nz = {rb[2], rb[5], rb[8]};
        double sq = board.squareM();
        int w = camera.width(), h = camera.height();
        byte[] px = new byte[w * h];
        double no = nz[0] * o[0] + nz[1] * o[1] + nz[2] * o[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int sy = 0; sy < SS; sy++) {
                    for (int sx = 0; sx < SS; sx++) {
                        int k = 2 * ((y * SS + sy) * w * SS + x * SS + sx);
                        double dx = rays[k], dy = rays[k + 1];
                        double den = nz[0] * dx + nz[1] * dy + nz[2];
                        double s = no / den;
                        if (!(s > 0) || Float.isNaN(rays[k])) { sum += 110; continue; }
                        double px3 = s * dx - o[0], py3 = s * dy - o[1], pz3 = s - o[2];
                        double u = (px3 * ex[0] + py3 * ex[1] + pz3 * ex[2]) / sq, v = (px3 * ey[0] + py3 * ey[1] + pz3 * ey[2]) / sq;
                        sum += shade(u, v);
                    }
                }
                px[y * w + x] = (byte) Math.round(sum / (SS * SS));
            }
        }
        return new GrayFrame(index, timeS, w, h, px);
    }

    /** Grey level at board coordinates in squares (inner corners at integers 0..cols-1, 0..rows-1). */
    private double shade(double u, double v) {
        int cols = board.cols(), rows = board.rows();
        if (u < -2 || v < -2 || u > cols + 1 || v > rows + 1) return 110;      // wall
        if (u < -1 || v < -1 || u > cols || v > rows) return 225;              // white margin
        long i = (long) Math.floor(u), j = (long) Math.floor(v);
        return ((i + j) & 1) == 0 ? 25 : 225;
    }
}
