package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which waiting jobs get the free workers, so that one clinic's many or long jobs do not hold up another clinic's:
 * the clinic with the fewest jobs in hand (running or handed to the job runner) goes first; among equals, the one served
 * least recently; within a clinic, its oldest job. A clinic holds at most {@code perClinic} workers at once (0: no cap).
 * A plain queue would run a clinic's ten uploads before the single upload another clinic made a minute later.
 */
final class FairShare {
    private FairShare() {}

    record Waiting(UUID jobId, long clinicId, OffsetDateTime createdAt) {}

    /**
     * @param waiting    jobs not yet handed over, any order
     * @param inHand     jobs each clinic has running or handed over now
     * @param lastServed when each clinic last had a job handed over (absent: never)
     * @param free       workers free now
     */
    static List<UUID> choose(List<Waiting> waiting, Map<Long, Integer> inHand, Map<Long, OffsetDateTime> lastServed,
                             int free, int perClinic) {
        Map<Long, List<Waiting>> byClinic = new LinkedHashMap<>();
        waiting.stream().sorted(Comparator.comparing(Waiting::createdAt))
                .forEach(w -> byClinic.computeIfAbsent(w.clinicId(), c -> new ArrayList<>()).add(w));
        Map<Long, Integer> held = new HashMap<>(inHand);
        Map<Long, Long> servedOrder = new HashMap<>();
        lastServed.forEach((clinic, t) -> servedOrder.put(clinic, t.toInstant().toEpochMilli()));
        long now = Long.MAX_VALUE / 2;
        List<UUID> chosen = new ArrayList<>();
        while (chosen.size() < free) {
            Long next = byClinic.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty())
                    .filter(e -> perClinic <= 0 || held.getOrDefault(e.getKey(), 0) < perClinic)
                    .map(Map.Entry::getKey)
                    .min(Comparator.<Long>comparingInt(c -> held.getOrDefault(c, 0))
                            .thenComparingLong(c -> servedOrder.getOrDefault(c, Long.MIN_VALUE))
                            .thenComparing(c -> byClinic.get(c).getFirst().createdAt()))
                    .orElse(null);
            if (next == null) break;
            chosen.add(byClinic.get(next).removeFirst().jobId());
            held.merge(next, 1, Integer::sum);
            servedOrder.put(next, now++);
        }
        return chosen;
    }
}
