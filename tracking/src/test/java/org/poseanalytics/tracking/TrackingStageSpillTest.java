package org.poseanalytics.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.TrackerConfig;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesBuilder;
import org.poseanalytics.tracking.testing.SyntheticPerson;

/**
 * A long video's poses leave the heap while it is being tracked, all but the last {@link TrackingStage#SPILL_LAG_FRAMES}
 * frames, so an hour's tracks never gather there; what the tracks say afterwards must not change at all.
 */
class TrackingStageSpillTest {
    private static final double FPS = 30;
    private static final int FRAMES = 1_200;

    @Test
    void posesOfOlderFramesAreSpilledAsTrackingGoesAndTheTracksAreTheSame() {
        TrackingStage kept = new TrackingStage(TrackerConfig.defaults()).spillingFrom(-1);
        TrackingStage spilled = new TrackingStage(TrackerConfig.defaults()).spillingFrom(300);
        List<TrackedFrame> seen = new ArrayList<>();
        for (FramePoses f : twoPeopleCrossing()) kept.accept(f);
        for (FramePoses f : twoPeopleCrossing()) seen.add(spilled.accept(f));

        int lastSpilled = FRAMES - TrackingStage.SPILL_LAG_FRAMES - 1;
        assertThat(poses(seen.get(0))).allMatch(p -> p.pose().isSpilled());
        assertThat(poses(seen.get(lastSpilled))).allMatch(p -> p.pose().isSpilled());
        assertThat(poses(seen.get(lastSpilled + 1))).as("the tracker's recent frames stay on the heap").noneMatch(p -> p.pose().isSpilled());

        Tracks a = kept.finish(), b = spilled.finish();
        assertThat(b.frames()).allMatch(f -> f.persons().stream().allMatch(p -> p.pose().isSpilled()));
        assertThat(a.frames()).allMatch(f -> f.persons().stream().noneMatch(p -> p.pose().isSpilled()));
        assertThat(b.trackIds()).hasSize(2).isEqualTo(a.trackIds());
        assertThat(b.summaries()).isEqualTo(a.summaries());
        assertThat(b.merges()).isEqualTo(a.merges());
        for (int id : a.trackIds()) {
            KeypointSeries x = SeriesBuilder.raw(a, id), y = SeriesBuilder.raw(b, id);
            assertThat(y.frames()).containsExactly(x.frames());
            assertThat(y.x().toArray()).isDeepEqualTo(x.x().toArray());
            assertThat(y.y().toArray()).isDeepEqualTo(x.y().toArray());
            assertThat(y.visibility().toArray()).isDeepEqualTo(x.visibility().toArray());
            assertThat(y.z().toArray()).isDeepEqualTo(x.z().toArray());
        }
    }

    @Test
    void aShortVideoStaysOnTheHeap() {
        TrackingStage stage = new TrackingStage(TrackerConfig.defaults()).spillingFrom(FRAMES + 1);
        for (FramePoses f : twoPeopleCrossing()) stage.accept(f);
        assertThat(stage.finish().frames()).allMatch(f -> f.persons().stream().noneMatch(p -> p.pose().isSpilled()));
    }

    private static List<TrackedPerson> poses(TrackedFrame f) {
        assertThat(f.persons()).isNotEmpty();
        return f.persons();
    }

    /** Two people walking past each other, 40 s, the same poses every call. */
    private static List<FramePoses> twoPeopleCrossing() {
        SyntheticPerson a = new SyntheticPerson(300, 620, 400, 20, 90, 0.4, 0);
        SyntheticPerson b = new SyntheticPerson(1250, 690, 480, -20, 60, 0.3, 1.0);
        Random rnd = new Random(5);
        List<FramePoses> frames = new ArrayList<>();
        for (int k = 0; k < FRAMES; k++) {
            double t = k / FPS;
            frames.add(new FramePoses(k, t, 1280, 720, List.of(a.pose(t, 2, 0.9, rnd), b.pose(t, 2, 0.9, rnd))));
        }
        return frames;
    }
}
