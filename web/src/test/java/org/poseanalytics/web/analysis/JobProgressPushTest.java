package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.Command;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.account.CurrentUser;

/** The pages' one progress channel: a followed job's changes reach the page once each, and only while it is shown. */
class JobProgressPushTest {
    static final long CLINIC = 7, VIDEO = 42;
    static final UUID JOB = UUID.randomUUID();

    final AnalysisJobs jobs = mock(AnalysisJobs.class);
    final CurrentUser signedIn = new CurrentUser() {
        @Override public long clinicId() { return CLINIC; }
    };
    /** A UI whose access runs at once, as the push thread's would once the session lock is free. */
    final UI ui = new UI() {
        @Override public Future<Void> access(Command command) {
            command.execute();
            return CompletableFuture.completedFuture(null);
        }
    };
    final List<JobProgress> told = new ArrayList<>();
    JobProgressPush push;

    @BeforeEach
    void channel() {
        push = new JobProgressPush(jobs, signedIn);
        push.stop(); // the test ticks by hand
    }

    @AfterEach
    void stop() { push.stop(); }

    @Test
    void aFollowedJobsChangesArePushedOnceEach() {
        JobProgress queued = job(JobState.QUEUED, 0), running = job(JobState.RUNNING, 0.4), done = job(JobState.SUCCEEDED, 1);
        Span owner = new Span();
        ui.add(owner);
        push.follow(owner, VIDEO, queued, told::add);

        latest(queued);
        push.tick();
        assertThat(told).as("what the page already shows is not pushed").isEmpty();
        latest(running);
        push.tick();
        push.tick();
        latest(done);
        push.tick();
        assertThat(told).containsExactly(running, done);
        verify(jobs, org.mockito.Mockito.atLeastOnce()).latestOf(eq(CLINIC), eq(List.of(VIDEO)));
    }

    @Test
    void aJobQueuedAfterThePageOpenedIsPushed() {
        Span owner = new Span();
        ui.add(owner);
        push.follow(owner, VIDEO, null, told::add);
        push.tick();
        JobProgress queued = job(JobState.QUEUED, 0);
        latest(queued);
        push.tick();
        assertThat(told).containsExactly(queued);
    }

    @Test
    void aDetachedPageIsNoLongerToldNorIsTheDatabaseRead() {
        Span owner = new Span();
        ui.add(owner);
        push.follow(owner, VIDEO, null, told::add);
        ui.remove(owner);
        latest(job(JobState.RUNNING, 0.5));
        push.tick();
        assertThat(told).isEmpty();
        verify(jobs, never()).latestOf(anyLong(), anyCollection());

        ui.add(owner); // shown again (e.g. back in the same UI): followed again
        push.tick();
        assertThat(told).hasSize(1);
    }

    @Test
    void aComponentNotYetAttachedIsFollowedFromItsAttach() {
        Span owner = new Span();
        push.follow(owner, VIDEO, null, told::add);
        latest(job(JobState.RUNNING, 0.1));
        push.tick();
        assertThat(told).isEmpty();
        ui.add(owner);
        push.tick();
        assertThat(told).hasSize(1);
    }

    private void latest(JobProgress p) {
        when(jobs.latestOf(eq(CLINIC), anyCollection())).thenReturn(Map.of(VIDEO, p));
    }

    private static JobProgress job(JobState state, double fraction) {
        OffsetDateTime t = OffsetDateTime.parse("2025-01-01T10:00:00Z");
        return new JobProgress(JOB, VIDEO, state, state == JobState.RUNNING ? "poses" : null, fraction, 0, 0, 1, "node:1",
                null, "squat", null, null, "Coach", t, t, t, state.active() ? null : t);
    }
}
