package org.poseanalytics.web.video;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisException.Kind;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.VideoPoints;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.model.ModelNotFoundException;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.pipeline.VideoPoseRunner;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoOverLimitException;
import org.poseanalytics.pose.video.VideoSource;
import org.poseanalytics.tracking.point.PointTrajectory;

/**
 * The analysis's decoder process ({@link IsolatedAnalysis} starts it with the app's own classpath): reads one
 * {@link AnalysisProtocol.Request} from stdin, decodes the video and runs the pose model on every frame (or follows
 * the picked points), and streams the numbers to stdout. No Spring, no database, no credentials: a file that crashes
 * or exhausts it takes down only this process and that one job.
 */
public final class AnalysisWorker {
    private AnalysisWorker() {}

    public static void main(String[] args) throws Exception {
        // Replies go to the real stdout only; anything a library prints goes to stderr.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        // The server's watchdog holds this worker's time limit: should the server die, nobody reads on, so stop too.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        AnalysisProtocol.Request request = AnalysisProtocol.JSON.readValue(System.in.readAllBytes(), AnalysisProtocol.Request.class);
        if (request.version() != AnalysisProtocol.VERSION) {
            System.err.println("analysis worker speaks version " + AnalysisProtocol.VERSION + ", asked in version " + request.version());
            System.exit(2);
        }
        Path video = Path.of(request.video());
        try {
            switch (request.operation()) {
                case POSES -> poses(request, video, out);
                case POINTS -> points(request, video, out);
            }
        } catch (UnreadableVideoException e) {
            // the same words as the pipeline's in-process VideoPoses
            fail(out, Kind.UNREADABLE_VIDEO, video.getFileName() + ": " + e.getMessage(), e);
        } catch (ModelNotFoundException e) {
            fail(out, Kind.MODEL_UNAVAILABLE, e.getMessage(), null);
        } catch (AnalysisException e) {
            fail(out, e.kind(), e.getMessage(), e.getCause() instanceof UnreadableVideoException u ? u : null);
        } catch (IllegalArgumentException e) {
            fail(out, Kind.BAD_REQUEST, e.getMessage(), null);
        } catch (RuntimeException | Error e) {
            // Anything else is a crash: say why on stderr (the server logs it) and end now, whatever native threads are left.
            e.printStackTrace();
            out.flush();
            Runtime.getRuntime().halt(1);
        }
        out.flush();
        // FFmpeg's, JavaCPP's and the model runtime's native threads must not keep a finished worker alive.
        System.exit(0);
    }

    /** The same pass as the pipeline's in-process {@code VideoPoses}: header first (the server checks it), then every frame. */
    private static void poses(AnalysisProtocol.Request request, Path path, PrintStream out) throws UnreadableVideoException {
        VideoSource video = VideoSource.of(path, request.limits());
        send(out, "info", AnalysisProtocol.json(video.info()));
        out.flush();
        long[] lastProgress = {0};
        try (PoseEstimator estimator = PoseModels.open(request.model(), request.threads())) {
            VideoPoseResult result = VideoPoseRunner.run(video, estimator, frame -> send(out, "frame", AnalysisProtocol.frame(frame)), p -> {
                long now = System.nanoTime();
                if (now - lastProgress[0] < 200_000_000L && p.framesDone() < p.framesTotal()) return;
                lastProgress[0] = now;
                send(out, "progress", p.framesDone() + " " + p.framesTotal());
                out.flush();
            });
            send(out, "done", AnalysisProtocol.json(AnalysisProtocol.Done.of(result)));
        }
    }

    private static void points(AnalysisProtocol.Request request, Path path, PrintStream out) throws AnalysisException {
        AnalysisRequest analysis = AnalysisRequest.of(path).withLimits(request.limits()).withPoints(request.points());
        AtomicLong lastProgress = new AtomicLong();
        List<PointTrajectory> paths = new VideoPoints().track(analysis, f -> {
            long now = System.nanoTime();
            if (now - lastProgress.get() < 200_000_000L && f < 1) return;
            lastProgress.set(now);
            send(out, "progress", String.format(Locale.ROOT, "%.4f", f));
            out.flush();
        });
        send(out, "points", AnalysisProtocol.points(paths));
        send(out, "done", "{}");
    }

    private static void fail(PrintStream out, Kind kind, String message, UnreadableVideoException cause) {
        send(out, "failed", AnalysisProtocol.json(new AnalysisProtocol.Failure(kind, message, cause instanceof VideoOverLimitException o ? o.limit() : null,
                cause == null ? null : cause.getMessage())));
    }

    private static void send(PrintStream out, String word, String payload) {
        out.println(AnalysisProtocol.line(word, payload));
        // a closed pipe: the server stopped reading (a cancelled job, a server that went away)
        if (out.checkError()) Runtime.getRuntime().halt(3);
    }
}
