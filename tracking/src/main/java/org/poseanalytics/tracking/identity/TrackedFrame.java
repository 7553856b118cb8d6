package org.poseanalytics.tracking.identity;

import java.util.List;
import java.util.Optional;

/** One frame after identity assignment: every person that joined a track, by track id. */
public record TrackedFrame(long frameIndex, double timeS, int width, int height, List<TrackedPerson> persons) {
    public TrackedFrame {
        persons = List.copyOf(persons);
    }

    public Optional<TrackedPerson> person(int trackId) {
        return persons.stream().filter(p -> p.trackId() == trackId).findFirst();
    }
}
