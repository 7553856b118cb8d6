package org.poseanalytics.web.video;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.poseanalytics.pose.video.VideoLimits;

/**
 * Decodes in the server's own JVM ({@code pose.decode.isolation=inline}): no process start (about a second less per
 * upload), but a hostile file or an FFmpeg bug then reaches the server. For tests and for hosts that cannot start
 * processes.
 */
final class InlineDecoder implements Decoder {
    @Override
    public Checked check(Path video, Path thumbnail, VideoLimits limits) throws DecodeFailure {
        return DecodeWork.check(video, thumbnail, limits);
    }

    @Override
    public StreamFormat format(Path video) throws DecodeFailure { return DecodeWork.format(video); }

    @Override
    public void browserCopy(Path video, int rotationDeg, double durationS, Path target, DoubleConsumer progress,
                            BooleanSupplier cancelled) throws DecodeFailure {
        DecodeWork.browserCopy(video, rotationDeg, durationS, target, progress, cancelled);
    }

    @Override
    public Optional<Frame> frameAt(Path video, double timeS, int maxSide, VideoLimits limits) throws DecodeFailure {
        return DecodeWork.frameAt(video, timeS, maxSide, limits);
    }

    @Override
    public Calibrated calibrate(List<Path> videos, List<String> cameraNames, int columns, int rows, double squareM,
                                VideoLimits limits) {
        return DecodeWork.calibrate(videos, cameraNames, columns, rows, squareM, limits);
    }
}
