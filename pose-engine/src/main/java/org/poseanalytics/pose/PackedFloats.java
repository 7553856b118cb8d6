package org.poseanalytics.pose;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of {@code T} packed as {@link #stride} float32 values each, on the heap until {@link #spillTo moved}
 * to a {@link PoseSpill} file (docs/BENCHMARKS.md, "Long videos, flat memory"). A subclass only says how one element
 * is made from its floats; an element is made again on each read.
 */
abstract class PackedFloats<T> extends AbstractList<T> implements RandomAccess {
    /** The floats while on the heap; null once spilled, when {@code spill} and {@code offset} say where they are. */
    private volatile float[] v;
    private final int length;
    private PoseSpill spill;
    private long offset;

    PackedFloats(float[] v) {
        this.v = v;
        this.length = v.length;
    }

    /** Floats per element (a method, not a field: one more int in every pose of a long video). */
    abstract int stride();

    /** The element whose floats start at {@code i} of {@code v}. */
    abstract T at(float[] v, int i);

    /** Moves the floats to {@code to} (once; later calls do nothing). Readers see either the array or the spilled copy. */
    final synchronized void spillTo(PoseSpill to) {
        if (v == null || length == 0) return;
        offset = to.write(v);
        spill = to;
        v = null; // a volatile write: publishes spill and offset to readers that then see null
    }

    /** True once the floats live in a spill file. */
    final boolean isSpilled() { return v == null && length > 0; }

    @Override
    public final T get(int index) {
        int i = index * stride();
        if (index < 0 || i >= length) throw new IndexOutOfBoundsException(index);
        float[] a = v;
        return at(a != null ? a : spill.read(offset, length), i);
    }

    @Override
    public final int size() { return length / stride(); }
}
