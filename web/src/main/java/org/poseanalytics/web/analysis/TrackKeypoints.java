package org.poseanalytics.web.analysis;

/** One tracked person (confirmed track), on the frames where the track was seen. */
public record TrackKeypoints(int trackId, Keypoints keypoints) {}
