package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import org.poseanalytics.tracking.point.PointTrajectory;

/**
 * A point a user clicked on the analysis page and had followed, as stored: {@code trajectory.pointId()} is its number
 * within the analysis ("Point 2"), {@code id} the row to remove it by.
 */
public record TrackedPath(long id, long analysisId, PointTrajectory trajectory, String createdBy, OffsetDateTime createdAt) {
    public int number() { return trajectory.pointId(); }
}
