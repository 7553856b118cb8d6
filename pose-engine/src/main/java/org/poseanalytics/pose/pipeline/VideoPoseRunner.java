package org.poseanalytics.pose.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.VideoPoseSession;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.FrameLayout;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoSource;

/**
 * The pose-only part of the analysis: decode → pose per frame, streamed. Decoding runs on its own thread a few
 * frames ahead of inference (a bounded queue keeps memory flat in the video's length; frame buffers are reused), so
 * end-to-end speed stays close to the model's own speed. Each frame's poses go to {@code sink}, then to {@code
 * progress}, in stream order on a thread of their own ({@link SinkThread}, a few frames behind at most), so the
 * inference thread does little but run the model; an exception the sink throws (a cancellation) stops the run and
 * reaches the caller as it is. Everything the sink was given has been handed over when {@code run} returns.
 *
 * <p>Frames reach the model as RGB (FFmpeg converts and the decoder turns every frame; FFmpeg picks its thread count).
 * {@value #FRAMES_PROPERTY}{@code =yuv} instead gives a model that samples its crops from YUV planes ({@link
 * PoseEstimator#samplesYuvFrames()}) the decoder's planes, copied once, never converted or turned whole, with FFmpeg
 * decoding on the cores inference leaves (at least one). Not the default: measured on 2 busy cores its per-pixel
 * conversion in the crop cost the inference thread more than the planes saved the decoder (docs/BENCHMARKS.md).
 * Where inference takes every core, decoding runs at a lower OS priority ({@link DecodePriority}).
 */
public final class VideoPoseRunner {
    /** Frames decoded ahead of inference: enough to ride out a slow keyframe, small enough to stay flat in memory. */
    private static final int QUEUE = 4;
    /** System property: {@code yuv} samples crops from the decoder's planes; {@code rgb} (default) whole RGB frames. */
    public static final String FRAMES_PROPERTY = "poseanalytics.frames";
    /**
     * System property: FFmpeg's decoding threads. {@code auto} (default): FFmpeg's own choice for RGB frames, the
     * cores inference leaves for YUV planes; {@code left}: the cores inference leaves for both; a number: that many.
     * For a side-by-side benchmark of how decoding and inference share the cores (issue 17).
     */
    public static final String DECODE_THREADS_PROPERTY = "poseanalytics.decode-threads";

    /** Progress after each frame; {@code framesTotal} is the container's estimate (0 when unknown). */
    public record Progress(long framesDone, long framesTotal, double elapsedS) {
        public double framesPerS() { return elapsedS > 0 ? framesDone / elapsedS : 0; }
    }

    private VideoPoseRunner() {}

    public static VideoPoseResult run(Path video, PoseEstimator estimator, Consumer<FramePoses> sink,
                                      Consumer<Progress> progress) throws UnreadableVideoException {
        return run(VideoSource.of(video), estimator, sink, progress);
    }

    /** As {@link #run(Path, PoseEstimator, Consumer, Consumer)} on a video already checked (e.g. within other limits). */
    public static VideoPoseResult run(VideoSource video, PoseEstimator estimator, Consumer<FramePoses> sink,
                                      Consumer<Progress> progress) {
        long start = System.nanoTime();
        boolean yuv = "yuv".equals(System.getProperty(FRAMES_PROPERTY, "rgb")) && estimator.samplesYuvFrames();
        FrameLayout layout = yuv ? FrameLayout.YUV420 : FrameLayout.RGB;
        int inferenceThreads = estimator.inferenceThreads(), cores = Runtime.getRuntime().availableProcessors();
        int decodeThreads = decodeThreads(System.getProperty(DECODE_THREADS_PROPERTY, "auto"), yuv, inferenceThreads, cores);
        List<String> lowering = DecodePriority.lowering(System.getProperty(DecodePriority.PROPERTY, "auto"), inferenceThreads, cores);
        try (VideoDecoder decoder = DecodePriority.openLowered(lowering, () -> video.displayed(layout, decodeThreads));
             VideoPoseSession session = estimator.openVideo()) {
            VideoInfo info = decoder.info();
            BlockingQueue<DecodedFrame> queue = new ArrayBlockingQueue<>(QUEUE);
            DecodedFrame endMarker = new DecodedFrame(-1, 0, null);
            long[] decodeNanos = {0};
            RuntimeException[] decodeFailure = {null};
            Thread decodeThread = Thread.ofPlatform().name("video-decode").daemon().start(() -> {
                DecodePriority.lowerCurrentThread(lowering);
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        DecodedFrame frame = decoder.next();
                        decodeNanos[0] += System.nanoTime() - t0;
                        if (frame == null) break;
                        queue.put(frame);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    decodeFailure[0] = e;
                } finally {
                    try {
                        queue.put(endMarker);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            long frames = 0, withPose = 0, inferenceNanos = 0;
            long[] delivered = {0};
            // The sink and progress run on their own thread: the inference thread only runs the model.
            try (SinkThread<FramePoses> toSink = new SinkThread<>("pose-sink", QUEUE, poses -> {
                sink.accept(poses);
                progress.accept(new Progress(++delivered[0], info.frames(), (System.nanoTime() - start) / 1e9));
            })) {
                while (true) {
                    DecodedFrame frame = queue.take();
                    if (frame == endMarker) break;
                    long t0 = System.nanoTime();
                    List<PersonPose> persons = session.next(frame.picture(), frame.timeS());
                    inferenceNanos += System.nanoTime() - t0;
                    // The poses hold numbers only, never the picture: its buffer goes back to the decoder now.
                    FramePoses poses = new FramePoses(frame.index(), frame.timeS(), frame.picture().width(),
                            frame.picture().height(), persons);
                    decoder.release(frame);
                    frames++;
                    if (!persons.isEmpty()) withPose++;
                    toSink.put(poses);
                }
                toSink.finish();
                decodeThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                decodeThread.interrupt();
                throw new IllegalStateException("interrupted while analysing the video", e);
            } finally {
                decodeThread.interrupt();
            }
            if (decodeFailure[0] != null) throw decodeFailure[0];
            StageTimings stages = new StageTimings();
            stages.add("decode", decodeNanos[0], decoder.report().framesDecoded());
            session.timings().all().forEach((name, s) -> stages.add(name, s.nanos(), s.calls()));
            return new VideoPoseResult(info, estimator.modelDescription(), frames, withPose, decoder.report(),
                    decodeNanos[0] / 1e9, inferenceNanos / 1e9, (System.nanoTime() - start) / 1e9, stages);
        }
    }

    /**
     * FFmpeg's decoding threads beside {@code inferenceThreads} on {@code cores}: the cores inference leaves, at least
     * one (on 2 cores with 2 inference threads decoding must share; one decoding thread then takes the least from
     * inference). 0 (FFmpeg's own choice) when the inference thread count is unknown.
     */
    static int decodeThreads(String setting, boolean yuv, int inferenceThreads, int cores) {
        return switch (setting) {
            case "auto" -> yuv ? decodeThreads(inferenceThreads, cores) : 0;
            case "left" -> decodeThreads(inferenceThreads, cores);
            default -> {
                try {
                    yield Math.max(0, Integer.parseInt(setting.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(DECODE_THREADS_PROPERTY + " must be auto, left or a number, was " + setting);
                }
            }
        };
    }

    static int decodeThreads(int inferenceThreads, int cores) {
        return inferenceThreads <= 0 ? 0 : Math.max(1, cores - inferenceThreads);
    }
}
