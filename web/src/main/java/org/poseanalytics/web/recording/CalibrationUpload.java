package org.poseanalytics.web.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.MultiViewPipeline;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.web.UserInputException;

/**
 * A calibration file as uploaded, read by the library's readers: the format is told by the file's name (.json, .toml,
 * .qca.txt, .yml/.yaml, .xml), so the bytes are read from a private temporary folder under a cleaned copy of that name.
 */
final class CalibrationUpload {
    /** Calibration files are text of a few kilobytes; anything far larger is not one. */
    static final int MAX_BYTES = 1 << 20;

    private CalibrationUpload() {}

    static Calibration read(String name, byte[] content) {
        if (name == null || name.isBlank()) throw new UserInputException("Choose the calibration file.", "calibration");
        if (content.length == 0) throw new UserInputException("The calibration file “" + name + "” is empty.", "calibration");
        if (content.length > MAX_BYTES) throw new UserInputException("“" + name + "” is too large to be a calibration file.", "calibration");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("calibration");
            Path file = dir.resolve(safeName(name));
            Files.write(file, content);
            try {
                return MultiViewPipeline.readCalibration(file);
            } catch (AnalysisException e) {
                throw new UserInputException("The calibration file could not be read: "
                        + String.valueOf(e.getMessage()).replace(dir.toString() + java.io.File.separator, "")
                        + ". Upload a calibration from pose-analytics calibrate (.json), Pose2Sim/Anipose (.toml),"
                        + " Qualisys (.qca.txt) or OpenCV (.yml, .xml, .json).", "calibration");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not keep the calibration file for reading: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) Files.deleteIfExists(p);
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    /** The user's file name without folders or odd characters, its extension (which tells the format) kept. */
    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isBlank() || base.startsWith(".") ? "calibration" + base : base;
    }
}
