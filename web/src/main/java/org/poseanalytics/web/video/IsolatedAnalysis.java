package org.poseanalytics.web.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisException.Kind;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress.Stage;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.PointSource;
import org.poseanalytics.kinematics.pipeline.PoseSource;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoOverLimitException;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis job's decoding in a process of its own ({@code pose.decode.isolation=process}, the default): an
 * {@link AnalysisWorker} decodes the untrusted video and runs the pose model (or follows the picked points) under the
 * same kind of limits as {@link IsolatedDecoder} (heap, whole address space through {@code prlimit}, no network, lower
 * priority, a wall-clock timeout), and streams each frame's poses back; this process runs only tracking and kinematics
 * on those numbers. A cancelled job kills its worker; a worker that runs out of memory or time, or crashes, fails its
 * own job with "the video could not be decoded within the limits: …" and every other job goes on.
 */
public final class IsolatedAnalysis implements PoseSource, PointSource {
    private static final Logger log = LoggerFactory.getLogger(IsolatedAnalysis.class);
    private static final String WITHIN_LIMITS = "the video could not be decoded within the limits: ";

    /** The limits one analysis worker runs within; its threads are the job's. */
    public record Limits(String heap, long addressSpaceBytes, Duration timeout) {}

    private final Limits limits;
    private final Map<Integer, List<String>> commands = new ConcurrentHashMap<>();

    public IsolatedAnalysis(Limits limits) {
        this.limits = limits;
        List<String> probe = command(1);
        log.info("Analysis jobs decode and estimate poses in separate processes: {} heap, {} address space, {} network, timeout {}",
                limits.heap(), probe.contains("prlimit") ? Video.humanSize(limits.addressSpaceBytes()) : "unlimited (no prlimit)",
                probe.contains("unshare") ? "no" : "the host's", limits.timeout());
    }

    List<String> command(int threads) {
        // the pose model's threads, and one for the decoder that runs ahead of it; which wrappers work is found out once
        return commands.computeIfAbsent(threads,
                n -> IsolatedDecoder.command(limits.heap(), limits.addressSpaceBytes(), n + 1, true, AnalysisWorker.class));
    }

    @Override
    public VideoPoseResult poses(AnalysisRequest request, Consumer<FramePoses> frames, AnalysisProgress progress)
            throws AnalysisException {
        var ask = new AnalysisProtocol.Request(AnalysisProtocol.VERSION, AnalysisProtocol.Operation.POSES, request.video().toString(),
                request.model(), request.threads(), request.limits(), List.of());
        AtomicReference<VideoInfo> info = new AtomicReference<>();
        AtomicReference<AnalysisProtocol.Done> done = new AtomicReference<>();
        run(ask, request.threads(), progress::isCancelled, (word, payload) -> {
            switch (word) {
                case "info" -> {
                    VideoInfo header = AnalysisProtocol.JSON.readValue(payload, VideoInfo.class);
                    // A scale line outside the frame is refused before the worker's model loads, as in one process.
                    try {
                        request.scale().validateInFrame(header.width(), header.height());
                    } catch (IllegalArgumentException e) {
                        throw new AnalysisException(Kind.BAD_REQUEST, e.getMessage(), e);
                    }
                    info.set(header);
                }
                case "frame" -> frames.accept(AnalysisProtocol.readFrame(payload));
                case "progress" -> {
                    String[] n = payload.split(" ");
                    long doneFrames = Long.parseLong(n[0]), total = Long.parseLong(n[1]);
                    double fraction = total > 0 ? Math.min(1, doneFrames / (double) total) : 0;
                    progress.update(Stage.POSES, fraction * AnalysisPipeline.POSES_SHARE, doneFrames, total);
                }
                case "done" -> done.set(AnalysisProtocol.JSON.readValue(payload, AnalysisProtocol.Done.class));
                default -> { }
            }
            return word.equals("done");
        });
        return done.get().result(info.get());
    }

    @Override
    public List<PointTrajectory> track(AnalysisRequest request, DoubleConsumer progress) throws AnalysisException {
        if (request.points().isEmpty()) return List.of();
        var ask = new AnalysisProtocol.Request(AnalysisProtocol.VERSION, AnalysisProtocol.Operation.POINTS, request.video().toString(),
                null, 1, request.limits(), request.points());
        AtomicReference<List<PointTrajectory>> paths = new AtomicReference<>();
        run(ask, 1, () -> false, (word, payload) -> {
            switch (word) {
                case "progress" -> progress.accept(Double.parseDouble(payload));
                case "points" -> paths.set(AnalysisProtocol.readPoints(payload));
                default -> { }
            }
            return word.equals("done") && paths.get() != null;
        });
        return paths.get();
    }

