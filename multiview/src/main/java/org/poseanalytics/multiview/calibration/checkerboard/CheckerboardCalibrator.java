package org.poseanalytics.multiview.calibration.checkerboard;

import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_FIX_INTRINSIC;
import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_FIX_K3;
import static org.bytedeco.opencv.global.opencv_calib3d.calibrateCamera;
import static org.bytedeco.opencv.global.opencv_calib3d.stereoCalibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Point2fVector;
import org.bytedeco.opencv.opencv_core.Point2fVectorVector;
import org.bytedeco.opencv.opencv_core.Point3f;
import org.bytedeco.opencv.opencv_core.Point3fVector;
import org.bytedeco.opencv.opencv_core.Point3fVectorVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.calibration.OpenCvMats;
import org.poseanalytics.pose.video.GrayFrame;
import org.poseanalytics.pose.video.GrayFrames;

/**
 * Calibration from one checkerboard video per camera, filmed at the same time (videos that start together):
 * <ol>
 *   <li>a frame every {@code sampleEveryS} seconds: the board's corners (OpenCV {@code findChessboardCorners}, then
 *       {@code cornerSubPix});</li>
 *   <li>intrinsics per camera with {@code calibrateCamera} (k1 k2 p1 p2; k3 held at 0, which phone and action-camera
 *       lenses outside the fisheye range do not need and which few views cannot pin down);</li>
 *   <li>each camera's pose relative to the first from the sampled moments at which both saw the board
 *       ({@code stereoCalibrate} with the intrinsics fixed).</li>
 * </ol>
 * The world frame is the first camera's (x right, y down, z forward, metres); up is taken as that camera's −y, so the
 * first camera should stand level.
 */
public final class CheckerboardCalibrator {
    /** One camera's checkerboard video. */
    public record CameraVideo(String name, Supplier<GrayFrames> frames) {}

    /**
     * @param sampleEveryS     look for the board this often (seconds of video)
     * @param maxIntrinsicViews at most this many views (spread over the video) go into each camera's intrinsics
     */
    public record Settings(double sampleEveryS, int maxIntrinsicViews) {
        public static Settings defaults() { return new Settings(0.25, 40); }
    }

    /**
     * What was found per camera.
     *
     * @param framesSampled   frames looked at
     * @param boardsFound     of which the board was found in
     * @param intrinsicRmsPx  calibrateCamera's RMS reprojection error over those views
     * @param sharedWithFirst moments at which this camera and the first both saw the board (0 for the first)
     * @param stereoRmsPx     stereoCalibrate's RMS over both cameras' views of those moments (NaN for the first)
     */
    public record CameraReport(String name, int width, int height, int framesSampled, int boardsFound,
                               double intrinsicRmsPx, int sharedWithFirst, double stereoRmsPx) {
        /** The error a clinician should read for this camera: the larger of its two fits. */
        public double reprojectionErrorPx() {
            return Double.isFinite(stereoRmsPx) ? Math.max(intrinsicRmsPx, stereoRmsPx) : intrinsicRmsPx;
        }
    }

    public record Result(Calibration calibration, List<CameraReport> cameras) {}

    /** A camera's calibration cannot be made from its video; the message says which camera and why. */
    public static final class CalibrationFailedException extends RuntimeException {
        public CalibrationFailedException(String message) { super(message); }
    }

    private static final int MIN_VIEWS = 4;

    private final Board board;
    private final Settings settings;

    public CheckerboardCalibrator(Board board, Settings settings) {
        this.board = board;
        this.settings = settings;
    }

    public Result calibrate(List<CameraVideo> videos) {
        if (videos.isEmpty()) throw new IllegalArgumentException("no checkerboard video given");
        List<Detections> found = new ArrayList<>();
        for (CameraVideo v : videos) found.add(detect(v));
        List<double[]> k = new ArrayList<>(), d = new ArrayList<>();
        double[] intrinsicRms = new double[videos.size()];
        for (int i = 0; i < found.size(); i++) {
            Detections det = found.get(i);
            if (det.views.size() < MIN_VIEWS) {
                throw new CalibrationFailedException(String.format(Locale.ROOT,
                        "camera %s: the %dx%d board was found in %d of %d frames looked at; at least %d are needed: film the whole board, "
                                + "tilted in several directions, across the image", det.name, board.cols(), board.rows(), det.views.size(),
                        det.sampled, MIN_VIEWS));
            }
            double[][] kd = intrinsics(det);
            k.add(kd[0]);
            d.add(kd[1]);
            intrinsicRms[i] = kd[2][0];
        }
        List<Camera> cameras = new ArrayList<>();
        List<CameraReport> reports = new ArrayList<>();
        double[] errors = new double[videos.size()];
        for (int i = 0; i < found.size(); i++) {
            Detections det = found.get(i);
            double[] r = {1, 0, 0, 0, 1, 0, 0, 0, 1};
            double[] t = new double[3];
            double stereoRms = Double.NaN;
            int shared = 0;
            if (i > 0) {
                List<Long> slots = new ArrayList<>(found.getFirst().views.keySet());
                slots.retainAll(det.views.keySet());
                shared = slots.size();
                if (shared == 0) {
                    throw new CalibrationFailedException("camera " + det.name + " never saw the board at the same moment as camera "
                            + found.getFirst().name + " (the first camera, which sets the world frame): film the board where both see it");
                }
                double[][] rt = relativePose(found.getFirst(), det, slots, k.getFirst(), d.getFirst(), k.get(i), d.get(i));
                r = rt[0];
                t = rt[1];
                stereoRms = rt[2][0];
            }
            cameras.add(new Camera(det.name, det.width, det.height, k.get(i), d.get(i), r, t));
            CameraReport report = new CameraReport(det.name, det.width, det.height, det.sampled, det.views.size(), intrinsicRms[i], shared, stereoRms);
            reports.add(report);
            errors[i] = report.reprojectionErrorPx();
        }
        String source = String.format(Locale.ROOT, "checkerboard %dx%d %.4f m", board.cols(), board.rows(), board.squareM());
        return new Result(new Calibration(cameras, Calibration.firstCameraUp(cameras), errors, source), reports);
    }

