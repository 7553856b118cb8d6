package org.poseanalytics.web.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoOverLimitException;
import org.poseanalytics.pose.video.VideoProbe;

/**
 * The decoding itself, the same wherever it runs: in {@link DecoderWorker} (a child process) or, with
 * {@code pose.decode.isolation=inline}, in the server ({@link InlineDecoder}).
 */
final class DecodeWork {
    private DecodeWork() {}

    static Decoder.Checked check(Path video, Path thumbnail, VideoLimits limits) throws DecodeFailure {
        VideoInfo info;
        try {
            // The header's pixels, frame rate, duration, frames, container and codec first: nothing decodes a file over
            // the limits.
            info = VideoProbe.probe(video, limits);
        } catch (VideoOverLimitException e) {
            throw new DecodeFailure(DecodeFailure.Kind.OVER_LIMIT, e.getMessage(), e);
        } catch (UnreadableVideoException e) {
            throw new DecodeFailure(DecodeFailure.Kind.UNREADABLE, e.getMessage(), e);
        }
        StreamFormat format = format(video);
        String thumbnailProblem = null;
        try {
            Thumbnails.write(video, thumbnail, limits);
        } catch (IOException | RuntimeException e) {
            thumbnailProblem = String.valueOf(e.getMessage());
        }
        return new Decoder.Checked(info, format, thumbnailProblem);
    }

    static StreamFormat format(Path video) throws DecodeFailure {
        try {
            return StreamFormat.probe(video);
        } catch (IOException e) {
            throw new DecodeFailure(DecodeFailure.Kind.UNREADABLE, e.getMessage(), e);
        }
    }

    static void browserCopy(Path video, int rotationDeg, double durationS, Path target, DoubleConsumer progress,
                            BooleanSupplier cancelled) throws DecodeFailure {
        try {
            BrowserProxy.make(video, rotationDeg, durationS, target, f -> {
                if (cancelled.getAsBoolean()) throw new CancellationException();
                progress.accept(f);
            });
        } catch (CancellationException e) {
            throw new DecodeFailure(DecodeFailure.Kind.CANCELLED, "the conversion was stopped");
        } catch (DecodeFailure e) {
            throw e;
        } catch (IOException e) {
            if (e.getCause() instanceof CancellationException) throw new DecodeFailure(DecodeFailure.Kind.CANCELLED, "the conversion was stopped");
            throw new DecodeFailure(DecodeFailure.Kind.UNREADABLE, e.getMessage(), e);
        }
    }

    /** Thrown from the progress callback to stop the conversion loop at the next frame. */
    private static final class CancellationException extends RuntimeException {
        CancellationException() { super("cancelled", null, false, false); }
    }
}