    /**
     * The worker's failure with the cause the same failure has in one process ({@code VideoPoses}): callers that tell an
     * unreadable file or one over the limits by its cause (the job's advice, a point run's reason) see no difference.
     */
    private static Exception cause(AnalysisProtocol.Failure failure) {
        String words = failure.detail() != null ? failure.detail() : failure.message();
        if (failure.overLimit() != null) return new VideoOverLimitException(failure.overLimit(), words);
        return failure.kind() == Kind.UNREADABLE_VIDEO ? new UnreadableVideoException(words) : null;
    }

    /**
     * The pass was stopped: by the caller, or by an interrupt of this thread (JobRunr's way to stop a deleted job). The
     * interrupt is answered here, by stopping, and cleared: left set, it would break the job's next database call (a
     * virtual thread's socket closes when it is interrupted), the one that records the cancel.
     */
    private static AnalysisException cancelled() {
        Thread.interrupted();
        return new AnalysisException(Kind.CANCELLED, "the analysis was cancelled");
    }

    private static AnalysisException unreadable(String message) {
        return new AnalysisException(Kind.UNREADABLE_VIDEO, message, new UnreadableVideoException(message));
    }

    /** One line from the worker; answers true for the final one. */
    @FunctionalInterface
    private interface Replies {
        boolean accept(String word, String payload) throws AnalysisException, IOException;
    }

    /**
     * Starts a worker for {@code ask} and hands its lines to {@code replies} on this thread (the tracker's thread), while a
     * watchdog kills the worker when the caller cancels (or this thread is interrupted) or the time is up. Whatever ends the
     * pass, no worker is left behind.
     */
    private void run(AnalysisProtocol.Request ask, int threads, BooleanSupplier cancelled, Replies replies) throws AnalysisException {
        Path errors = null;
        Process process = null;
        Thread watchdog = null;
        AtomicReference<String> stopped = new AtomicReference<>();
        try {
            errors = Files.createTempFile("pose-analysis-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command(threads)).redirectError(errors.toFile());
            // glibc gives every thread its own 64 MB malloc arena; under an address-space cap that is memory lost.
            pb.environment().put("MALLOC_ARENA_MAX", "2");
            process = pb.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(AnalysisProtocol.JSON.writeValueAsBytes(ask));
            }
            Process p = process;
            Thread owner = Thread.currentThread();
            long deadline = System.nanoTime() + limits.timeout().toNanos();
            watchdog = Thread.ofVirtual().start(() -> {
                while (p.isAlive()) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    String why = cancelled.getAsBoolean() || owner.isInterrupted() ? "cancelled"
                            : System.nanoTime() > deadline ? "timeout" : null;
                    if (why != null) {
                        stopped.compareAndSet(null, why);
                        IsolatedDecoder.kill(p);
                        return;
                    }
                }
            });
            boolean finished = false;
            AnalysisProtocol.Failure failure = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (!finished && failure == null && (line = out.readLine()) != null) {
                    if (!line.startsWith(AnalysisProtocol.PREFIX)) continue;
                    String rest = line.substring(AnalysisProtocol.PREFIX.length());
                    int space = rest.indexOf(' ');
                    String word = space < 0 ? rest : rest.substring(0, space);
                    String payload = space < 0 ? "" : rest.substring(space + 1);
                    if (word.equals("failed")) failure = AnalysisProtocol.JSON.readValue(payload, AnalysisProtocol.Failure.class);
                    else finished = replies.accept(word, payload);
                }
            }
            process.waitFor();
            if ("cancelled".equals(stopped.get())) throw cancelled();
            if ("timeout".equals(stopped.get())) {
                throw unreadable(WITHIN_LIMITS + "it took longer than the " + IsolatedDecoder.words(limits.timeout()) + " allowed");
            }
            if (failure != null) throw new AnalysisException(failure.kind(), failure.message(), cause(failure));
            if (!finished) {
                log.warn("Analysis worker ({}) ended with exit code {} and no result; its last words: {}", ask.operation(),
                        process.exitValue(), IsolatedDecoder.tail(errors));
                throw unreadable(WITHIN_LIMITS + "it needed more memory than a video is allowed, or made the decoder fail (exit code "
                        + process.exitValue() + ")");
            }
        } catch (IOException | RuntimeException e) {
            if ("cancelled".equals(stopped.get())) throw cancelled();
            if (e instanceof IOException) {
                // could not start or talk to the worker: the host's trouble, not the file's; another try may work
                throw new AnalysisException(Kind.FAILED, "the analysis worker could not be run (" + e.getMessage() + ")", e);
            }
            throw (RuntimeException) e;
        } catch (InterruptedException e) {
            throw cancelled();
        } finally {
            if (watchdog != null) watchdog.interrupt();
            if (process != null && process.isAlive()) IsolatedDecoder.kill(process);
            IsolatedDecoder.deleteQuietly(errors);
        }
    }
}
