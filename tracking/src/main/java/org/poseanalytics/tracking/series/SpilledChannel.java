package org.poseanalytics.tracking.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.BitSet;
import org.poseanalytics.pose.SpillFiles;

/**
 * A channel kept in a temporary file, read and written through a small cache of blocks of {@value #BLOCK} samples of
 * one landmark: an hour's series (7 channels × 33 landmarks × 108,000 samples, 100 MB) holds at most
 * {@value #CACHED_BLOCKS} blocks a channel on the heap (1 MiB). The cache fits both ways the series is walked: a
 * landmark's samples in turn (the filters, the angles) and every landmark of one sample in turn (the exports, the
 * store), which touches {@code landmarks} blocks at a time.
 *
 * <p>Blocks never written read as the fill value, so an empty channel costs no disk until it is filled. The file is
 * one of {@link SpillFiles}: unlinked as soon as it is opened and closed when the channel is no longer referenced, so
 * nothing is left on disk even if the process is killed. Access is synchronized: a web page and a job may read one
 * series at once.
 */
public final class SpilledChannel implements SeriesChannel {
    static final int BLOCK = 4096;
    static final int CACHED_BLOCKS = 64;

    private final FileChannel file;
    private final int landmarks;
    private final int length;
    private final int blocksPerRow;
    private final float fill;
    /** Loaded blocks by id (landmark × blocksPerRow + block), null when not in the cache. */
    private final float[][] cached;
    private final BitSet dirty = new BitSet();
    private final BitSet onDisk = new BitSet();
    /** Loaded block ids, oldest first, for eviction. */
    private final int[] loadOrder = new int[CACHED_BLOCKS];
    private int oldest;
    private int loadedCount;
    private final ByteBuffer io = ByteBuffer.allocateDirect(BLOCK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);

    private SpilledChannel(FileChannel file, int landmarks, int length, float fill) {
        this.file = file;
        this.landmarks = landmarks;
        this.length = length;
        this.blocksPerRow = (length + BLOCK - 1) / BLOCK;
        this.fill = fill;
        this.cached = new float[landmarks * blocksPerRow][];
    }

    /** A channel of {@code landmarks} × {@code length} samples, each {@code fill}, in a new temporary file. */
    public static SpilledChannel create(int landmarks, int length, float fill) throws IOException {
        return SpillFiles.openUnlinked("series-spill-", file -> new SpilledChannel(file, landmarks, length, fill));
    }

    @Override public int landmarks() { return landmarks; }

    @Override public int length() { return length; }

    @Override
    public synchronized float get(int landmark, int sample) {
        return block(id(landmark, sample))[sample % BLOCK];
    }

    @Override
    public synchronized void set(int landmark, int sample, float value) {
        int id = id(landmark, sample);
        block(id)[sample % BLOCK] = value;
        dirty.set(id);
    }

    @Override
    public synchronized double[] row(int landmark, double[] d) {
        if (d.length != length) throw new IllegalArgumentException("row lengths differ");
        for (int b = 0; b < blocksPerRow; b++) {
            float[] v = block(landmark * blocksPerRow + b);
            for (int i = b * BLOCK, j = 0; i < Math.min(length, (b + 1) * BLOCK); i++, j++) d[i] = v[j];
        }
        return d;
    }

    @Override
    public synchronized float[] floatRow(int landmark) {
        float[] f = new float[length];
        for (int b = 0; b < blocksPerRow; b++)
            System.arraycopy(block(landmark * blocksPerRow + b), 0, f, b * BLOCK, Math.min(BLOCK, length - b * BLOCK));
        return f;
    }

    @Override
    public synchronized void read(int landmark, int from, float[] into, int count) {
        if (from < 0 || from + count > length) throw new IndexOutOfBoundsException("samples " + from + "+" + count + " of " + length);
        for (int done = 0; done < count; ) {
            int i = from + done, at = i % BLOCK, n = Math.min(count - done, BLOCK - at);
            System.arraycopy(block(landmark * blocksPerRow + i / BLOCK), at, into, done, n);
            done += n;
        }
    }

    @Override
    public synchronized void setRow(int landmark, double[] values) {
        if (values.length != length) throw new IllegalArgumentException("row lengths differ");
        for (int b = 0; b < blocksPerRow; b++) {
            int id = landmark * blocksPerRow + b;
            float[] v = block(id);
            for (int i = b * BLOCK, j = 0; i < Math.min(length, (b + 1) * BLOCK); i++, j++) v[j] = (float) values[i];
            dirty.set(id);
        }
    }

    @Override
    public synchronized SpilledChannel copy() {
        try {
            SpilledChannel c = create(landmarks, length, fill);
            for (int id = 0; id < cached.length; id++) {
                if (cached[id] == null && !onDisk.get(id)) continue; // still the fill value
                c.put(id, block(id).clone());
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary file for a copy of a long series", e);
        }
    }

    /** Makes {@code values} block {@code id}, without reading or filling what they replace. */
    private synchronized void put(int id, float[] values) {
        install(id, values);
        dirty.set(id); // written out when evicted, as any changed block
    }

    private int id(int landmark, int sample) {
        if (sample < 0 || sample >= length) throw new IndexOutOfBoundsException("sample " + sample + " of " + length);
        return landmark * blocksPerRow + sample / BLOCK;
    }

    private float[] block(int id) {
        float[] b = cached[id];
        if (b != null) return b;
        b = new float[BLOCK];
        if (onDisk.get(id)) read(id, b); else Arrays.fill(b, fill);
        return install(id, b);
    }

    /** Puts {@code values} in the cache as block {@code id}, making room first if the block is not there yet. */
    private float[] install(int id, float[] values) {
        if (cached[id] == null) {
            if (loadedCount == CACHED_BLOCKS) evictOldest();
            loadOrder[(oldest + loadedCount) % CACHED_BLOCKS] = id;
            loadedCount++;
        }
        cached[id] = values;
        return values;
    }

    private void evictOldest() {
        int id = loadOrder[oldest];
        oldest = (oldest + 1) % CACHED_BLOCKS;
        loadedCount--;
        if (dirty.get(id)) {
            write(id, cached[id]);
            dirty.clear(id);
            onDisk.set(id);
        }
        cached[id] = null;
    }

    private int count(int id) { return Math.min(BLOCK, length - (id % blocksPerRow) * BLOCK); }

    private long offset(int id) { return (long) id * BLOCK * Float.BYTES; }

    private void read(int id, float[] into) {
        int n = count(id);
        io.clear().limit(n * Float.BYTES);
        try {
            long at = offset(id);
            while (io.hasRemaining()) {
                int r = file.read(io, at);
                if (r < 0) throw new IOException("the series' temporary file ends early");
                at += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a long series back from its temporary file", e);
        }
        io.flip();
        io.asFloatBuffer().get(into, 0, n);
    }

    private void write(int id, float[] values) {
        int n = count(id);
        io.clear();
        io.asFloatBuffer().put(values, 0, n);
        io.limit(n * Float.BYTES);
        try {
            long at = offset(id);
            while (io.hasRemaining()) at += file.write(io, at);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a long series to its temporary file (is the disk full?)", e);
        }
    }
}
