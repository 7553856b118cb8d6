package org.poseanalytics.pose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A temporary file that poses' float32 values move to once the tracker no longer compares new poses with them
 * ({@link PersonPose#spillTo}, called by tracking as it goes): an hour of video's tracks are ~120 MB of floats that would
 * otherwise gather on the heap until the end (docs/BENCHMARKS.md, "Long videos, flat memory"). A spilled pose reads its floats back from
 * here on each access (the last two reads are kept per thread, so walking one pose's landmarks and world landmarks reads each once); the values are
 * the same floats, bit for bit.
 *
 * <p>The file is one of {@link SpillFiles}: unlinked as soon as it is opened and closed when no spilled pose refers to
 * this object any more, so nothing is left behind on disk even if the process is killed.
 */
public final class PoseSpill {
    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    /** Bytes written to the file so far; everything before is readable with positional reads. */
    private volatile long flushed;
    /** Per thread, the last two reads: a pose's landmarks and its world landmarks, read in turn landmark by landmark. */
    private final ThreadLocal<Last[]> last = ThreadLocal.withInitial(() -> new Last[2]);

    private record Last(long offset, float[] values) {}

    private PoseSpill(FileChannel channel) {
        this.channel = channel;
    }

    /** A new spill in the system's temporary directory. */
    public static PoseSpill create() throws IOException {
        return SpillFiles.openUnlinked("pose-spill-", PoseSpill::new);
    }

    /** Appends {@code values}; returns where they start, for {@link #read}. */
    synchronized long write(float[] values) {
        long offset = flushed + pending.position();
        for (float v : values) {
            if (!pending.hasRemaining()) flush();
            pending.putFloat(v);
        }
        return offset;
    }

    /** Writes what is buffered to the file. */
    public synchronized void flush() {
        pending.flip();
        try {
            long at = flushed;
            while (pending.hasRemaining()) at += channel.write(pending, at);
            flushed = at;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the poses' temporary file", e);
        } finally {
            pending.clear();
        }
    }

    /** The {@code count} floats written at {@code offset}. The array returned may be shared: do not change it. */
    float[] read(long offset, int count) {
        Last[] recent = last.get();
        for (Last l : recent) if (l != null && l.offset == offset && l.values.length == count) return l.values;
        if (offset + 4L * count > flushed) flush();
        ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        try {
            long at = offset;
            while (b.hasRemaining()) {
                int n = channel.read(b, at);
                if (n < 0) throw new IOException("the poses' temporary file ends before " + (offset + 4L * count));
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the poses' temporary file", e);
        }
        b.flip();
        float[] out = new float[count];
        b.asFloatBuffer().get(out);
        recent[1] = recent[0];
        recent[0] = new Last(offset, out);
        return out;
    }
}
