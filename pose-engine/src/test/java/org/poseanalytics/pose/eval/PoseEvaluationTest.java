package org.poseanalytics.pose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.testing.Fixtures;

class PoseEvaluationTest {

    @Test
    void perfectPosesScoreApOnePckOneAndZeroError() {
        CocoDataset gt = CocoJson.readDataset(Fixtures.cocoAnnotations());
        PoseEvaluation.Report r = new PoseEvaluation(0.2).run(gt, Fixtures.cocoDir(), new GroundTruthPoses(gt, 0, 0, Skeleton.COCO_17));
        assertThat(r.images()).isEqualTo(4);
        assertThat(r.detections()).hasSize(12);
        assertThat(r.coco().ap()).isCloseTo(1, within(1e-9));
        assertThat(r.accuracy().pck()).isEqualTo(1.0);
        assertThat(r.accuracy().overallMeanErrorPx()).isZero();
        assertThat(r.accuracy().missedPeople()).isZero();
    }

    @Test
    void blazePoseSkeletonsAreMappedToCocoByName() {
        CocoDataset gt = CocoJson.readDataset(Fixtures.cocoAnnotations());
        PoseEvaluation.Report r = new PoseEvaluation(0.2).run(gt, Fixtures.cocoDir(), new GroundTruthPoses(gt, 0, 0, Skeleton.BLAZEPOSE_33));
        assertThat(r.coco().ap()).isCloseTo(1, within(1e-9));
        assertThat(r.accuracy().overallMeanErrorPx()).isZero();
    }

    @Test
    void shiftedPosesHaveThatErrorAndThePckTheBoxesImply() {
        CocoDataset gt = CocoJson.readDataset(Fixtures.cocoAnnotations());
        double dx = 15, dy = 20;                        // 25 px off everywhere
        PoseEvaluation.Report r = new PoseEvaluation(0.2).run(gt, Fixtures.cocoDir(), new GroundTruthPoses(gt, dx, dy, Skeleton.COCO_17));
        KeypointAccuracy a = r.accuracy();
        assertThat(a.overallMeanErrorPx()).isCloseTo(25, within(1e-9));
        for (int k = 0; k < 17; k++) if (a.errorCount()[k] > 0) assertThat(a.meanErrorPx()[k]).isCloseTo(25, within(1e-9));
        int labelled = 0, correct = 0;
        for (CocoAnnotation p : gt.annotations()) {
            if (p.ignored()) continue;
            for (int k = 0; k < 17; k++) {
                if (p.v(k) <= 0) continue;
                labelled++;
                if (25 <= 0.2 * Math.max(p.bbox()[2], p.bbox()[3])) correct++;
            }
        }
        assertThat(a.labelled()).isEqualTo(labelled);
        assertThat(a.correct()).isEqualTo(correct).isLessThan(labelled);   // small people fail at 25 px
        assertThat(r.coco().ap()).isLessThan(1).isGreaterThan(0);
    }

    @Test
    void aPersonNobodyFoundCountsAsWrongInPckAndAsMissed() {
        CocoDataset gt = CocoJson.readDataset(Fixtures.cocoAnnotations());
        GroundTruthPoses all = new GroundTruthPoses(gt, 0, 0, Skeleton.COCO_17);
        ImagePoseSource dropFirst = (meta, image) -> {
            List<PersonPose> poses = all.estimate(meta, image);
            return meta.id() == 785 ? List.of() : poses;     // the one person in 785 has 17 labelled keypoints
        };
        PoseEvaluation.Report r = new PoseEvaluation(0.2).run(gt, Fixtures.cocoDir(), dropFirst);
        assertThat(r.accuracy().missedPeople()).isEqualTo(1);
        assertThat(r.accuracy().correct()).isEqualTo(r.accuracy().labelled() - 17);
        assertThat(r.accuracy().overallMeanErrorPx()).isZero();
        assertThat(r.coco().ar()).isLessThan(1);
    }

    @Test
    void coco17MappingPicksTheSameNamedLandmarks() {
        int[] idx = Coco17.indicesIn(Skeleton.BLAZEPOSE_33);
        assertThat(idx).containsExactly(0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28);
        List<Keypoint> kps = new java.util.ArrayList<>();
        for (int i = 0; i < 33; i++) kps.add(new Keypoint(i, -i, 0, 1, 1));
        PersonPose blaze = new PersonPose(Skeleton.BLAZEPOSE_33, kps, List.of(), null, 1);
        PersonPose coco = Coco17.of(blaze);
        assertThat(coco.keypoint(Skeleton.COCO_17.indexOf("left_ankle")).x()).isEqualTo(27);
    }

    @Test
    void photosAreReadAsRgbAndMissingOnesAreNamed() {
        RgbImage img = PoseEvaluation.load(Fixtures.cocoDir().resolve("000000000785.jpg"));
        assertThat(img.width()).isEqualTo(640);
        assertThat(img.height()).isEqualTo(425);
        assertThatThrownBy(() -> PoseEvaluation.load(Path.of("/nonexistent/x.jpg"))).hasMessageContaining("image not found");
    }
}
