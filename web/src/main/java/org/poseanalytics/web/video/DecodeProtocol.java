package org.poseanalytics.web.video;

import java.util.List;
import org.poseanalytics.pose.video.VideoLimits;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server and its {@link DecoderWorker} say to each other, version {@value #VERSION}: one {@link Request} as
 * JSON on the worker's stdin; {@link Reply} lines on its stdout, each after {@value #PREFIX} (whatever else a library
 * prints there is not taken for a reply), progress first and one final reply last. A worker that ends without a final
 * reply ran out of memory or crashed. Small on purpose: file names in, metadata and a reason out; the pictures are
 * written to files the server named (a thumbnail, a browser copy, a key frame as PNG).
 */
final class DecodeProtocol {
    static final int VERSION = 2;
    static final String PREFIX = "pose-decode-reply ";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private DecodeProtocol() {}

    enum Operation { CHECK, FORMAT, BROWSER_COPY, FRAME, CALIBRATE }

    /**
     * {@code output}: the thumbnail (CHECK), browser copy (BROWSER_COPY) or PNG of the frame (FRAME) to write;
     * {@code limits} for CHECK, FRAME and CALIBRATE; {@code timeS} and {@code maxSide}: which frame and how large (FRAME);
     * {@code checkerboard}: the videos and board of a CALIBRATE ({@code video} is then unused).
     */
    record Request(int version, Operation operation, String video, String output, VideoLimits limits, int rotationDeg,
                   double durationS, double timeS, int maxSide, Checkerboard checkerboard) {}

    record Checkerboard(List<String> videos, List<String> cameraNames, int columns, int rows, double squareM) {}

    /**
     * A progress report (only {@code progress}) or the final reply (one of the others). {@code frame}: the size of the
     * displayed frame whose picture was written (FRAME; null when the video has no frame at that time);
     * {@code calibrated}: CALIBRATE's answer.
     */
    record Reply(int version, Double progress, Decoder.Checked checked, StreamFormat format, FrameSize frame,
                 Decoder.Calibrated calibrated, Failure failure, boolean done) {
        static Reply progress(double fraction) { return new Reply(VERSION, fraction, null, null, null, null, null, false); }

        static Reply done(Decoder.Checked checked, StreamFormat format) {
            return new Reply(VERSION, null, checked, format, null, null, null, true);
        }

        static Reply frame(FrameSize frame) { return new Reply(VERSION, null, null, null, frame, null, null, true); }

        static Reply calibrated(Decoder.Calibrated calibrated) {
            return new Reply(VERSION, null, null, null, null, calibrated, null, true);
        }

        static Reply failed(DecodeFailure e) {
            return new Reply(VERSION, null, null, null, null, null, new Failure(e.kind(), e.getMessage()), true);
        }
    }

    record FrameSize(int sourceWidth, int sourceHeight) {}

    record Failure(DecodeFailure.Kind kind, String message) {}

    static String line(Reply reply) { return PREFIX + JSON.writeValueAsString(reply); }
}
