package org.poseanalytics.tracking.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.testing.SyntheticPerson;

/** "People seen" counts people: the tracker's pieces of one person are joined, fragments dropped. */
class PeopleAreCountedTest {
    private static final double FPS = 30;

    /**
     * A squats while sliding right; B, nearer the camera, walks left across A. The tracker (simulated here so its
     * ids are known) loses B three times around the crossing: B is track 2, then a 3-frame track 3, a 27-frame
     * track 4 and track 5 to the end. Track 6 is a second detection of A's body for a second; track 7 a 3-frame
     * false detection of something small in a corner.
     */
    @Test
    void twoPeopleCrossingWithFragmentsAndADuplicatedBodyAreTwoPeople() {
        SyntheticPerson a = new SyntheticPerson(300, 620, 400, 120, 90, 0.4, 0);
        SyntheticPerson b = new SyntheticPerson(1250, 690, 480, -150, 60, 0.3, 1.0);
        SyntheticPerson ghost = new SyntheticPerson(100, 300, 120, 0, 0, 0.5, 0);
        Random rnd = new Random(3);
        List<TrackedFrame> frames = new ArrayList<>();
        for (int k = 0; k < 180; k++) {
            double t = k / FPS;
            List<TrackedPerson> ps = new ArrayList<>();
            ps.add(new TrackedPerson(1, a.pose(t, 2, 0.9, rnd), false));
            int bId = k < 100 ? 2 : k >= 105 && k < 108 ? 3 : k >= 111 && k < 138 ? 4 : k >= 141 ? 5 : -1;
            if (bId > 0) ps.add(new TrackedPerson(bId, b.pose(t, 2, 0.9, rnd), false));
            if (k >= 30 && k < 60) ps.add(new TrackedPerson(6, a.pose(t, 3, 0.6, rnd), false));
            if (k >= 150 && k < 153) ps.add(new TrackedPerson(7, ghost.pose(t, 1, 0.6, rnd), false));
            frames.add(new TrackedFrame(k, t, 1280, 720, ps));
        }
        Set<Integer> confirmed = Set.of(1, 2, 3, 4, 5, 6, 7);
        assertThat(new Tracks(frames, confirmed, FragmentRules.off()).trackIds()).as("the tracker's own ids").hasSize(7);

        Tracks people = new Tracks(frames, confirmed);
        System.out.printf("[measured] crossing with fragments: tracker ids 7 -> people %s; merges %s; dropped %s%n",
                people.trackIds(), people.merges(), people.dropped());
        assertThat(people.trackIds()).containsExactly(1, 2);
        assertThat(people.personOf(3)).contains(2);
        assertThat(people.personOf(4)).contains(2);
        assertThat(people.personOf(5)).contains(2);
        assertThat(people.personOf(6)).contains(1);
        assertThat(people.personOf(7)).isEmpty();
        assertThat(people.merges()).contains(new Tracks.Merge(6, 1, Tracks.Reason.DUPLICATE), new Tracks.Merge(4, 2, Tracks.Reason.CONTINUATION));
        assertThat(people.dropped()).extracting(Tracks.Dropped::trackId).containsExactly(7);
        int bFrames = 0;
        for (TrackedFrame f : people.frames()) {
            Set<Integer> ids = new HashSet<>();
            for (TrackedPerson p : f.persons()) assertThat(ids.add(p.trackId())).as("one pose per person in frame %d", f.frameIndex()).isTrue();
            if (f.person(2).isPresent()) bFrames++;
            if (f.frameIndex() >= 30 && f.frameIndex() < 60) {
                assertThat(f.person(1).orElseThrow().pose().score()).as("A's own track is kept over its duplicate").isEqualTo(0.9);
            }
        }
        assertThat(bFrames).isEqualTo(100 + 3 + 27 + 39);

        Tracks.SubjectChoice chosen = people.subject(4);
        assertThat(chosen.trackId()).as("a joined id resolves to its person").isEqualTo(2);
        assertThat(chosen.chosenByUser()).isTrue();
        assertThat(people.subject(6).trackId()).isEqualTo(1);
        assertThatThrownBy(() -> people.subject(7)).hasMessageContaining("fragment").hasMessageContaining("[1, 2]");
        assertThat(TrackingStage.subject(people, java.util.Optional.of(5), org.poseanalytics.tracking.filter.FilterConfig.defaults())
                .choice().trackId()).isEqualTo(2);
    }

