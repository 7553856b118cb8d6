package org.poseanalytics.kinematics.keypoints.layout;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * How other tools' keypoint names map onto our model's ({@link Skeleton#BLAZEPOSE_33}); docs/KEYPOINTS.md has the table.
 * Imports are held in BlazePose's 33 landmarks because it is the widest set we analyse: a keypoint the other tool does not
 * have stays missing (never derived from its neighbours), and one we have no place for is left out and named.
 *
 * <p>OpenPose's big toe is taken as BlazePose's foot index (the tip of the foot, which BlazePose places at the big and
 * second toes); its small toe, neck and mid-hip have no BlazePose counterpart. Pose2Sim's HALPE_26 and Sports2D markers use
 * OpenPose's names (plus Head and Hip, also without a counterpart).
 */
public final class BodyParts {
    /** Imported poses are held in this skeleton. */
    public static final Skeleton SKELETON = Skeleton.BLAZEPOSE_33;

    /** OpenPose BODY_25, in its output order (pose_keypoints_2d holds 25 × (x, y, c)). */
    public static final List<String> BODY_25 = List.of(
            "Nose", "Neck", "RShoulder", "RElbow", "RWrist", "LShoulder", "LElbow", "LWrist", "MidHip",
            "RHip", "RKnee", "RAnkle", "LHip", "LKnee", "LAnkle", "REye", "LEye", "REar", "LEar",
            "LBigToe", "LSmallToe", "LHeel", "RBigToe", "RSmallToe", "RHeel");

    /** OpenPose's COCO model (18 keypoints: COCO's 17 plus Neck), in its output order. */
    public static final List<String> COCO_18 = List.of(
            "Nose", "Neck", "RShoulder", "RElbow", "RWrist", "LShoulder", "LElbow", "LWrist",
            "RHip", "RKnee", "RAnkle", "LHip", "LKnee", "LAnkle", "REye", "LEye", "REar", "LEar");

    /** OpenPose / Pose2Sim name → BlazePose name. Names not here (Neck, MidHip, Hip, Head, small toes) are not imported. */
    private static final Map<String, String> OPENPOSE_TO_BLAZEPOSE = Map.ofEntries(
            Map.entry("Nose", "nose"),
            Map.entry("REye", "right_eye"), Map.entry("LEye", "left_eye"),
            Map.entry("REar", "right_ear"), Map.entry("LEar", "left_ear"),
            Map.entry("RShoulder", "right_shoulder"), Map.entry("LShoulder", "left_shoulder"),
            Map.entry("RElbow", "right_elbow"), Map.entry("LElbow", "left_elbow"),
            Map.entry("RWrist", "right_wrist"), Map.entry("LWrist", "left_wrist"),
            Map.entry("RHip", "right_hip"), Map.entry("LHip", "left_hip"),
            Map.entry("RKnee", "right_knee"), Map.entry("LKnee", "left_knee"),
            Map.entry("RAnkle", "right_ankle"), Map.entry("LAnkle", "left_ankle"),
            Map.entry("RHeel", "right_heel"), Map.entry("LHeel", "left_heel"),
            Map.entry("RBigToe", "right_foot_index"), Map.entry("LBigToe", "left_foot_index"));

    /** The OpenPose confidence that counts as "seen": Sports2D's and Pose2Sim's default likelihood threshold. */
    public static final double OPENPOSE_SEEN_CONFIDENCE = 0.3;
    /** Our filter chain's visibility gate, which that confidence is made to meet. */
    public static final double SEEN_VISIBILITY = 0.5;

    private BodyParts() {}

    /**
     * OpenPose's confidence is a heatmap peak, not a probability that the point is visible: visibility = min(1, c × 0.5 / 0.3),
     * so that what Sports2D and Pose2Sim keep (c ≥ 0.3) is what our filter chain keeps (visibility ≥ 0.5).
     */
    public static double visibilityOfOpenPose(double confidence) { return Math.min(1, confidence * SEEN_VISIBILITY / OPENPOSE_SEEN_CONFIDENCE); }

    /** The inverse for the export, so a round trip keeps the visibility (up to 1). */
    public static double openPoseConfidence(double visibility) { return visibility * OPENPOSE_SEEN_CONFIDENCE / SEEN_VISIBILITY; }

    /** The BlazePose landmark index of an OpenPose/Pose2Sim name, or empty when it has none. */
    public static Optional<Integer> fromOpenPose(String name) {
        String ours = OPENPOSE_TO_BLAZEPOSE.get(name);
        return ours == null ? Optional.empty() : Optional.of(SKELETON.indexOf(ours));
    }

    /**
     * A marker name of a .trc file: our own landmark names (what {@code keypoints.trc} holds, BlazePose or COCO-17 names,
     * any case), else OpenPose/Pose2Sim/Sports2D names (RKnee, LBigToe, ...). Empty when it names nothing we have.
     */
    public static Optional<Integer> fromMarker(String marker) {
        String name = marker.trim();
        int ours = SKELETON.indexOf(name.toLowerCase(Locale.ROOT));
        if (ours >= 0) return Optional.of(ours);
        for (var e : OPENPOSE_TO_BLAZEPOSE.entrySet())
            if (e.getKey().equalsIgnoreCase(name)) return Optional.of(SKELETON.indexOf(e.getValue()));
        return Optional.empty();
    }
}
