package org.poseanalytics.tracking.point;

import java.util.Optional;

/** A forward stream of frames in time order. */
public interface FrameSource extends AutoCloseable {
    /** The next frame, or empty at the end of the video. */
    Optional<GrayFrame> next();

    @Override
    void close();
}