    /** Board views of one camera, keyed by sample slot (the moment), so cameras can be paired by time. */
    private static final class Detections {
        final String name;
        final TreeMap<Long, BoardView> views = new TreeMap<>();
        int sampled, width, height;

        Detections(String name) { this.name = name; }
    }

    private Detections detect(CameraVideo v) {
        Detections det = new Detections(v.name());
        BoardDetector detector = new BoardDetector(board);
        double step = settings.sampleEveryS();
        long lastSlot = Long.MIN_VALUE;
        try (GrayFrames src = v.frames().get()) {
            for (var f = src.next(); f.isPresent(); f = src.next()) {
                GrayFrame frame = f.get();
                det.width = frame.width();
                det.height = frame.height();
                long slot = Math.round(frame.timeS() / step);
                if (slot == lastSlot) continue;
                lastSlot = slot;
                det.sampled++;
                detector.detect(frame).ifPresent(view -> det.views.put(slot, view));
            }
        }
        if (det.sampled == 0) throw new CalibrationFailedException("camera " + v.name() + ": the video has no frames");
        return det;
    }

    /** K (9), distortion (5) and the RMS error, from up to maxIntrinsicViews views spread over the video. */
    private double[][] intrinsics(Detections det) {
        List<BoardView> all = new ArrayList<>(det.views.values());
        List<BoardView> used = new ArrayList<>();
        int n = Math.min(all.size(), settings.maxIntrinsicViews());
        for (int i = 0; i < n; i++) used.add(all.get((int) ((long) i * all.size() / n)));
        try (PointerScope scope = new PointerScope()) {
            Point3fVectorVector obj = new Point3fVectorVector();
            Point2fVectorVector img = new Point2fVectorVector();
            for (BoardView v : used) {
                obj.push_back(objectPoints());
                img.push_back(imagePoints(v));
            }
            Mat kMat = new Mat(), dMat = new Mat();
            double rms = calibrateCamera(obj, img, new Size(det.width, det.height), kMat, dMat, new MatVector(), new MatVector(),
                    CALIB_FIX_K3, new TermCriteria(TermCriteria.COUNT | TermCriteria.EPS, 100, 1e-9));
            return new double[][]{OpenCvMats.values(kMat), java.util.Arrays.copyOf(OpenCvMats.values(dMat), 5), {rms}};
        }
    }

    /** R (9), t (3) taking the first camera's frame to this camera's, and the stereo RMS. */
    private double[][] relativePose(Detections first, Detections other, List<Long> slots, double[] k0, double[] d0, double[] k1, double[] d1) {
        try (PointerScope scope = new PointerScope()) {
            Point3fVectorVector obj = new Point3fVectorVector();
            Point2fVectorVector img0 = new Point2fVectorVector(), img1 = new Point2fVectorVector();
            for (long slot : slots) {
                obj.push_back(objectPoints());
                img0.push_back(imagePoints(first.views.get(slot)));
                img1.push_back(imagePoints(other.views.get(slot)));
            }
            Mat r = new Mat(), t = new Mat();
            double rms = stereoCalibrate(obj, img0, img1, OpenCvMats.of(k0, 3, 3), OpenCvMats.of(d0, 1, 5), OpenCvMats.of(k1, 3, 3),
                    OpenCvMats.of(d1, 1, 5), new Size(other.width, other.height), r, t, new Mat(), new Mat(), CALIB_FIX_INTRINSIC,
                    new TermCriteria(TermCriteria.COUNT | TermCriteria.EPS, 100, 1e-9));
            return new double[][]{OpenCvMats.values(r), OpenCvMats.values(t), {rms}};
        }
    }

    private Point3fVector objectPoints() {
        Point3f[] p = new Point3f[board.corners()];
        for (int i = 0; i < p.length; i++) {
            double[] c = board.corner(i);
            p[i] = new Point3f((float) c[0], (float) c[1], 0f);
        }
        return new Point3fVector(p);
    }

    private static Point2fVector imagePoints(BoardView v) {
        Point2f[] p = new Point2f[v.corners().length / 2];
        for (int i = 0; i < p.length; i++) p[i] = new Point2f(v.corners()[2 * i], v.corners()[2 * i + 1]);
        return new Point2fVector(p);
    }
}
