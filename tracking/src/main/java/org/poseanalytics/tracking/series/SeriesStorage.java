package org.poseanalytics.tracking.series;

import java.io.IOException;
import org.poseanalytics.pose.SpillFiles;

/** Where a series' channels live: on the heap, or in temporary files for a long video ({@link SpilledChannel}). */
public enum SeriesStorage {
    HEAP, SPILLED;

    /**
     * Series of at least this many samples are spilled: 18,000 (ten minutes at 30 frames/s, 17 MB of floats) keeps
     * every short clip on the heap and an hour (100 MB) off it. System property
     * {@code poseanalytics.spill-series-from-frames}; a negative value never spills.
     */
    public static final int SPILL_FROM_SAMPLES = Integer.getInteger("poseanalytics.spill-series-from-frames", 18_000);

    /** The storage for a series of {@code samples} × {@code landmarks} × {@code channels} floats. */
    public static SeriesStorage forSize(int samples, int landmarks, int channels) {
        if (SPILL_FROM_SAMPLES < 0 || samples < SPILL_FROM_SAMPLES) return HEAP;
        long bytes = (long) samples * landmarks * channels * Float.BYTES;
        // Room for the series and one copy of it (SeriesPipeline.filter keeps the raw series and fills a copy): where the
        // disk is nearly full the heap is the better place, and the job says so if it is not.
        return SpillFiles.hasRoomFor(2 * bytes) ? SPILLED : HEAP;
    }

    /** A channel of {@code landmarks} × {@code length} samples, each {@code fill}, kept here. */
    public SeriesChannel channel(int landmarks, int length, float fill) {
        if (this == SPILLED) {
            try {
                return SpilledChannel.create(landmarks, length, fill);
            } catch (IOException e) {
                // No temporary file to be had: the heap still works for all but the longest videos.
            }
        }
        return HeapChannel.filled(landmarks, length, fill);
    }
}
