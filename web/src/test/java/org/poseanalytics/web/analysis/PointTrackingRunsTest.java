package org.poseanalytics.web.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.PointTrackingRuns.PointRun;
import org.poseanalytics.web.analysis.PointTrackingRuns.State;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A point being tracked is kept by the server, not the page: queued behind the point before it, listed with its
 * progress to whoever opens the analysis meanwhile, stored with the analysis (the last news of the run), or listed as
 * failed with its reason until dismissed.
 */
class PointTrackingRunsTest extends DatabaseTest {
    @Autowired PointTrackingRuns runs;
    @Autowired PointTrackingQueue queue;
    @Autowired TrackedPoints points;
    @Autowired VideoService videos;
    @Autowired AnalysisStore store;
    @Autowired Storage storage;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void aQueuedPointIsListedWithItsProgressAndThenStored() throws Exception {
        TestClinic owner = TestClinic.create(jdbc);
        UUID file = UUID.randomUUID();
        TestVideos.mp4(storage.video(file), 320, 240, 30, 25);
        long videoId = owner.video(jdbc, owner.session(jdbc, LocalDate.now(), "squat"), file);
        long analysis = store.save(owner.clinicId(), videoId, UUID.randomUUID(), null, SyntheticResults.of(3, 33, 1, 2, 1)).analysisId();
        owner.signIn(Role.CLINICIAN);
        Video video = videos.get(videoId);
        List<PointRun> heard = new CopyOnWriteArrayList<>();
        CountDownLatch over = new CountDownLatch(1);
        Runnable stop = runs.watch(analysis, r -> {
            heard.add(r);
            if (r.state() == State.STORED || r.state() == State.FAILED) over.countDown();
        });
        CountDownLatch hold = new CountDownLatch(1);
        queue.submit(() -> await(hold));
        try {
            // The top-left corner of the orange box that slides right.
            PointRun run = runs.start(video, analysis, new PointSpec(1, 81, 0));
            assertThat(runs.of(analysis)).extracting(PointRun::id, PointRun::state).containsExactly(org.assertj.core.groups.Tuple.tuple(run.id(), State.QUEUED));
            hold.countDown();
            assertThat(over.await(60, TimeUnit.SECONDS)).as("tracking finished").isTrue();
        } finally {
            hold.countDown();
            stop.run();
        }
        System.out.println("[measured] point run news: " + heard.stream().map(r -> r.state() + " " + Math.round(r.progress() * 100) + "%").toList());
        assertThat(heard.getLast().state()).as("last news, failure: %s", heard.getLast().failure()).isEqualTo(State.STORED);
        assertThat(heard).extracting(PointRun::state).startsWith(State.QUEUED, State.RUNNING);
        assertThat(heard.stream().filter(r -> r.state() == State.RUNNING).mapToDouble(PointRun::progress).max().orElse(0))
                .as("progress reported while running").isGreaterThan(0.2);
        assertThat(runs.of(analysis)).as("a stored point leaves the list of runs").isEmpty();
        assertThat(points.list(analysis)).hasSize(1);
        assertThat(heard.getLast().stored().trajectory().framesSeen()).isGreaterThan(20);
    }

    @Test
    void aFailureStaysListedWithItsReasonUntilDismissed() throws Exception {
        TestClinic owner = TestClinic.create(jdbc);
        long videoId = owner.video(jdbc, owner.session(jdbc, LocalDate.now(), "squat")); // a row whose file is missing
        long analysis = store.save(owner.clinicId(), videoId, UUID.randomUUID(), null, SyntheticResults.of(3, 33, 1, 2, 1)).analysisId();
        owner.signIn(Role.CLINICIAN);
        CountDownLatch over = new CountDownLatch(1);
        Runnable stop = runs.watch(analysis, r -> { if (r.state() == State.FAILED || r.state() == State.STORED) over.countDown(); });
        try {
            runs.start(videos.get(videoId), analysis, new PointSpec(10, 10, 0));
            assertThat(over.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            stop.run();
        }
        PointRun failed = runs.of(analysis).getFirst();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        System.out.println("[measured] failure reason: " + failed.failure());
        assertThat(failed.failure()).contains("could not be read").doesNotContain(DATA_DIR.toString()).doesNotContain("/");
        owner.signIn(Role.VIEWER);
        assertThat(runs.of(analysis)).hasSize(1);
        runs.dismiss(failed);
        assertThat(runs.of(analysis)).isEmpty();
        assertThat(points.list(analysis)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
