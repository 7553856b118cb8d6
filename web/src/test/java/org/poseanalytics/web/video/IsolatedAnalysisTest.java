package org.poseanalytics.web.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoOverLimitException;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.web.TestVideos;

/**
 * The analysis job's worker process ({@link IsolatedAnalysis}, issue #15): the same video gives exactly the same
 * numbers through it as in one process; a file that exhausts it, or outlasts its time, fails that analysis with a clear
 * message and this JVM (the server's stand-in) goes on; cancelling kills it and leaves no process behind.
 */
class IsolatedAnalysisTest {
    static final IsolatedAnalysis.Limits DEFAULT = new IsolatedAnalysis.Limits("1g", 12L << 30, Duration.ofMinutes(10));

    @TempDir Path tmp;

    @AfterEach
    void noWorkerIsLeft() throws InterruptedException {
        // kill() waits for the worker; its wrappers (prlimit, unshare, nice) exec into it, so nothing may remain
        for (int i = 0; i < 50 && workers() > 0; i++) Thread.sleep(100);
        assertThat(workers()).as("analysis workers still running").isZero();
    }

    @Test
    void theSameVideoGivesTheSameAnglesRepetitionsAndPointPathsAsInOneProcess() throws Exception {
        // a followed point picked mid-video, so the tracker also reads backwards (re-opening the video in the worker)
        AnalysisRequest request = AnalysisRequest.of(Fixtures.squatVideo()).withExercise(Exercise.SQUAT).withThreads(2)
                .withPoints(List.of(new PointSpec(360, 900, 4.0)));
        long t0 = System.nanoTime();
        AnalysisResult here = new AnalysisPipeline().run(request, AnalysisProgress.NONE);
        long t1 = System.nanoTime();
        IsolatedAnalysis worker = new IsolatedAnalysis(DEFAULT);
        AtomicReference<Double> lastFraction = new AtomicReference<>(0.0);
        AtomicInteger updates = new AtomicInteger();
        AnalysisResult there = new AnalysisPipeline(worker, worker).run(request, (stage, fraction, done, total) -> {
            assertThat(fraction).isGreaterThanOrEqualTo(lastFraction.get());
            lastFraction.set(fraction);
            updates.incrementAndGet();
        });
        long t2 = System.nanoTime();
        System.out.printf("squat video (%d frames): in this process %.2f s, through the worker process %.2f s%n",
                here.poses().frames(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);

        assertThat(here.kinematics().repetitions()).hasSize(3);
        assertThat(there.kinematics().repetitions()).isEqualTo(here.kinematics().repetitions());
        assertThat(there.poses().frames()).isEqualTo(here.poses().frames());
        assertThat(there.poses().framesWithPose()).isEqualTo(here.poses().framesWithPose());
        assertThat(there.poses().video()).isEqualTo(here.poses().video());
        assertThat(there.model()).isEqualTo(here.model());
        List<AngleSeries> a = here.kinematics().angles().series(), b = there.kinematics().angles().series();
        assertThat(b).hasSameSizeAs(a).isNotEmpty();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).column()).isEqualTo(a.get(i).column());
            assertThat(b.get(i).valuesDeg()).as(a.get(i).column()).containsExactly(a.get(i).valuesDeg());
        }
        assertThat(there.kinematics().angles().timesS()).containsExactly(here.kinematics().angles().timesS());
        assertThat(there.kinematics().metrics()).isEqualTo(here.kinematics().metrics());
        assertThat(here.points()).hasSize(1);
        assertThat(there.points()).isEqualTo(here.points());
        assertThat(updates.get()).isGreaterThan(3);
        assertThat(lastFraction.get()).isEqualTo(1.0);
    }

    @Test
    void aFileThatExhaustsTheWorkerFailsItsOwnAnalysisAndTheNextOneRuns() throws Exception {
        // Within the upload limits, but its 8192×4096 frames do not fit a worker given 64 MB of heap.
        Path big = HostileVideos.realSize(tmp, 8192, 4096);
        IsolatedAnalysis small = new IsolatedAnalysis(new IsolatedAnalysis.Limits("64m", 12L << 30, Duration.ofMinutes(5)));
        assertThatThrownBy(() -> new AnalysisPipeline(small, small).run(AnalysisRequest.of(big).withThreads(1), AnalysisProgress.NONE))
                .isInstanceOfSatisfying(AnalysisException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AnalysisException.Kind.UNREADABLE_VIDEO);
                    assertThat(e.permanent()).isTrue();
                })
                .hasMessageStartingWith("the video could not be decoded within the limits: it needed more memory than a video is allowed");
        // and this JVM, and the next video, go on
        AnalysisResult next = new AnalysisPipeline(small, small).run(AnalysisRequest.of(Fixtures.squatVideo()).withThreads(1),
                AnalysisProgress.NONE);
        assertThat(next.poses().framesWithPose()).isPositive();
    }

    /** The limit a file went over crosses the process boundary as itself: the job's and the CLI's advice depend on it. */
    @Test
    void aVideoOverTheLimitsFailsForGoodNamingTheLimitAsInOneProcess() {
        Path video = HostileVideos.valid(tmp, "25-frames.mp4");
        IsolatedAnalysis isolated = new IsolatedAnalysis(new IsolatedAnalysis.Limits("256m", 12L << 30, Duration.ofMinutes(2)));
        AnalysisRequest request = AnalysisRequest.of(video).withThreads(1).withLimits(VideoLimits.DEFAULTS.withMaxFrames(10));
        assertThatThrownBy(() -> new AnalysisPipeline(isolated, isolated).run(request, AnalysisProgress.NONE))
                .isInstanceOfSatisfying(AnalysisException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getCause()).isInstanceOfSatisfying(VideoOverLimitException.class,
                            c -> assertThat(c.limit()).isEqualTo(VideoOverLimitException.Limit.FRAMES));
                })
                .hasMessageContaining("the video declares 25 frames; the limit is 10");
    }

    @Test
    void aWorkerOverItsTimeIsKilledAndTheAnalysisSaysSo() {
        IsolatedAnalysis hasty = new IsolatedAnalysis(new IsolatedAnalysis.Limits("512m", 12L << 30, Duration.ofMillis(300)));
        assertThatThrownBy(() -> new AnalysisPipeline(hasty, hasty).run(AnalysisRequest.of(Fixtures.squatVideo()).withThreads(1),
                AnalysisProgress.NONE))
                .isInstanceOfSatisfying(AnalysisException.class, e -> assertThat(e.kind()).isEqualTo(AnalysisException.Kind.UNREADABLE_VIDEO))
                .hasMessage("the video could not be decoded within the limits: it took longer than the 300 ms allowed");
    }

    @Test
    void cancellingKillsTheWorker() throws InterruptedException {
        IsolatedAnalysis worker = new IsolatedAnalysis(DEFAULT);
        AtomicInteger frames = new AtomicInteger();
        AnalysisProgress cancelAfterAFewFrames = new AnalysisProgress() {
            @Override
            public void update(Stage stage, double fraction, long framesDone, long framesTotal) { frames.set((int) framesDone); }

            @Override
            public boolean isCancelled() { return frames.get() > 0; }
        };
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new AnalysisPipeline(worker, worker).run(AnalysisRequest.of(Fixtures.squatVideo()).withThreads(1),
                cancelAfterAFewFrames))
                .isInstanceOfSatisfying(AnalysisException.class, e -> assertThat(e.kind()).isEqualTo(AnalysisException.Kind.CANCELLED));
        for (int i = 0; i < 50 && workers() > 0; i++) Thread.sleep(100); // SIGKILL sent; the kernel takes a moment
        assertThat(workers()).as("no worker left once the cancelled analysis returned").isZero();
        System.out.printf("cancelled after %d frames, in %.2f s%n", frames.get(), (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void anInterruptedJobThreadKillsItsWorkerEvenBeforeTheFirstFrame() throws Exception {
        IsolatedAnalysis worker = new IsolatedAnalysis(DEFAULT);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread job = Thread.ofPlatform().start(() -> {
            try {
                new AnalysisPipeline(worker, worker).run(AnalysisRequest.of(Fixtures.squatVideo()).withThreads(1), AnalysisProgress.NONE);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        long seen = 0;
        for (int i = 0; i < 600 && (seen = workers()) == 0 && job.isAlive(); i++) Thread.sleep(50);
        assertThat(seen).as("a worker was started").isPositive();
        job.interrupt(); // what JobRunr does to the thread of a deleted job
        job.join(Duration.ofSeconds(20));
        assertThat(job.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOfSatisfying(AnalysisException.class,
                e -> assertThat(e.kind()).isEqualTo(AnalysisException.Kind.CANCELLED));
        // SIGKILL sent; the worker counts as alive until the JDK's reaper has collected it (a CI run once saw it there)
        for (int i = 0; i < 50 && workers() > 0; i++) Thread.sleep(100);
        assertThat(workers()).as("no worker left once the interrupted job returned").isZero();
    }

    @Test
    void aScaleLineOutsideTheFrameIsRefusedAsInOneProcess() throws Exception {
        Path video = TestVideos.mp4(tmp.resolve("small.mp4"), 320, 240, 10, 25);
        AnalysisRequest request = AnalysisRequest.of(video).withThreads(1).withScale(new ScaleSpec.Line(10, 10, 900, 10, 1.0));
        IsolatedAnalysis worker = new IsolatedAnalysis(DEFAULT);
        String inProcess = messageOf(() -> new AnalysisPipeline().run(request, AnalysisProgress.NONE));
        assertThat(messageOf(() -> new AnalysisPipeline(worker, worker).run(request, AnalysisProgress.NONE))).isEqualTo(inProcess);
    }

    @Test
    void anUnreadableFileGetsTheSameMessageAsInOneProcess() throws Exception {
        Path text = java.nio.file.Files.writeString(tmp.resolve("notes.mp4"), "not a video at all");
        AnalysisRequest request = AnalysisRequest.of(text).withThreads(1);
        IsolatedAnalysis worker = new IsolatedAnalysis(DEFAULT);
        assertThat(messageOf(() -> new AnalysisPipeline(worker, worker).run(request, AnalysisProgress.NONE)))
                .isEqualTo(messageOf(() -> new AnalysisPipeline().run(request, AnalysisProgress.NONE)));
    }

    @Test
    void theWorkerRunsWithoutTheQuickCompilerCapAndWithinItsAddressSpace() {
        List<String> cmd = new IsolatedAnalysis(DEFAULT).command(2);
        assertThat(cmd).contains("-Xmx1g", "-XX:ActiveProcessorCount=3", AnalysisWorker.class.getName()).doesNotContain("-XX:TieredStopAtLevel=1");
        if (cmd.contains("prlimit")) assertThat(cmd).contains("--as=" + (12L << 30));
    }

    private interface Analysis { void run() throws Exception; }

    private static String messageOf(Analysis analysis) {
        try {
            analysis.run();
            return "(no failure)";
        } catch (Exception e) {
            // the cause too: callers tell an unreadable file or one over the limits by it
            return (e instanceof AnalysisException a ? a.kind() + ": " : e.getClass().getSimpleName() + ": ") + e.getMessage()
                    + (e.getCause() == null ? "" : " | " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        }
    }

    /** Analysis workers alive below this JVM (their command line read from /proc: ProcessHandle's is empty for long ones). */
    static long workers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> commandLine(p).contains(AnalysisWorker.class.getName())).count();
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return java.nio.file.Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException | RuntimeException e) {
            return p.info().commandLine().orElse("");
        }
    }
}
