package org.poseanalytics.kinematics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.testing.Fixtures;

/**
 * Cancelling stops a running analysis early with {@link AnalysisException.Kind#CANCELLED}, now that the tracking
 * sink (where the pipeline polls {@link AnalysisProgress#isCancelled}) runs on its own thread beside inference
 * (issue 17): the sink's exception still reaches the caller, and the pose stage stops within a few frames.
 */
class AnalysisCancellationTest {
    @Test
    void aCancelledAnalysisStopsEarlyWithCancelled() {
        AtomicLong lastFrames = new AtomicLong();
        AnalysisProgress cancelAfterTen = new AnalysisProgress() {
            @Override
            public void update(Stage stage, double fraction, long framesDone, long framesTotal) {
                if (stage == Stage.POSES) lastFrames.set(framesDone);
            }

            @Override
            public boolean isCancelled() { return lastFrames.get() >= 10; }
        };
        assertThatThrownBy(() -> new AnalysisPipeline().run(AnalysisRequest.of(Fixtures.squatVideo()), cancelAfterTen))
                .isInstanceOf(AnalysisException.class)
                .satisfies(e -> assertThat(((AnalysisException) e).kind()).isEqualTo(AnalysisException.Kind.CANCELLED));
        // Progress stopped right after the cancellation was seen, far from the fixture's end.
        assertThat(lastFrames.get()).isBetween(10L, 11L);
    }
}
