package org.poseanalytics.pose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Decoding's priority beside inference: when it is lowered, that only the decoding threads are, and their children. */
class DecodePriorityTest {
    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void autoLowersDecodingOnlyWhereInferenceTakesEveryCore() {
        List<String> lowest = DecodePriority.lowering("19", 1, 8);
        assertThat(lowest).contains("19");
        assertThat(DecodePriority.lowering("auto", 2, 2)).isEqualTo(lowest);
        assertThat(DecodePriority.lowering("auto", 4, 2)).isEqualTo(lowest);
        assertThat(DecodePriority.lowering("idle", 2, 2)).isNotEmpty().isNotEqualTo(lowest);
        assertThat(DecodePriority.lowering("auto", 1, 2)).isEmpty(); // decoding has a core of its own
        assertThat(DecodePriority.lowering("auto", 0, 2)).isEmpty(); // thread count unknown
        assertThat(DecodePriority.lowering("off", 2, 2)).isEmpty();
        assertThat(DecodePriority.lowering("10", 1, 8)).contains("10");
        assertThatThrownBy(() -> DecodePriority.lowering("25", 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decode-priority");
        assertThatThrownBy(() -> DecodePriority.lowering("low", 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lowersTheCallingThreadAndWhatTheOpenerStartsButNotTheCaller() throws Exception {
        assumeTrue(Files.isReadable(THREAD_STAT), "Linux only: priorities per thread");
        int niceBefore = stat(NICE), policyBefore = stat(POLICY);
        AtomicInteger child = new AtomicInteger(-100);
        Integer opener = DecodePriority.openLowered(DecodePriority.lowering("idle", 2, 2), () -> {
            // as FFmpeg starts its decoding threads when the codec opens
            Thread t = Thread.ofPlatform().start(() -> child.set(stat(POLICY)));
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return stat(POLICY);
        });
        assertThat(opener).isEqualTo(SCHED_IDLE);
        assertThat(child.get()).isEqualTo(SCHED_IDLE);
        assertThat(stat(POLICY)).isEqualTo(policyBefore);

        AtomicInteger decoder = new AtomicInteger(-100);
        Thread t = Thread.ofPlatform().start(() -> {
            assertThat(DecodePriority.lowerCurrentThread(DecodePriority.lowering(Integer.toString(niceBefore + 3), 2, 2))).isTrue();
            decoder.set(stat(NICE));
        });
        t.join();
        assertThat(decoder.get()).isEqualTo(niceBefore + 3);
        assertThat(stat(NICE)).isEqualTo(niceBefore);
    }

    @Test
    void aFailingOpenReachesTheCaller() {
        assertThatThrownBy(() -> DecodePriority.openLowered(List.of("chrt", "--idle", "-p", "0"),
                () -> { throw new IllegalStateException("unreadable"); }))
                .isInstanceOf(IllegalStateException.class).hasMessage("unreadable");
    }

    private static final int NICE = 19, POLICY = 41, SCHED_IDLE = 5;

    /** A field of the calling thread's stat line (proc(5); after the command name in parentheses comes field 3). */
    private static int stat(int field) {
        try {
            String stat = Files.readString(THREAD_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[field - 3]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
