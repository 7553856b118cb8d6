package org.poseanalytics.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.series.HeapChannel;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;
import org.poseanalytics.tracking.series.SeriesStorage;
import org.poseanalytics.tracking.series.SpilledChannel;

/**
 * A long video's series lives in temporary files ({@link SpilledChannel}); every result must be the same as on the
 * heap, bit for bit, whichever way the series is walked and however often its blocks leave the cache.
 */
class SpilledSeriesTest {

    /** Three and a bit blocks a landmark, 33 landmarks: far more blocks than the cache holds. */
    private static final int LANDMARKS = 33, LENGTH = 3 * 4096 + 17;

    @Test
    void aSpilledChannelReadsBackWhatWasWrittenWhicheverWayItIsWalked() throws IOException {
        HeapChannel heap = HeapChannel.filled(LANDMARKS, LENGTH, Float.NaN);
        SpilledChannel spilled = SpilledChannel.create(LANDMARKS, LENGTH, Float.NaN);
        Random rnd = new Random(3);
        // Every landmark of one sample in turn (how a series is built and exported) ...
        for (int i = 0; i < LENGTH; i += 1 + rnd.nextInt(3))
            for (int l = 0; l < LANDMARKS; l++) {
                float v = rnd.nextFloat() * 1920;
                heap.set(l, i, v);
                spilled.set(l, i, v);
            }
        // ... one landmark's samples in turn (how it is filtered) ...
        for (int l = 0; l < LANDMARKS; l += 2) {
            double[] row = heap.row(l);
            double[] back = spilled.row(l);
            for (int i = 0; i < row.length; i++) assertThat(Double.compare(back[i], row[i])).isZero();
            for (int i = 0; i < row.length; i++) row[i] = row[i] * 0.5 + i;
            heap.setRow(l, row);
            spilled.setRow(l, row);
        }
        // ... and at random, with adds, swaps and a copy that must not share anything with its source.
        for (int k = 0; k < 20_000; k++) {
            int l = rnd.nextInt(LANDMARKS), i = rnd.nextInt(LENGTH);
            double d = rnd.nextGaussian();
            heap.add(l, i, d);
            spilled.add(l, i, d);
        }
        heap.swapRows(4, 7);
        spilled.swapRows(4, 7);
        SeriesChannel copy = spilled.copy();
        spilled.set(0, 0, -1f);

        float[][] expected = heap.toArray();
        assertThat(spilled.get(0, 0)).isEqualTo(-1f);
        spilled.set(0, 0, expected[0][0]);
        assertThat(bits(spilled.toArray())).isDeepEqualTo(bits(expected));
        assertThat(bits(copy.toArray())).isDeepEqualTo(bits(expected));
        float[] chunk = new float[5000], expectedChunk = new float[5000];
        spilled.read(9, 4000, chunk, 5000); // across two block boundaries
        heap.read(9, 4000, expectedChunk, 5000);
        assertThat(bits(new float[][]{chunk})).isDeepEqualTo(bits(new float[][]{expectedChunk}));
        for (int l = 0; l < LANDMARKS; l++) assertThat(bits(new float[][]{spilled.floatRow(l)})[0]).as("landmark %d", l).containsExactly(bits(new float[][]{expected[l]})[0]);
    }

    @Test
    void samplesNeverWrittenReadAsTheFillValue() throws IOException {
        SpilledChannel empty = SpilledChannel.create(LANDMARKS, LENGTH, Float.NaN);
        SpilledChannel zeros = SpilledChannel.create(LANDMARKS, LENGTH, 0f);
        empty.set(3, LENGTH - 1, 2f);
        assertThat(empty.get(3, LENGTH - 1)).isEqualTo(2f);
        assertThat(empty.get(3, LENGTH - 2)).isNaN();
        assertThat(empty.get(32, 0)).isNaN();
        assertThat(zeros.get(17, 5000)).isZero();
    }

