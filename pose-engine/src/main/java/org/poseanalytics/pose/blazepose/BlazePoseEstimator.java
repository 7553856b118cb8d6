package org.poseanalytics.pose.blazepose;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.pose.Benchmarkable;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.VideoPoseSession;
import org.poseanalytics.pose.WorldPoint;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.model.ModelFiles;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * BlazePose (MediaPipe's pretrained pose detector and landmark model) on the TFLite runtime. Photos: every
 * detected person gets landmarks. Videos: {@link #openVideo()} follows up to {@link #maxVideoPersons()} people,
 * each the way MediaPipe's video mode follows its one person (see {@link BlazePoseTracker}).
 * Owns the detector's and the landmark model's interpreters (and, once a video shows several people, the landmark
 * interpreters that run their crops side by side: {@link PeopleLandmarks}, and, where inference leaves a core idle,
 * a second detector for the periodic look beside the landmark call: {@link DetectorBeside}); use one video session or
 * image call at a time.
 */
public final class BlazePoseEstimator implements PoseEstimator, Benchmarkable {
    /** More people than this in one photo are not looked at; the detector ranks them by score. */
    static final int MAX_PERSONS = 10;
    /**
     * People followed at once in a video by default: enough for a subject with a coach, a spotter or a passer-by,
     * while the cost (one landmark call per followed person per frame) stays bounded.
     */
    public static final int DEFAULT_MAX_VIDEO_PERSONS = 4;

    private final BlazePoseVariant variant;
    private final PoseDetector detector;
    private final PeopleLandmarks landmarks;
    /** The periodic detector look beside the landmark call, where inference leaves a core for it; else null. */
    private final DetectorBeside beside;
    private final int maxVideoPersons;
    private final int threads;

    private BlazePoseEstimator(BlazePoseVariant variant, int threads, int maxVideoPersons) {
        if (maxVideoPersons < 1) {
            throw new IllegalArgumentException("the number of people to follow in a video must be at least 1, was " + maxVideoPersons);
        }
        this.variant = variant;
        this.maxVideoPersons = maxVideoPersons;
        this.detector = new PoseDetector(threads);
        boolean spareCore = SpareCore.use(threads);
        this.landmarks = new PeopleLandmarks(variant, threads, new LandmarkModel(variant, threads, spareCore));
        this.beside = spareCore ? new DetectorBeside(threads) : null;
        this.threads = threads;
    }

    /**
     * Loads the detector and the given landmark model, each running on {@code threads} CPU threads; videos follow
     * up to {@value #DEFAULT_MAX_VIDEO_PERSONS} people.
     */
    public static BlazePoseEstimator open(BlazePoseVariant variant, int threads) {
        return open(variant, threads, DEFAULT_MAX_VIDEO_PERSONS);
    }

    /** As {@link #open(BlazePoseVariant, int)}, following at most {@code maxVideoPersons} (≥ 1) people in videos. */
    public static BlazePoseEstimator open(BlazePoseVariant variant, int threads, int maxVideoPersons) {
        return new BlazePoseEstimator(variant, threads, maxVideoPersons);
    }

    public BlazePoseVariant variant() { return variant; }

    /** The most people one video session follows at once. */
    public int maxVideoPersons() { return maxVideoPersons; }

    @Override
    public List<PersonPose> estimateImage(RgbImage image) {
        List<PersonPose> persons = new ArrayList<>();
        for (Detection d : detector.detect(image, MAX_PERSONS)) {
            Landmarks found = landmarks.single().run(image, PoseDetector.roiOf(d), BlazePoseTracker.MIN_POSE_SCORE);
            if (found.score() >= BlazePoseTracker.MIN_POSE_SCORE) persons.add(toPersonPose(found));
        }
        return persons;
    }

    @Override
    public VideoPoseSession openVideo() { return new BlazePoseTracker(detector, beside, landmarks, maxVideoPersons); }

    @Override
    public Runnable rawInference(RgbImage sample) {
        List<Detection> found = detector.detect(sample, 1);
        Roi roi = found.isEmpty()
                ? new Roi(sample.width() / 2.0, sample.height() / 2.0, Math.max(sample.width(), sample.height()), 0)
                : PoseDetector.roiOf(found.get(0));
        landmarks.single().prepare(sample, roi);
        return landmarks.single()::invoke;
    }

    /** Its crops come straight from the decoder's YUV planes (CropSampler). */
    @Override
    public boolean samplesYuvFrames() { return true; }

    @Override
    public int inferenceThreads() { return threads; }

    @Override
    public String engine() { return "TFLite XNNPACK (CPU)"; }

    @Override
    public String modelDescription() {
        return variant.modelName() + " (" + ModelFiles.BLAZEPOSE_PACKAGE + " " + ModelFiles.BLAZEPOSE_VERSION + ", TFLite)";
    }

    static PersonPose toPersonPose(Landmarks l) {
        List<Keypoint> points = new ArrayList<>(Landmarks.BODY);
        List<WorldPoint> world = new ArrayList<>(Landmarks.BODY);
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < Landmarks.BODY; i++) {
            points.add(new Keypoint(l.x()[i], l.y()[i], l.z()[i], l.visibility()[i], l.presence()[i]));
            world.add(new WorldPoint(l.world()[3 * i], l.world()[3 * i + 1], l.world()[3 * i + 2]));
            x0 = Math.min(x0, l.x()[i]);
            y0 = Math.min(y0, l.y()[i]);
            x1 = Math.max(x1, l.x()[i]);
            y1 = Math.max(y1, l.y()[i]);
        }
        return new PersonPose(Skeleton.BLAZEPOSE_33, points, world, new BoundingBox(x0, y0, x1 - x0, y1 - y0), l.score());
    }

    @Override
    public void close() {
        if (beside != null) beside.close();
        landmarks.close();
        detector.close();
    }
}
