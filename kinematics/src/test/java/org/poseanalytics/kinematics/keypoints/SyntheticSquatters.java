package org.poseanalytics.kinematics.keypoints;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.PoseSource;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.video.DecodeReport;
import org.poseanalytics.pose.video.VideoInfo;

/**
 * Test truth: a person doing three squats (knees 0 → 90° → 0, hips 0 → 80°) seen from their left side in the middle of a
 * 1280 × 960 frame at 30 fps, and a bystander standing still near the right edge. Pixels are exact (orthographic camera).
 */
final class SyntheticSquatters {
    static final int WIDTH = 1280, HEIGHT = 960;
    static final double FPS = 30;
    static final int FRAMES = 270; // 9 s: three 3-second squats

    private SyntheticSquatters() {}

    static double kneeTruth(int frame) { return 45 * (1 - Math.cos(2 * Math.PI * frame / (3 * FPS))); }

    static BodyPose squatPose(int frame) {
        double knee = kneeTruth(frame);
        return BodyPose.neutral().withKnee(knee, knee).withHip(knee * 80 / 90, knee * 80 / 90);
    }

    /** [frame][person][landmark][x, y]: person 0 the squatter (centre), person 1 the bystander (right edge). */
    static double[][][][] images(boolean bystander) {
        SyntheticBody.Camera side = new SyntheticBody.Camera(90, 0, 300, 640, 480);
        SyntheticBody.Camera edge = new SyntheticBody.Camera(90, 0, 300, 1160, 480);
        double[][] standing = SyntheticBody.imageFrom(SyntheticBody.build(BodyPose.neutral(), 0, new Vec3(0, 1, 0)), edge);
        double[][][][] out = new double[FRAMES][][][];
        for (int i = 0; i < FRAMES; i++) {
            double[][] squatter = SyntheticBody.imageFrom(SyntheticBody.build(squatPose(i), 0, new Vec3(0, 1, 0)), side);
            out[i] = bystander ? new double[][][]{squatter, standing} : new double[][][]{squatter};
        }
        return out;
    }

    static PersonPose person(double[][] px) {
        List<Keypoint> k = new ArrayList<>();
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (double[] p : px) {
            k.add(new Keypoint(p[0], p[1], 0, 1, 1));
            x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]);
        }
        return new PersonPose(Skeleton.BLAZEPOSE_33, k, List.of(), new BoundingBox(x0, y0, x1 - x0, y1 - y0), 1);
    }

    /** The synthetic frames as a pose source, as if a model had seen them in a video. */
    static PoseSource source(boolean bystander) {
        double[][][][] images = images(bystander);
        return (AnalysisRequest request, Consumer<FramePoses> frames, AnalysisProgress progress) -> {
            for (int i = 0; i < FRAMES; i++) {
                List<PersonPose> persons = new ArrayList<>();
                for (double[][] p : images[i]) persons.add(person(p));
                frames.accept(new FramePoses(i, i / FPS, WIDTH, HEIGHT, persons));
            }
            VideoInfo info = new VideoInfo("synthetic", "none", WIDTH, HEIGHT, 0, FRAMES, FRAMES / FPS, FPS, false, false);
            return new VideoPoseResult(info, "synthetic", FRAMES, FRAMES, new DecodeReport(FRAMES, (FRAMES - 1) / FPS, FRAMES / FPS, true, null),
                    0, 0, 0, new StageTimings());
        };
    }
}
