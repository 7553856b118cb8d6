package org.poseanalytics.web.recording;

import java.util.List;

/**
 * A session's multi-camera recording: its videos in the calibration's camera order, the calibration file's name and
 * cameras, and how far its triangulation job is ({@code state} queued, running, succeeded or failed; {@code message}
 * why it failed; {@code fraction} 0 to 1), with the stored analysis once it succeeded; {@code model} the pose model asked
 * for (null: the workers' default).
 */
public record MultiViewRecording(long id, long sessionId, List<Long> videoIds, String calibrationName, List<String> cameraNames,
                                 String state, String message, double fraction, Long analysisId, String model) {
    public MultiViewRecording {
        videoIds = List.copyOf(videoIds);
        cameraNames = List.copyOf(cameraNames);
    }
}
