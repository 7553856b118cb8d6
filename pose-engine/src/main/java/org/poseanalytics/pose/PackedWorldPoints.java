package org.poseanalytics.pose;

import java.util.List;

/** A pose's world landmarks as one float32 array, for the reason {@link PackedKeypoints} gives (~1.3 KB a frame down to 0.4 KB). */
final class PackedWorldPoints extends PackedFloats<WorldPoint> {
    private static final List<WorldPoint> NONE = new PackedWorldPoints(new float[0]);

    private PackedWorldPoints(float[] v) { super(v); }

    @Override
    int stride() { return 3; }

    static List<WorldPoint> of(List<WorldPoint> world) {
        if (world instanceof PackedWorldPoints p) return p;
        if (world.isEmpty()) return NONE;
        float[] v = new float[world.size() * 3];
        int i = 0;
        for (WorldPoint w : world) {
            v[i++] = (float) w.x();
            v[i++] = (float) w.y();
            v[i++] = (float) w.z();
        }
        return new PackedWorldPoints(v);
    }

    @Override
    WorldPoint at(float[] v, int i) { return new WorldPoint(v[i], v[i + 1], v[i + 2]); }
}
