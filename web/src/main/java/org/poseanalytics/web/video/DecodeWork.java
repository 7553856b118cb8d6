package org.poseanalytics.web.video;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.checkerboard.Board;
import org.poseanalytics.multiview.calibration.checkerboard.CheckerboardCalibrator;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoOverLimitException;
import org.poseanalytics.pose.video.VideoProbe;
import org.poseanalytics.pose.video.VideoSource;

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

    /**
     * The frame shown at {@code timeS}, within {@code limits} (the header is checked before a frame is decoded), scaled
     * down to {@code maxSide} on its longer side: a report needs no more, and the server then never holds a picture of
     * the file's own (possibly 8192×8192) size.
     */
    static Optional<Decoder.Frame> frameAt(Path video, double timeS, int maxSide, VideoLimits limits) throws DecodeFailure {
        VideoSource source;
        try {
            source = VideoSource.of(video, limits);
        } catch (VideoOverLimitException e) {
            throw new DecodeFailure(DecodeFailure.Kind.OVER_LIMIT, e.getMessage(), e);
        } catch (UnreadableVideoException e) {
            throw new DecodeFailure(DecodeFailure.Kind.UNREADABLE, e.getMessage(), e);
        }
        BufferedImage full;
        try {
            var frame = source.frameAt(timeS);
            if (frame.isEmpty()) return Optional.empty();
            full = frame.get().toBufferedImage();
        } catch (RuntimeException e) {
            throw new DecodeFailure(DecodeFailure.Kind.UNREADABLE, "no frame could be decoded at " + timeS + " s ("
                    + e.getMessage() + ")", e);
        }
        int w = full.getWidth(), h = full.getHeight();
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        if (scale >= 1.0) return Optional.of(new Decoder.Frame(full, w, h));
        int sw = Math.max(1, (int) Math.round(w * scale)), sh = Math.max(1, (int) Math.round(h * scale));
        BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, sw, sh, null);
        g.dispose();
        return Optional.of(new Decoder.Frame(small, w, h));
    }

    /**
     * The checkerboard calibration of {@link Decoder#calibrate}: the reasons are in words for the user (which camera, and
     * how to film the board) and carry no server path.
     */
    static Decoder.Calibrated calibrate(List<Path> videos, List<String> cameraNames, int columns, int rows, double squareM,
                                        VideoLimits limits) {
        List<CheckerboardCalibrator.CameraVideo> cams = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            String name = cameraNames.get(i);
            VideoSource source;
            try {
                source = VideoSource.of(videos.get(i), limits);
            } catch (UnreadableVideoException e) {
                return refused("The checkerboard video of " + name + " could not be read: " + e.getMessage() + ".");
            }
            cams.add(new CheckerboardCalibrator.CameraVideo(name, source::gray));
        }
        try {
            var result = new CheckerboardCalibrator(new Board(columns, rows, squareM), CheckerboardCalibrator.Settings.defaults())
                    .calibrate(cams);
            double[] errors = result.cameras().stream().mapToDouble(CheckerboardCalibrator.CameraReport::reprojectionErrorPx).toArray();
            return new Decoder.Calibrated(CalibrationFiles.projectJson(result.calibration()), errors, null);
        } catch (CheckerboardCalibrator.CalibrationFailedException | IllegalArgumentException e) {
            return refused(sentence(e.getMessage()) + " Film the whole board, still and sharp, turned at several angles, with every"
                    + " camera at once; check the corner counts (inner corners, where four squares meet) and the square size.");
        }
    }

    private static Decoder.Calibrated refused(String why) { return new Decoder.Calibrated(null, null, why); }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) return "The calibration failed.";
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    /** Thrown from the progress callback to stop the conversion loop at the next frame. */
    private static final class CancellationException extends RuntimeException {
        CancellationException() { super("cancelled", null, false, false); }
    }
}
