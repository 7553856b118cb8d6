package org.poseanalytics.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.skeleton.Skeleton;

/** A pose keeps its landmarks packed as float32 (long videos hold every frame's poses): values, gaps, immutability. */
class PersonPoseTest {
    private static PersonPose pose(double offset) {
        List<Keypoint> kps = new ArrayList<>();
        List<WorldPoint> world = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            kps.add(i == 7 ? Keypoint.MISSING : new Keypoint(1000.123456789 + i + offset, 20.5 * i, -0.25 * i, 0.9, 0.7));
            world.add(new WorldPoint(0.01 * i, -0.02 * i, 0.3 + offset));
        }
        return new PersonPose(Skeleton.BLAZEPOSE_33, kps, world, new BoundingBox(1, 2, 3, 4), 0.8);
    }

    @Test
    void valuesComeBackAtFloatPrecision() {
        PersonPose p = pose(0);
        assertThat(p.keypoints()).hasSize(33);
        assertThat(p.world()).hasSize(33);
        Keypoint k = p.keypoint(3);
        assertThat(k.x()).isEqualTo((double) (float) 1003.123456789).isCloseTo(1003.123456789, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(k.y()).isEqualTo(61.5);
        assertThat(k.z()).isEqualTo(-0.75);
        assertThat(k.visibility()).isEqualTo((double) 0.9f);
        assertThat(k.presence()).isEqualTo((double) 0.7f);
        assertThat(p.world().get(10)).isEqualTo(new WorldPoint((float) 0.1, (float) -0.2, (float) 0.3));
        assertThat(p.keypoint(7).isMissing()).isTrue();
        assertThat(p.keypoints().get(7)).isEqualTo(Keypoint.MISSING);
    }

    @Test
    void posesOfTheSameValuesAreEqualAndOthersAreNot() {
        assertThat(pose(0)).isEqualTo(pose(0)).hasSameHashCodeAs(pose(0));
        assertThat(pose(0)).isNotEqualTo(pose(1));
        // Packing a packed pose again changes nothing.
        PersonPose p = pose(0);
        PersonPose again = new PersonPose(p.skeleton(), p.keypoints(), p.world(), p.box(), p.score());
        assertThat(again.keypoints()).isSameAs(p.keypoints());
        assertThat(again).isEqualTo(p);
    }

    @Test
    void listsCannotBeChangedAndNoWorldIsEmpty() {
        PersonPose p = pose(0);
        assertThatThrownBy(() -> p.keypoints().set(0, Keypoint.MISSING)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.world().add(new WorldPoint(0, 0, 0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.keypoints().get(33)).isInstanceOf(IndexOutOfBoundsException.class);
        PersonPose flat = new PersonPose(Skeleton.BLAZEPOSE_33, p.keypoints(), List.of(), null, 1);
        assertThat(flat.hasWorld()).isFalse();
        assertThatThrownBy(() -> new PersonPose(Skeleton.BLAZEPOSE_33, p.keypoints().subList(0, 17), List.of(), null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spilledPosesReadBackTheSameValuesFromAnyThread() throws Exception {
        PoseSpill spill = PoseSpill.create();
        List<PersonPose> poses = new ArrayList<>();
        List<PersonPose> copies = new ArrayList<>();
        for (int f = 0; f < 3_000; f++) { // 3 MB: over the spill's 1 MB write buffer, so it flushes as it writes
            poses.add(pose(f));
            copies.add(pose(f));
        }
        for (PersonPose p : poses) p.spillTo(spill);
        poses.get(0).spillTo(spill); // a second spill does nothing
        spill.flush();
        assertThat(poses).isEqualTo(copies);
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int f = poses.size() - 1; f >= 0; f -= 97) {
                assertThat(poses.get(f).keypoints()).isEqualTo(copies.get(f).keypoints());
                assertThat(poses.get(f).world()).isEqualTo(copies.get(f).world());
            }
        }).get();
        assertThat(poses.get(123).keypoint(7).isMissing()).isTrue();
        assertThat(poses.get(123).keypoint(3).x()).isEqualTo((double) (float) (1003.123456789 + 123));
        assertThatThrownBy(() -> poses.get(0).keypoints().get(33)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
