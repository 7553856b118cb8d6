package org.poseanalytics.multiview.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.FileNode;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;

/**
 * OpenCV {@code FileStorage} files (YAML, XML or JSON), in the two layouts found in the wild:
 * <ul>
 *   <li>several cameras (EasyMocap's intri.yml/extri.yml, also in one file): a {@code names} list, and per name
 *       {@code K_<name>}, {@code dist_<name>}, {@code Rot_<name>} (3×3) or {@code R_<name>} (Rodrigues or 3×3),
 *       {@code T_<name>} in metres, optionally {@code H_<name>}/{@code W_<name>} for the image size. When the file
 *       has intrinsics only, the sibling {@code extri.yml} is read for the extrinsics.</li>
 *   <li>one camera as OpenCV's calibration sample writes it: {@code camera_matrix}, {@code distortion_coefficients},
 *       {@code image_width}, {@code image_height}, optional {@code rvec}/{@code tvec} (world = this camera).</li>
 * </ul>
 * Such files do not say where up is: it is taken as the first camera's up (−y of its image).
 */
final class OpenCvCalibrationFile {
    private OpenCvCalibrationFile() {}

    static Calibration read(Path file) {
        String where = file.getFileName().toString();
        FileStorage fs = open(file);
        try {
            if (!fs.get("names").isNone()) return names(fs, file, where);
            if (!fs.get("camera_matrix").isNone()) return single(fs, where);
            throw new CalibrationFormatException(where + ": neither a 'names' list (several cameras) nor a 'camera_matrix' (one camera) found");
        } finally {
            fs.release();
        }
    }

    private static FileStorage open(Path file) {
        if (!Files.isRegularFile(file)) throw new CalibrationFormatException(file + ": no such file");
        try {
            FileStorage fs = new FileStorage(file.toString(), FileStorage.READ);
            if (!fs.isOpened()) throw new CalibrationFormatException(file.getFileName() + ": OpenCV cannot open it as YAML, XML or JSON");
            return fs;
        } catch (RuntimeException e) {
            if (e instanceof CalibrationFormatException c) throw c;
            throw new CalibrationFormatException(file.getFileName() + ": not a readable OpenCV YAML/XML/JSON file: " + e.getMessage(), e);
        }
    }

    private static Calibration names(FileStorage fs, Path file, String where) {
        FileNode names = fs.get("names");
        if (!names.isSeq() || names.size() == 0) throw new CalibrationFormatException(where + ": 'names' must be a non-empty list");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) ids.add(names.at(i).isString() ? names.at(i).string().getString() : String.valueOf((int) names.at(i).real()));
        FileStorage extrinsics = null;
        String first = ids.getFirst();
        if (fs.get("Rot_" + first).isNone() && fs.get("R_" + first).isNone()) {
            Path sibling = file.resolveSibling(file.getFileName().toString().replace("intri", "extri"));
            if (sibling.equals(file) || !Files.isRegularFile(sibling))
                throw new CalibrationFormatException(where + ": no extrinsics (Rot_/R_ and T_) for camera " + first + ", and no extri.yml beside it");
            extrinsics = open(sibling);
        }
        try {
            List<Camera> cams = new ArrayList<>();
            for (String id : ids) {
                String at = where + " camera " + id;
                FileStorage ext = extrinsics != null ? extrinsics : fs;
                double[] k = matrix(fs, "K_" + id, 9, at);
                double[] dist = fs.get("dist_" + id).isNone() ? matrix(fs, "D_" + id, 0, at) : matrix(fs, "dist_" + id, 0, at);
                double[] r;
                if (!ext.get("Rot_" + id).isNone()) r = matrix(ext, "Rot_" + id, 9, at);
                else {
                    double[] rv = matrix(ext, "R_" + id, 0, at);
                    if (rv.length == 3) r = Rotations.fromRodrigues(rv);
                    else if (rv.length == 9) r = rv;
                    else throw new CalibrationFormatException(at + ": R_" + id + " must be a Rodrigues vector or a 3x3 matrix");
                }
                double[] t = matrix(ext, "T_" + id, 3, at);
                // EasyMocap writes no image size; twice the principal point is the usual stand-in (Pose2Sim does the same).
                int w = fs.get("W_" + id).isNone() ? (int) Math.round(2 * k[2] + 1) : fs.get("W_" + id).asInt();
                int h = fs.get("H_" + id).isNone() ? (int) Math.round(2 * k[5] + 1) : fs.get("H_" + id).asInt();
                try {
                    cams.add(new Camera(id, w, h, k, trimZeros(dist), r, t));
                } catch (IllegalArgumentException e) {
                    throw new CalibrationFormatException(at + ": " + e.getMessage(), e);
                }
            }
            return new Calibration(cams, Calibration.firstCameraUp(cams), "opencv-filestorage");
        } finally {
            if (extrinsics != null) extrinsics.release();
        }
    }

    private static Calibration single(FileStorage fs, String where) {
        double[] k = matrix(fs, "camera_matrix", 9, where);
        double[] dist = fs.get("distortion_coefficients").isNone() ? new double[0] : matrix(fs, "distortion_coefficients", 0, where);
        if (fs.get("image_width").isNone() || fs.get("image_height").isNone())
            throw new CalibrationFormatException(where + ": missing image_width / image_height");
        double[] rvec = fs.get("rvec").isNone() ? new double[3] : matrix(fs, "rvec", 3, where);
        double[] tvec = fs.get("tvec").isNone() ? new double[3] : matrix(fs, "tvec", 3, where);
        try {
            Camera c = Camera.ofRodrigues("cam_1", fs.get("image_width").asInt(), fs.get("image_height").asInt(), k, trimZeros(dist), rvec, tvec);
            return new Calibration(List.of(c), Calibration.firstCameraUp(List.of(c)), "opencv-filestorage");
        } catch (IllegalArgumentException e) {
            throw new CalibrationFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static double[] matrix(FileStorage fs, String key, int expected, String at) {
        FileNode n = fs.get(key);
        if (n.isNone()) throw new CalibrationFormatException(at + ": missing '" + key + "'");
        double[] out;
        if (n.isSeq()) {
            out = new double[(int) n.size()];
            for (int i = 0; i < out.length; i++) out[i] = n.at(i).real();
        } else {
            Mat m = n.mat();
            if (m == null || m.empty()) throw new CalibrationFormatException(at + ": '" + key + "' is not an OpenCV matrix");
            Mat d = new Mat();
            m.convertTo(d, CV_64F);
            out = new double[(int) d.total()];
            try (DoubleIndexer idx = d.createIndexer()) {
                int cols = d.cols();
                for (int i = 0; i < out.length; i++) out[i] = idx.get(i / cols, i % cols);
            }
        }
        if (expected > 0 && out.length != expected)
            throw new CalibrationFormatException(at + ": '" + key + "' must hold " + expected + " numbers, found " + out.length);
        return out;
    }

    /** OpenCV writes 5, 8 or 14 coefficients; beyond k3 they must be zero for this model. */
    private static double[] trimZeros(double[] d) {
        int n = d.length;
        while (n > 5 && d[n - 1] == 0) n--;
        return java.util.Arrays.copyOf(d, n);
    }
}
