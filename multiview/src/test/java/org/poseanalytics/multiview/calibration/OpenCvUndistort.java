package org.poseanalytics.multiview.calibration;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.TermCriteria;

import static org.bytedeco.opencv.global.opencv_calib3d.undistortPointsIter;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC2;

/**
 * Undistortion of pixels by OpenCV's {@code undistortPoints} (its fixed-point iteration, run to convergence rather
 * than its default five steps, which leave a pixel or more at the edge of a wide-angle image). The reference that
 * {@link Camera#undistort} is checked against.
 */
public final class OpenCvUndistort {
    private OpenCvUndistort() {}

    /** Normalised undistorted coordinates [n][2] of pixels [n][2]. */
    public static double[][] normalised(Camera c, double[][] pixels) {
        try (PointerScope scope = new PointerScope()) {
            Mat src = new Mat(pixels.length, 1, CV_64FC2);
            try (DoubleIndexer idx = src.createIndexer()) {
                for (int i = 0; i < pixels.length; i++) { idx.put(i, 0, 0, pixels[i][0]); idx.put(i, 0, 1, pixels[i][1]); }
            }
            Mat dst = new Mat();
            undistortPointsIter(src, dst, OpenCvMats.of(c.k(), 3, 3), OpenCvMats.of(c.distortion(), 1, 5), new Mat(), new Mat(),
                    new TermCriteria(TermCriteria.COUNT | TermCriteria.EPS, 100, 1e-12));
            double[] v = OpenCvMats.values(dst);
            double[][] out = new double[pixels.length][2];
            for (int i = 0; i < pixels.length; i++) { out[i][0] = v[2 * i]; out[i][1] = v[2 * i + 1]; }
            return out;
        }
    }
}