    /** Walks out of the right edge, turns outside the picture and walks back in 0.8 s later. */
    @Test
    void aPersonLeavingAndReenteringTheFrameIsOnePerson() {
        SyntheticPerson out = new SyntheticPerson(700, 650, 400, 300, 30, 0.5, 0);
        SyntheticPerson back = new SyntheticPerson(1240 + 300 * 2.6, 650, 400, -300, 30, 0.5, 0);
        List<FramePoses> frames = new ArrayList<>();
        Random rnd = new Random(8);
        for (int k = 0; k < 180; k++) {
            double t = k / FPS;
            List<PersonPose> ps = new ArrayList<>();
            if (t < 1.8) ps.add(out.pose(t, 2, 0.9, rnd));
            else if (t >= 2.6) ps.add(back.pose(t, 2, 0.9, rnd));
            frames.add(new FramePoses(k, t, 1280, 720, ps));
        }
        Tracks raw = track(frames, FragmentRules.off());
        Tracks people = track(frames, FragmentRules.defaults());
        System.out.printf("[measured] leave and re-enter after 0.8 s: tracker ids %s -> people %s (%s)%n", raw.trackIds(), people.trackIds(), people.merges());
        assertThat(raw.trackIds()).as("the tracker alone gives the returning person a new id").hasSize(2);
        assertThat(people.trackIds()).hasSize(1);
        assertThat(people.merges()).singleElement().extracting(Tracks.Merge::reason).isEqualTo(Tracks.Reason.CONTINUATION);
    }

    /** A second person walks past in front of the subject for 2 s: a person, not a fragment nor a duplicate. */
    @Test
    void aRealSecondPersonSeenForTwoSecondsIsAPerson() {
        SyntheticPerson a = new SyntheticPerson(640, 650, 400, 0, 90, 0.4, 0);
        SyntheticPerson b = new SyntheticPerson(1100 + 2 * 300, 680, 440, -300, 20, 0.5, 0.5);
        List<FramePoses> frames = new ArrayList<>();
        Random rnd = new Random(4);
        for (int k = 0; k < 180; k++) {
            double t = k / FPS;
            List<PersonPose> ps = new ArrayList<>();
            ps.add(a.pose(t, 2, 0.9, rnd));
            if (t >= 2 && t < 4) ps.add(b.pose(t, 2, 0.9, rnd));
            frames.add(new FramePoses(k, t, 1280, 720, ps));
        }
        Tracks people = track(frames, FragmentRules.defaults());
        assertThat(people.trackIds()).hasSize(2);
        assertThat(people.merges()).isEmpty();
        assertThat(people.dropped()).isEmpty();
    }

    @Test
    void aShortClipKeepsItsPeople() {
        SyntheticPerson a = new SyntheticPerson(640, 650, 400, 0, 90, 0.4, 0);
        List<FramePoses> frames = new ArrayList<>();
        Random rnd = new Random(4);
        for (int k = 0; k < 10; k++) frames.add(new FramePoses(k, k / FPS, 1280, 720, List.of(a.pose(k / FPS, 2, 0.9, rnd))));
        assertThat(track(frames, FragmentRules.defaults()).trackIds()).as("a 0.3 s clip is not all fragments").hasSize(1);
    }

    private static Tracks track(List<FramePoses> frames, FragmentRules rules) {
        TrackingStage stage = new TrackingStage(TrackerConfig.defaults(), rules, f -> { });
        frames.forEach(stage::accept);
        return stage.finish();
    }
}
