package org.poseanalytics.kinematics.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.poseanalytics.kinematics.keypoints.layout.BodyParts;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.Tracks;
import tools.jackson.databind.json.JsonMapper;

/**
 * keypoints.json: every tracked person in every frame in OpenPose's BODY_25 layout, so tools that read OpenPose (Sports2D,
 * Pose2Sim, Kinovea through them) take our poses. Each entry of {@code frames} is exactly what OpenPose writes per frame
 * ({@code version}, {@code people} with {@code person_id} = our track id and {@code pose_keypoints_2d} = 25 × (x, y, c) in
 * pixels of the displayed frame), plus its {@code frame} and {@code time_s}; the file's head states fps and frame size, so
 * {@code analyze --keypoints keypoints.json} needs no options. Names map by {@link BodyParts}; c is
 * {@link BodyParts#openPoseConfidence} of our visibility; a keypoint not seen is (0, 0, 0) as in OpenPose. Neck and MidHip,
 * which our models lack, are written as the midpoints of the shoulders and of the hips when both are seen (c the smaller),
 * as OpenPose's consumers expect them; the import ignores them. The small toes are always (0, 0, 0).
 */
public final class OpenPoseJsonWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record File(String format, String layout, double fps, int width, int height, String mapping, List<Frame> frames) {}

    public record Frame(long frame, @JsonProperty("time_s") double timeS, double version, List<Person> people) {}

    public record Person(@JsonProperty("person_id") int[] personId, @JsonProperty("pose_keypoints_2d") double[] poseKeypoints2d) {}

    private OpenPoseJsonWriter() {}

    public static void write(Tracks tracks, double fps, int width, int height, Writer w) {
        // Each frame is made as the serializer reaches it and dropped after: a list of every frame's records first
        // would cost ~0.8 KB a frame at once, 86 MB for an hour at 30 fps.
        List<TrackedFrame> tracked = tracks.frames();
        List<Frame> frames = new java.util.AbstractList<>() {
            @Override
            public Frame get(int i) {
                TrackedFrame f = tracked.get(i);
                List<Person> people = new ArrayList<>();
                for (TrackedPerson p : f.persons()) people.add(new Person(new int[]{p.trackId()}, body25(p.pose())));
                return new Frame(f.frameIndex(), round(f.timeS(), 6), 1.3, people);
            }

            @Override
            public int size() { return tracked.size(); }
        };
        JSON.writeValue(w, new File("openpose", "BODY_25", round(fps, 6), width, height, "docs/KEYPOINTS.md", frames));
    }

    /** One person's 25 × (x, y, c). */
    static double[] body25(PersonPose pose) {
        double[] out = new double[75];
        List<String> names = BodyParts.BODY_25;
        for (int j = 0; j < names.size(); j++) {
            Keypoint k = switch (names.get(j)) {
                case "Neck" -> midpoint(pose, "left_shoulder", "right_shoulder");
                case "MidHip" -> midpoint(pose, "left_hip", "right_hip");
                default -> ours(pose, names.get(j));
            };
            if (k == null || k.isMissing()) continue;
            out[3 * j] = round(k.x(), 3);
            out[3 * j + 1] = round(k.y(), 3);
            out[3 * j + 2] = round(BodyParts.openPoseConfidence(k.visibility()), 6);
        }
        return out;
    }

    /** Our keypoint for an OpenPose name, or null when we have none. */
    private static Keypoint ours(PersonPose pose, String openPoseName) {
        int l = BodyParts.fromOpenPose(openPoseName).map(i -> pose.skeleton().indexOf(BodyParts.SKELETON.name(i))).orElse(-1);
        return l < 0 ? null : pose.keypoint(l);
    }

    private static Keypoint midpoint(PersonPose pose, String a, String b) {
        Skeleton s = pose.skeleton();
        int ia = s.indexOf(a), ib = s.indexOf(b);
        if (ia < 0 || ib < 0) return null;
        Keypoint ka = pose.keypoint(ia), kb = pose.keypoint(ib);
        if (ka.isMissing() || kb.isMissing()) return Keypoint.MISSING;
        double v = Math.min(ka.visibility(), kb.visibility());
        return new Keypoint((ka.x() + kb.x()) / 2, (ka.y() + kb.y()) / 2, 0, v, v);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
