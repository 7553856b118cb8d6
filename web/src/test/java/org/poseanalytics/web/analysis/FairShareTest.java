package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order in which waiting jobs get free workers: by clinic in turn, not first come first served. */
class FairShareTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-05T09:00:00Z");
    static final long A = 1, B = 2, C = 3;

    @Test
    void oneWorkerTakesTheClinicsInTurn() {
        List<FairShare.Waiting> waiting = new ArrayList<>(List.of(job(A, 0), job(A, 1), job(A, 2), job(B, 3), job(C, 4), job(B, 5)));
        Map<Long, OffsetDateTime> served = new HashMap<>();
        List<Long> clinics = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            List<UUID> next = FairShare.choose(waiting, Map.of(), served, 1, 0);
            assertThat(next).hasSize(1);
            FairShare.Waiting w = waiting.stream().filter(j -> j.jobId().equals(next.getFirst())).findFirst().orElseThrow();
            waiting.remove(w);
            clinics.add(w.clinicId());
            served.put(w.clinicId(), T0.plusMinutes(10 + round));
        }
        // First come first served would be A A A B C B.
        assertThat(clinics).containsExactly(A, B, C, A, B, A);
    }

    @Test
    void aClinicHoldingWorkersWaitsForTheOthersAndTheCapHolds() {
        List<FairShare.Waiting> waiting = List.of(job(A, 0), job(A, 1), job(A, 2), job(B, 3));
        // A has two running: B's one job goes first even though A's are older.
        assertThat(clinicsOf(waiting, FairShare.choose(waiting, Map.of(A, 2), Map.of(), 1, 0))).containsExactly(B);
        // Three free workers, at most two per clinic: A's oldest, B's, A's next; A's third waits.
        assertThat(clinicsOf(waiting, FairShare.choose(waiting, Map.of(), Map.of(), 3, 2))).containsExactly(A, B, A);
        assertThat(FairShare.choose(waiting, Map.of(A, 2), Map.of(), 3, 2)).hasSize(1);
        assertThat(FairShare.choose(waiting, Map.of(), Map.of(), 0, 0)).isEmpty();
    }

    static FairShare.Waiting job(long clinic, int minute) { return new FairShare.Waiting(UUID.randomUUID(), clinic, T0.plusMinutes(minute)); }

    static List<Long> clinicsOf(List<FairShare.Waiting> waiting, List<UUID> ids) {
        return ids.stream().map(id -> waiting.stream().filter(w -> w.jobId().equals(id)).findFirst().orElseThrow().clinicId()).toList();
    }
}
