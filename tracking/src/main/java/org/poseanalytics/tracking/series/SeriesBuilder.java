package org.poseanalytics.tracking.series;

import java.util.List;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.WorldPoint;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.Tracks;

/**
 * Turns one track into a raw {@link KeypointSeries} over every frame of the video: frames where the person
 * is absent are gaps. Values are as the model gave them (label "raw"); low-visibility points are kept here
 * with their visibility and become gaps in the filter chain.
 */
public final class SeriesBuilder {
    private SeriesBuilder() {}

    public static KeypointSeries raw(Tracks tracks, int trackId) {
        if (!tracks.trackIds().contains(trackId)) {
            throw new IllegalArgumentException("no track " + trackId + " in this video; tracks are " + tracks.trackIds());
        }
        List<TrackedFrame> frames = tracks.frames();
        Skeleton skeleton = null;
        boolean world = false;
        for (TrackedFrame f : frames) {
            var p = f.person(trackId);
            if (p.isPresent()) {
                skeleton = p.get().pose().skeleton();
                world |= p.get().pose().hasWorld();
            }
        }
        KeypointSeries s = KeypointSeries.empty(skeleton, tracks.frameIndices(), tracks.timesS(), world, "raw");
        for (int i = 0; i < frames.size(); i++) {
            var p = frames.get(i).person(trackId);
            if (p.isEmpty()) continue;
            put(s, i, p.get().pose());
        }
        return s;
    }

    /** Writes one pose into sample i of a series of the same skeleton. */
    public static void put(KeypointSeries s, int i, PersonPose pose) {
        if (pose.skeleton() != s.skeleton()) {
            throw new IllegalArgumentException("pose is " + pose.skeleton() + " but the series is " + s.skeleton());
        }
        // A pose holds float32 (PersonPose packs it), so the casts lose nothing.
        for (int k = 0; k < s.skeleton().size(); k++) {
            Keypoint kp = pose.keypoint(k);
            s.x().set(k, i, (float) kp.x());
            s.y().set(k, i, (float) kp.y());
            s.z().set(k, i, (float) kp.z());
            s.visibility().set(k, i, (float) kp.visibility());
            if (s.hasWorld() && pose.hasWorld() && k < pose.world().size()) {
                WorldPoint w = pose.world().get(k);
                s.worldX().set(k, i, (float) w.x());
                s.worldY().set(k, i, (float) w.y());
                s.worldZ().set(k, i, (float) w.z());
            }
        }
    }

    /** A series from a plain list of poses (one per frame, null = absent), for callers without a tracker. */
    public static KeypointSeries fromPoses(Skeleton skeleton, long[] frames, double[] timesS, List<PersonPose> poses) {
        if (poses.size() != frames.length) throw new IllegalArgumentException("need one pose (or null) per frame");
        boolean world = poses.stream().anyMatch(p -> p != null && p.hasWorld());
        KeypointSeries s = KeypointSeries.empty(skeleton, frames, timesS, world, "raw");
        for (int i = 0; i < poses.size(); i++) if (poses.get(i) != null) put(s, i, poses.get(i));
        return s;
    }

}
