package org.poseanalytics.web.analysis;

import java.util.List;

/**
 * A multi-camera analysis as stored: the recording it came from, the calibration, how the clocks were lined up, each
 * camera (its video and the video's id, its clock offset in seconds, the median reprojection error of its view of the subject against the
 * first camera's, the share of triangulated points it took part in) and the triangulation's reprojection error over all
 * points (pixels; its quality: the larger, the less the views agree).
 */
public record MultiViewFacts(long recordingId, String calibrationSource, String syncMethod, List<Camera> cameras,
                             double reprojectionMeanPx, double reprojectionP95Px, int points, List<String> warnings) {
    public MultiViewFacts {
        cameras = List.copyOf(cameras);
        warnings = List.copyOf(warnings);
    }

    /** {@code videoId}: the stored video of this camera in the recording. */
    public record Camera(String name, String video, long videoId, double syncOffsetS, double matchErrorPx, double pointsShare) {}
}
