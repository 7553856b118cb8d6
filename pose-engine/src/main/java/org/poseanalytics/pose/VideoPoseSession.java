package org.poseanalytics.pose;

import java.util.List;
import org.poseanalytics.pose.image.Picture;

/**
 * A pose model following one video frame by frame. Stateful (BlazePose reuses the last frame's landmarks as this
 * frame's region of interest and smooths over time), so one session per video, frames in stream order, one thread.
 */
public interface VideoPoseSession extends AutoCloseable {

    /**
     * The persons in this frame; {@code timeS} is the frame's stream timestamp (drives the smoothing rate). The
     * frame's buffers may be reused once this returns.
     */
    List<PersonPose> next(Picture frame, double timeS);

    /** Time spent so far per stage (e.g. detect, landmarks), for progress logs and the bench command. */
    default StageTimings timings() { return new StageTimings(); }

    @Override
    default void close() {}
}
