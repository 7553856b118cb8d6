package org.poseanalytics.web.analysis;

import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * One person the tracker followed (a confirmed track), on the frames where they were seen, as stored by
 * {@link TrackCodec}: the track id the tracking module gave them and their raw keypoints.
 */
public record TrackSeries(int trackId, KeypointSeries series) {}
