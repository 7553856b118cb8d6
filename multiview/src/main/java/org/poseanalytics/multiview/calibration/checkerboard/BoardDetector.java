package org.poseanalytics.multiview.calibration.checkerboard;

import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_ADAPTIVE_THRESH;
import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_FAST_CHECK;
import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_NORMALIZE_IMAGE;
import static org.bytedeco.opencv.global.opencv_calib3d.findChessboardCorners;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.cornerSubPix;

import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.poseanalytics.pose.video.GrayFrame;

/** OpenCV's checkerboard finder then its sub-pixel corner refinement, on one grey frame. */
public final class BoardDetector {
    private final Board board;

    public BoardDetector(Board board) { this.board = board; }

    public Optional<BoardView> detect(GrayFrame f) {
        try (PointerScope scope = new PointerScope(); BytePointer data = new BytePointer(f.pixels())) {
            Mat gray = new Mat(f.height(), f.width(), CV_8UC1, data);
            Mat corners = new Mat();
            boolean found = findChessboardCorners(gray, new Size(board.cols(), board.rows()), corners,
                    CALIB_CB_ADAPTIVE_THRESH | CALIB_CB_NORMALIZE_IMAGE | CALIB_CB_FAST_CHECK);
            if (!found || corners.rows() != board.corners()) return Optional.empty();
            // The refinement window must stay inside one square: half the smallest corner spacing, at most 11 px.
            int win = (int) Math.max(2, Math.min(11, smallestSpacing(corners) / 2 - 1));
            cornerSubPix(gray, corners, new Size(win, win), new Size(-1, -1),
                    new TermCriteria(TermCriteria.COUNT | TermCriteria.EPS, 50, 0.001));
            float[] xy = new float[2 * board.corners()];
            try (FloatIndexer idx = corners.createIndexer()) {
                for (int i = 0; i < board.corners(); i++) { xy[2 * i] = idx.get(i, 0, 0); xy[2 * i + 1] = idx.get(i, 0, 1); }
            }
            return Optional.of(new BoardView(f.index(), f.timeS(), xy));
        }
    }

    private double smallestSpacing(Mat corners) {
        double min = Double.MAX_VALUE;
        try (FloatIndexer idx = corners.createIndexer()) {
            for (int i = 0; i < board.corners(); i++) {
                if ((i + 1) % board.cols() != 0) min = Math.min(min, Math.hypot(idx.get(i + 1, 0, 0) - idx.get(i, 0, 0), idx.get(i + 1, 0, 1) - idx.get(i, 0, 1)));
                if (i + board.cols() < board.corners())
                    min = Math.min(min, Math.hypot(idx.get(i + board.cols(), 0, 0) - idx.get(i, 0, 0), idx.get(i + board.cols(), 0, 1) - idx.get(i, 0, 1)));
            }
        }
        return min;
    }
}
