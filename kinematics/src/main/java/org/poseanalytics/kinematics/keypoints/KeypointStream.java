package org.poseanalytics.kinematics.keypoints;

import java.util.function.Consumer;
import org.poseanalytics.pose.FramePoses;

/**
 * A keypoint file after its first pass ({@link KeypointReader#scan}): its header, and its frames still on disk. An hour of
 * landmarks is tens of megabytes of JSON and ten million numbers; read whole it would not fit a server's heap, so frames
 * are read one at a time and handed on.
 */
public interface KeypointStream {
    KeypointHeader header();

    /**
     * Reads the frames in order, handing each to {@code sink} before the next is read, so that memory does not grow with
     * the file's length. A frame that cannot be read ends it with the file and frame in the message; the frames before it
     * have been handed on. Each call reads the file again.
     */
    KeypointSummary frames(Consumer<FramePoses> sink) throws KeypointFileException;
}
