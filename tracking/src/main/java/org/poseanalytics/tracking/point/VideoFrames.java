package org.poseanalytics.tracking.point;

import java.util.Optional;
import org.poseanalytics.pose.video.GrayFrame;
import org.poseanalytics.pose.video.GrayFrames;

/**
 * A video that can be read from the start more than once. Tracking a point backwards in time re-reads the
 * video in chunks instead of holding every frame in memory, so a source must be re-openable: the pose engine's
 * {@code videoSource::gray} (rotation applied, so points share the keypoints' coordinates) or a synthetic one.
 */
@FunctionalInterface
public interface VideoFrames {
    GrayFrames open();

    /** The same video, running {@code onFrame} after every frame read on any pass (a progress count). */
    static VideoFrames onEachFrame(VideoFrames video, Runnable onFrame) {
        return () -> {
            GrayFrames frames = video.open();
            return new GrayFrames() {
                @Override
                public Optional<GrayFrame> next() {
                    Optional<GrayFrame> f = frames.next();
                    if (f.isPresent()) onFrame.run();
                    return f;
                }

                @Override
                public void close() { frames.close(); }
            };
        };
    }
}
