package org.poseanalytics.web.recording;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A calibration made in the app from one checkerboard video per camera: the board ({@code columns} × {@code rows}
 * inner corners, squares {@code squareM} metres), the cameras, how far its job is ({@code state} queued, running,
 * succeeded or failed, {@code message} why it failed) and, once made, each camera's reprojection error in pixels
 * (the larger of its intrinsic and stereo fits: what a clinician should read as the calibration's quality).
 */
public record CheckerboardCalibration(long id, long sessionId, int columns, int rows, double squareM, List<String> cameraNames,
                                      String state, String message, List<Double> reprojectionPx, OffsetDateTime createdAt) {
    public CheckerboardCalibration {
        cameraNames = List.copyOf(cameraNames);
        reprojectionPx = List.copyOf(reprojectionPx);
    }

    /** The name a recording made with it shows for its calibration file (the project's JSON format). */
    public String fileName() { return "checkerboard-calibration-" + id + ".json"; }

    /** "9×6 corners, 30 mm squares". */
    public String board() { return columns + "×" + rows + " corners, " + Math.round(squareM * 1000) + " mm squares"; }
}
