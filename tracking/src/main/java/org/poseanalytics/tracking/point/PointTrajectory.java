package org.poseanalytics.tracking.point;

import java.util.List;

/** One picked point followed through the whole video, one entry per frame in time order. */
public record PointTrajectory(int pointId, PointSpec spec, long anchorFrame, List<TrackedPoint> points) {
    public PointTrajectory {
        points = List.copyOf(points);
    }

    /** Frames where the point was followed (not occluded), e.g. "followed in 40 of 52 frames". */
    public int framesSeen() {
        return (int) points.stream().filter(p -> !p.occluded()).count();
    }
}
