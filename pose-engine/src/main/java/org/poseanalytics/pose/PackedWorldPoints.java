package org.poseanalytics.pose;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A pose's world landmarks as one float32 array, for the reason {@link PackedKeypoints} gives (~1.3 KB a frame down to 0.4 KB). */
final class PackedWorldPoints extends AbstractList<WorldPoint> implements RandomAccess {
    private static final List<WorldPoint> NONE = new PackedWorldPoints(new float[0]);
    /** The floats while on the heap; null once spilled ({@link #spillTo}), when {@code spill} and {@code offset} say where they are. */
    private volatile float[] v;
    private final int length;
    private PoseSpill spill;
    private long offset;

    private PackedWorldPoints(float[] v) {
        this.v = v;
        this.length = v.length;
    }

    private float[] floats() {
        float[] a = v;
        return a != null ? a : spill.read(offset, length);
    }

    /** Moves the floats to {@code to} (once; later calls do nothing). Readers see either the array or the spilled copy. */
    synchronized void spillTo(PoseSpill to) {
        if (v == null || length == 0) return;
        offset = to.write(v);
        spill = to;
        v = null; // a volatile write: publishes spill and offset to readers that then see null
    }

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
    public WorldPoint get(int index) {
        int i = index * 3;
        if (index < 0 || i >= length) throw new IndexOutOfBoundsException(index);
        float[] v = floats();
        return new WorldPoint(v[i], v[i + 1], v[i + 2]);
    }

    @Override
    public int size() { return length / 3; }
}
