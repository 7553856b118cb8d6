package org.poseanalytics.pose.video;

import java.util.Optional;

/** A forward stream of grey frames in time order. */
public interface GrayFrames extends AutoCloseable {
    /** The next frame, or empty at the end of the video. */
    Optional<GrayFrame> next();

    @Override
    void close();
}
