package org.poseanalytics.pose.skeleton;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The landmark sets our models produce. Names are snake case as written in CSV headers; "left" and
 * "right" are the person's own sides.
 */
public enum Skeleton {
    BLAZEPOSE_33(List.of(
            "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye", "right_eye_outer",
            "left_ear", "right_ear", "mouth_left", "mouth_right",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_pinky", "right_pinky", "left_index", "right_index", "left_thumb", "right_thumb",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle",
            "left_heel", "right_heel", "left_foot_index", "right_foot_index"),
            new int[][]{
                    {11, 12}, {11, 13}, {13, 15}, {12, 14}, {14, 16}, {11, 23}, {12, 24}, {23, 24},
                    {23, 25}, {25, 27}, {27, 29}, {29, 31}, {27, 31}, {24, 26}, {26, 28}, {28, 30}, {30, 32}, {28, 32},
                    {0, 2}, {0, 5}, {2, 7}, {5, 8}, {9, 10}, {15, 19}, {16, 20}}),
    COCO_17(List.of(
            "nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"),
            new int[][]{
                    {5, 6}, {5, 7}, {7, 9}, {6, 8}, {8, 10}, {5, 11}, {6, 12}, {11, 12},
                    {11, 13}, {13, 15}, {12, 14}, {14, 16}, {0, 1}, {0, 2}, {1, 3}, {2, 4}});

    private final List<String> names;
    private final int[][] bones;
    private final Map<String, Integer> index;
    private final int[] mirror;

    Skeleton(List<String> names, int[][] bones) {
        this.names = names;
        this.bones = bones;
        this.index = IntStream.range(0, names.size()).boxed()
                .collect(Collectors.toUnmodifiableMap(names::get, Function.identity()));
        this.mirror = IntStream.range(0, names.size()).map(i -> index.get(mirrorName(names.get(i)))).toArray();
    }

    private static String mirrorName(String name) {
        if (name.startsWith("left_")) return "right_" + name.substring(5);
        if (name.startsWith("right_")) return "left_" + name.substring(6);
        if (name.endsWith("_left")) return name.substring(0, name.length() - 5) + "_right";
        if (name.endsWith("_right")) return name.substring(0, name.length() - 6) + "_left";
        return name;
    }

    public int size() { return names.size(); }

    public List<String> names() { return names; }

    public String name(int landmark) { return names.get(landmark); }

    /** Index of a landmark by its snake-case name, or -1 when this skeleton has no such landmark. */
    public int indexOf(String name) { return index.getOrDefault(name, -1); }

    /** Pairs of landmark indices drawn as the skeleton's bones. */
    public int[][] bones() { return bones; }

    /** The landmark on the other side of the body (itself for midline points such as the nose). */
    public int mirror(int landmark) { return mirror[landmark]; }
}
