package org.poseanalytics.pose;

import java.util.List;

/**
 * Every person found in one decoded frame. {@code timeS} comes from the stream's own timestamps (seconds
 * from the stream start), never from index / fps. Width and height are of the displayed frame.
 */
public record FramePoses(long frameIndex, double timeS, int width, int height, List<PersonPose> persons) {
    public FramePoses {
        persons = List.copyOf(persons);
    }
}
