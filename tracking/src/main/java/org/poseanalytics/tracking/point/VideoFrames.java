package org.poseanalytics.tracking.point;

/**
 * A video that can be read from the start more than once. Tracking a point backwards in time re-reads the
 * video in chunks instead of holding every frame in memory, so a source must be re-openable. The integrator
 * can plug in the pose engine's decoder (rotation applied) with a lambda: {@code () -> new MySource(path)}.
 */
@FunctionalInterface
public interface VideoFrames {
    FrameSource open();
}
