package org.poseanalytics.tracking.point;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PointTrajectoryTest {
    @Test
    void framesSeenCountsTheFramesWhereThePointWasNotOccluded() {
        PointTrajectory t = new PointTrajectory(1, new PointSpec(10, 20, 0), 0, List.of(
                new TrackedPoint(0, 0.0, 10, 20, 0.9, false),
                new TrackedPoint(1, 0.1, Double.NaN, Double.NaN, 0, true),
                new TrackedPoint(2, 0.2, 12, 19, 0.8, false),
                new TrackedPoint(3, 0.3, Double.NaN, Double.NaN, 0.1, true)));
        assertThat(t.framesSeen()).isEqualTo(2);
        assertThat(new PointTrajectory(2, new PointSpec(0, 0, 0), 0, List.of()).framesSeen()).isZero();
    }
}
