package org.poseanalytics.tracking.identity;

import org.poseanalytics.pose.PersonPose;

/** A person in one frame with the id of the track it joined; {@code weak} when it came from the low-score pass. */
public record TrackedPerson(int trackId, PersonPose pose, boolean weak) {}
