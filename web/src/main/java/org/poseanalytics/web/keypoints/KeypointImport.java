package org.poseanalytics.web.keypoints;

import org.poseanalytics.kinematics.keypoints.KeypointFiles;
import org.poseanalytics.kinematics.keypoints.KeypointFormat;
import org.poseanalytics.web.analysis.JobProgress;

/**
 * A stored keypoint upload and its queued analysis: the file's row, the video row the analysis belongs to (the video it
 * was attached to, or its own row without a video), what its content was found to be, and the job.
 */
public record KeypointImport(long keypointFileId, long videoId, boolean withVideo, String originalName, long sizeBytes,
                             KeypointFormat format, KeypointFiles.Packaging packaging, int files, JobProgress job) {
    /** e.g. "OpenPose JSON (.zip of 270 frames)". */
    public String describe() {
        return format.label() + switch (packaging) {
            case ZIP -> " JSON (.zip of " + files + " frame files)";
            case JSON -> " JSON";
            case TRC -> " marker file (.trc)";
        };
    }
}
