package org.poseanalytics.multiview.calibration;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;

/** Between our row-major double arrays and OpenCV's matrices. */
public final class OpenCvMats {
    private OpenCvMats() {}

    public static Mat of(double[] values, int rows, int cols) {
        Mat m = new Mat(rows, cols, CV_64F);
        try (DoubleIndexer idx = m.createIndexer()) {
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) idx.put(i, j, values[i * cols + j]);
        }
        return m;
    }

    public static double[] values(Mat m) {
        Mat d = new Mat();
        m.convertTo(d, CV_64F);
        int ch = d.channels();
        double[] out = new double[(int) d.total() * ch];
        try (DoubleIndexer idx = d.createIndexer()) {
            int k = 0;
            for (int i = 0; i < d.rows(); i++) for (int j = 0; j < d.cols(); j++) for (int c = 0; c < ch; c++) out[k++] = idx.get(i, j, c);
        }
        return out;
    }
}