    @Test
    void theFilterChainGivesTheSameFloatsOnDiskAsOnTheHeap() {
        KeypointSeries raw = longNoisySquat(60);
        assertThat(raw.length()).isGreaterThan(3 * 4096);
        FilteredSeries onHeap = SeriesPipeline.filter(raw, FilterConfig.defaults());
        KeypointSeries rawSpilled = raw.copy("raw", SeriesStorage.SPILLED);
        assertThat(rawSpilled.storage()).isEqualTo(SeriesStorage.SPILLED);
        FilteredSeries onDisk = SeriesPipeline.filterConsuming(rawSpilled, FilterConfig.defaults());

        KeypointSeries a = onHeap.series(), b = onDisk.series();
        assertThat(a.storage()).isEqualTo(SeriesStorage.HEAP);
        assertThat(b.storage()).isEqualTo(SeriesStorage.SPILLED);
        assertThat(b.filter()).isEqualTo(a.filter());
        for (SeriesChannel[] c : new SeriesChannel[][]{{a.x(), b.x()}, {a.y(), b.y()}, {a.z(), b.z()},
                {a.visibility(), b.visibility()}, {a.worldX(), b.worldX()}, {a.worldY(), b.worldY()}, {a.worldZ(), b.worldZ()}}) {
            if (c[0] == null) { assertThat(c[1]).isNull(); continue; }
            assertThat(bits(c[1].toArray())).isDeepEqualTo(bits(c[0].toArray()));
        }
        assertThat(onDisk.interpolated()).isEqualTo(onHeap.interpolated());
        assertThat(onDisk.outliers()).isEqualTo(onHeap.outliers());
        assertThat(onDisk.sideConfused()).isEqualTo(onHeap.sideConfused());
        assertThat(onDisk.swaps()).isEqualTo(onHeap.swaps());
        assertThat(onDisk.longGaps()).isEqualTo(onHeap.longGaps());
        assertThat(onHeap.swaps()).as("the case has swaps to repair").isNotEmpty();
    }

    @Test
    void onlyLongSeriesAreSpilledAndTheirFilesLeaveNothingOnDisk() throws IOException {
        assertThat(SeriesStorage.forSize(1_800, 33, 7)).isEqualTo(SeriesStorage.HEAP);
        assertThat(SeriesStorage.forSize(108_000, 33, 7)).isEqualTo(SeriesStorage.SPILLED);
        long before = spillFiles();
        SpilledChannel c = SpilledChannel.create(LANDMARKS, LENGTH, 0f);
        for (int l = 0; l < LANDMARKS; l++) c.setRow(l, new double[LENGTH]);
        assertThat(spillFiles()).as("the file is unlinked as soon as it is opened").isEqualTo(before);
    }

    /** Floats as their bits, so NaN (a gap) equals NaN and nothing else is compared loosely. */
    private static int[][] bits(float[][] a) {
        int[][] b = new int[a.length][];
        for (int l = 0; l < a.length; l++) {
            b[l] = new int[a[l].length];
            for (int i = 0; i < a[l].length; i++) b[l][i] = Float.floatToIntBits(a[l][i]);
        }
        return b;
    }

    private static long spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("series-spill-")).count();
        }
    }

    /** The noisy squat (swaps, spikes, dropouts, a variable frame rate) repeated {@code times} times, one after another. */
    private static KeypointSeries longNoisySquat(int times) {
        KeypointSeries one = FilteringOnTruthTest.noisySquat(21).raw();
        int n = one.length();
        double period = one.timesS()[n - 1] + 1 / 30.0;
        long[] frames = new long[n * times];
        double[] t = new double[n * times];
        for (int r = 0; r < times; r++)
            for (int i = 0; i < n; i++) {
                frames[r * n + i] = r * n + i;
                t[r * n + i] = r * period + one.timesS()[i];
            }
        KeypointSeries s = KeypointSeries.empty(one.skeleton(), frames, t, one.hasWorld(), "raw", SeriesStorage.HEAP);
        SeriesChannel[][] pairs = {{one.x(), s.x()}, {one.y(), s.y()}, {one.z(), s.z()}, {one.visibility(), s.visibility()},
                {one.worldX(), s.worldX()}, {one.worldY(), s.worldY()}, {one.worldZ(), s.worldZ()}};
        for (SeriesChannel[] p : pairs) {
            if (p[0] == null) continue;
            for (int r = 0; r < times; r++)
                for (int l = 0; l < s.skeleton().size(); l++)
                    for (int i = 0; i < n; i++) p[1].set(l, r * n + i, p[0].get(l, i));
        }
        return s;
    }
}
