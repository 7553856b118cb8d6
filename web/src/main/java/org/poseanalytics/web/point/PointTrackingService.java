package org.poseanalytics.web.point;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.tracking.point.FrameSource;
import org.poseanalytics.tracking.point.GrayFrame;
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
        List<PointTrajectory> out = new PointTracker().track(() -> new Source(open(file), () -> {
            long n = read.incrementAndGet();
            if (n % 10 == 0) progress.accept(Math.min(0.99, n / expected));
        }), List.of(spec));
        progress.accept(1.0);
        return out.getFirst();
    }

    private static VideoDecoder open(Path file) {
        try {
            return VideoDecoder.open(file);
        } catch (UnreadableVideoException e) {
            throw new IllegalArgumentException("The video could not be read: " + e.getMessage(), e);
        }
    }

    private record Source(VideoDecoder decoder, Runnable onFrame) implements FrameSource {
        @Override
        public Optional<GrayFrame> next() {
            DecodedFrame f = decoder.next();
            if (f == null) return Optional.empty();
            GrayFrame gray = new GrayFrame(f.index(), f.timeS(), f.image().width(), f.image().height(), luma(f.image()));
            decoder.release(f);
            onFrame.run();
            return Optional.of(gray);
        }

        @Override
        public void close() { decoder.close(); }
    }

    /** BT.601 luma, as OpenCV's RGB→GRAY (the tracker was measured on that). */
    static byte[] luma(RgbImage image) {
        int n = image.width() * image.height();
        byte[] rgb = image.rgb();
        byte[] gray = new byte[n];
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            int r = rgb[j] & 0xff, g = rgb[j + 1] & 0xff, b = rgb[j + 2] & 0xff;
            gray[i] = (byte) ((r * 4899 + g * 9617 + b * 1868 + 8192) >> 14);
        }
        return gray;
    }
}
