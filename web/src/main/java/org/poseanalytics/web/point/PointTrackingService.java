package org.poseanalytics.web.point;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import org.poseanalytics.kinematics.pipeline.DecodedGrayFrames;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTracker;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.video.Video;
import org.springframework.stereotype.Service;

/**
 * Follows a point the user clicked (e.g. the end of a bar) through a video with the tracking module's
 * {@link PointTracker}, synchronously, for the page to run on a worker thread with a progress bar. Frames come
 * from the pose engine's decoder, so the path shares the keypoints' coordinates (rotation applied).
 * Takes a {@link Video} already read under the user's rights.
 */
@Service
public class PointTrackingService {
    /** Longer videos would keep the page waiting too long; they belong in the analysis job. */
    public static final double MAX_DURATION_S = 120;

    private final Storage storage;

    PointTrackingService(Storage storage) { this.storage = storage; }

    public PointTrajectory track(Video video, PointSpec spec, DoubleConsumer progress) {
        Path file = storage.video(video.storageName());
        AtomicLong read = new AtomicLong();
        // The tracker reads forward and, for a point picked mid-video, backwards in chunks: count every frame read
        // against roughly two passes.
        double expected = Math.max(1, video.frames()) * (spec.timeS() > 0.05 ? 2.0 : 1.0);
        List<PointTrajectory> out = new PointTracker().track(() -> DecodedGrayFrames.open(file, () -> {
            long n = read.incrementAndGet();
            if (n % 10 == 0) progress.accept(Math.min(0.99, n / expected));
        }), List.of(spec));
        progress.accept(1.0);
        return out.getFirst();
    }
}
