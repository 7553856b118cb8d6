package org.poseanalytics.web.video;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoLimits;

/**
 * Everything the web app decodes of an untrusted upload, outside the analysis: its probe, its thumbnail, its browser
 * copy, a report's key frame and the checkerboard videos of a calibration. {@link IsolatedDecoder} (the default, {@code pose.decode.isolation=process}) does it in a separate,
 * resource-limited process, so that a hostile file or an FFmpeg bug fails only that file's upload;
 * {@link InlineDecoder} does it in the server's own JVM.
 */
public interface Decoder {
    /**
     * Probes {@code video} within {@code limits} and writes a thumbnail JPEG to {@code thumbnail} (a file that does not
     * exist yet). A video that probes but yields no thumbnail is accepted ({@link Checked#thumbnailProblem()}).
     */
    Checked check(Path video, Path thumbnail, VideoLimits limits) throws DecodeFailure;

    /** The container, codec, pixel format and colour tags of an already accepted video (headers only). */
    StreamFormat format(Path video) throws DecodeFailure;

    /**
     * Writes the browser copy of an accepted video to {@code target} ({@link BrowserProxy#make}), reporting 0..1 to
     * {@code progress}; stops with {@link DecodeFailure.Kind#CANCELLED} as soon as {@code cancelled} answers true.
     */
    void browserCopy(Path video, int rotationDeg, double durationS, Path target, DoubleConsumer progress,
                     BooleanSupplier cancelled) throws DecodeFailure;

    /**
     * The frame a player shows at {@code timeS} (rotation applied), scaled down to at most {@code maxSide} pixels on its
     * longer side; empty when the video has no frame there. The file is checked against {@code limits} first, as an
     * upload is, so a file that passed them once but no longer would (limits lowered since) is refused too.
     */
    Optional<Frame> frameAt(Path video, double timeS, int maxSide, VideoLimits limits) throws DecodeFailure;

    /**
     * One frame as a picture, and the size of the displayed frame it was scaled from: keypoints and drawings are in the
     * latter's pixels.
     */
    record Frame(BufferedImage image, int sourceWidth, int sourceHeight) {}

    /**
     * Calibrates cameras from their checkerboard videos, one per camera in {@code cameraNames}' order, with the pose
     * library's {@code CheckerboardCalibrator} (as {@code pose-analytics calibrate}): each file is checked against
     * {@code limits}, then decoded and searched for the {@code columns}×{@code rows} board of {@code squareM} squares. A
     * board not found or a file that cannot be read is an answer ({@link Calibrated#failure()}); a decoder out of memory
     * or time is a {@link DecodeFailure}.
     */
    Calibrated calibrate(List<Path> videos, List<String> cameraNames, int columns, int rows, double squareM, VideoLimits limits)
            throws DecodeFailure;

    /**
     * A calibration as the project's JSON ({@code CalibrationFiles.projectJson}) with each camera's reprojection error
     * in pixels, or (both null) why none could be made, in words for the user.
     */
    record Calibrated(String calibrationJson, double[] reprojectionErrorsPx, String failure) {}

    /** What checking an upload found: its metadata, its format for browsers, and why there is no thumbnail (null: there is). */
    record Checked(VideoInfo info, StreamFormat format, String thumbnailProblem) {}
}
