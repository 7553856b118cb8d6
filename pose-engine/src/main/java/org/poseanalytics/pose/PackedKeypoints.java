package org.poseanalytics.pose;

import java.util.List;

/**
 * A pose's landmarks as one float32 array instead of an object per landmark: a long video's tracks hold every frame's
 * poses until the video ends, and 33 {@link Keypoint} objects of five doubles cost ~1.9 KB a frame where these floats
 * cost 0.66 KB (docs/BENCHMARKS.md, "Long videos, flat memory"). float32 is the precision the models give and the
 * database stores; a {@link Keypoint} is made again on each read. Immutable, like the {@code List.copyOf} it replaces.
 */
final class PackedKeypoints extends PackedFloats<Keypoint> {
    private static final int STRIDE = 5;

    private PackedKeypoints(float[] v) { super(v); }

    @Override
    int stride() { return STRIDE; }

    static List<Keypoint> of(List<Keypoint> keypoints) {
        if (keypoints instanceof PackedKeypoints p) return p;
        float[] v = new float[keypoints.size() * STRIDE];
        int i = 0;
        for (Keypoint k : keypoints) {
            v[i++] = (float) k.x();
            v[i++] = (float) k.y();
            v[i++] = (float) k.z();
            v[i++] = (float) k.visibility();
            v[i++] = (float) k.presence();
        }
        return new PackedKeypoints(v);
    }

    @Override
    Keypoint at(float[] v, int i) { return new Keypoint(v[i], v[i + 1], v[i + 2], v[i + 3], v[i + 4]); }
}
