package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two clinics on one worker, through the database: clinic A queues three jobs, clinic B one a little later; B's job
 * runs second, not fourth. Everything happens in one transaction that is rolled back, so the app's own dispatcher
 * (and its job runner) never see these rows.
 */
class FairDispatchTest extends DatabaseTest {
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired JobRecords records;

    @Test
    void anotherClinicsJobIsNotQueuedBehindAllOfOneClinicsJobs() {
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // Whatever other tests left running is not this test's world.
            jdbc.sql("update analysis_job set state = 'failed' where state in ('queued', 'running')").update();
            TestClinic a = TestClinic.create(jdbc), b = TestClinic.create(jdbc);
            OffsetDateTime t0 = OffsetDateTime.now().minusMinutes(10);
            List<UUID> aJobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) aJobs.add(queued(a, t0.plusMinutes(i)));
            UUID bJob = queued(b, t0.plusMinutes(5));
            JobRequestScheduler scheduler = mock(JobRequestScheduler.class);
            FairDispatch dispatch = new FairDispatch(jdbc, tx, scheduler, () -> 1, 0);

            List<UUID> order = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                List<UUID> handed = dispatch.dispatch();
                assertThat(handed).as("round " + round).hasSize(1);
                assertThat(dispatch.dispatch()).as("the one worker is busy").isEmpty();
                order.add(handed.getFirst());
                jdbc.sql("update analysis_job set state = 'succeeded' where job_id = :j").param("j", handed.getFirst()).update();
            }
            assertThat(order).containsExactly(aJobs.get(0), bJob, aJobs.get(1), aJobs.get(2));
            for (UUID id : order) verify(scheduler).enqueue(eq(id), any(AnalyseVideo.class));
        });
    }

    @Test
    void aPerClinicCapKeepsAWorkerForOthers() {
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("update analysis_job set state = 'failed' where state in ('queued', 'running')").update();
            TestClinic a = TestClinic.create(jdbc), b = TestClinic.create(jdbc);
            OffsetDateTime t0 = OffsetDateTime.now().minusMinutes(10);
            for (int i = 0; i < 3; i++) queued(a, t0.plusMinutes(i));
            FairDispatch dispatch = new FairDispatch(jdbc, tx, mock(JobRequestScheduler.class), () -> 2, 1);
            assertThat(dispatch.dispatch()).as("A alone may hold one of the two workers").hasSize(1);
            UUID bJob = queued(b, t0.plusMinutes(8));
            assertThat(dispatch.dispatch()).containsExactly(bJob);
        });
    }

    private UUID queued(TestClinic clinic, OffsetDateTime created) {
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "squat"));
        UUID id = UUID.randomUUID();
        records.insertQueued(id, clinic.clinicId(), video, null, "squat", null, clinic.accountId(), new org.poseanalytics.kinematics.scale.ScaleSpec.None());
        jdbc.sql("update analysis_job set created_at = :t where job_id = :j").param("t", created).param("j", id).update();
        return id;
    }
}
