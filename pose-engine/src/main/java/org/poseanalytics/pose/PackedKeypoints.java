package org.poseanalytics.pose;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A pose's landmarks as one float32 array instead of an object per landmark: a long video's tracks hold every frame's
 * poses until the video ends, and 33 {@link Keypoint} objects of five doubles cost ~1.9 KB a frame where these floats
 * cost 0.66 KB (docs/BENCHMARKS.md, "Long videos, flat memory"). float32 is the precision the models give and the
 * database stores; a {@link Keypoint} is made again on each read. Immutable, like the {@code List.copyOf} it replaces.
 */
final class PackedKeypoints extends AbstractList<Keypoint> implements RandomAccess {
    private static final int STRIDE = 5;
    /** The floats while on the heap; null once spilled ({@link #spillTo}), when {@code spill} and {@code offset} say where they are. */
    private volatile float[] v;
    private final int length;
    private PoseSpill spill;
    private long offset;

    private PackedKeypoints(float[] v) {
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
    public Keypoint get(int index) {
        int i = index * STRIDE;
        if (index < 0 || i >= length) throw new IndexOutOfBoundsException(index);
        float[] v = floats();
        return new Keypoint(v[i], v[i + 1], v[i + 2], v[i + 3], v[i + 4]);
    }

    @Override
    public int size() { return length / STRIDE; }
}
