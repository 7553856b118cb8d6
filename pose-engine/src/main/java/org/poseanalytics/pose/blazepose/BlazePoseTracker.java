package org.poseanalytics.pose.blazepose;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.VideoPoseSession;
import org.poseanalytics.pose.image.RgbImage;

/**
 * MediaPipe's video mode, for up to {@code maxPersons} people: detector → ROI → landmarks → smoothing, where each
 * followed person's last smoothed auxiliary points give their ROI in this frame, each with their own smoothing.
 * Per frame, in named stages:
 * <ol>
 *   <li>{@link #follow}: the landmark model on every followed ROI; a person whose pose presence drops below 0.5 is
 *       dropped (MediaPipe's rule for its one person).</li>
 *   <li>{@link #mergeConverged}: two ROIs that slid onto the same body give the same landmarks; the one with the
 *       lower presence is dropped, so nobody is reported twice.</li>
 *   <li>{@link #discover}: the detector runs when nobody is followed, when someone was just lost (in the same
 *       frame, as MediaPipe does), and every {@value #DISCOVERY_EVERY_FRAMES} frames (at least
 *       {@value #DISCOVERY_INTERVAL_S} s apart) to find people who walk in.
 *       Detections of people already followed are skipped.</li>
 * </ol>
 * With one person in view this is exactly MediaPipe's single-person video mode (the periodic detector only adds
 * no one); its cost is one landmark call per followed person per frame plus the periodic detector. BlazePose's
 * detector sees the whole frame shrunk to 224×224 and is weak on people who are small in it; those may not be
 * followed.
 */
public final class BlazePoseTracker implements VideoPoseSession {
    static final double MIN_POSE_SCORE = 0.5;
    /**
     * While people are followed, the detector looks for newcomers once every this many frames and at least
     * {@link #DISCOVERY_INTERVAL_S} apart: a detector call costs about two thirds of a landmark call, so this keeps
     * its share at most a tenth of a call per frame however low the frame rate (at 5 fps a time-only rule would
     * run it on every other frame).
     */
    static final int DISCOVERY_EVERY_FRAMES = 10;
    /** ... and at high frame rates no more often than this much stream time. */
    static final double DISCOVERY_INTERVAL_S = 0.3;

    private final PoseDetector detector;
    private final LandmarkModel landmarks;
    private final int maxPersons;
    /** In the order they were first found, so the output order is stable from frame to frame. */
    private final List<FollowedPerson> followed = new ArrayList<>();
    private final StageTimings timings = new StageTimings();
    private double lastDetectionS = Double.NaN;
    private int framesSinceDetection;

    BlazePoseTracker(PoseDetector detector, LandmarkModel landmarks, int maxPersons) {
        if (maxPersons < 1) throw new IllegalArgumentException("maxPersons must be at least 1, was " + maxPersons);
        this.detector = detector;
        this.landmarks = landmarks;
        this.maxPersons = maxPersons;
    }

    @Override
    public List<PersonPose> next(RgbImage frame, double timeS) {
        framesSinceDetection++;
        boolean someoneLost = follow(frame, timeS);
        mergeConverged();
        if (detectorDue(someoneLost, timeS)) discover(frame, timeS);
        return followed.stream().map(p -> BlazePoseEstimator.toPersonPose(p.landmarks())).toList();
    }

    /** Landmarks for everyone followed; returns whether someone was lost. */
    private boolean follow(RgbImage frame, double timeS) {
        boolean lost = false;
        for (Iterator<FollowedPerson> it = followed.iterator(); it.hasNext(); ) {
            FollowedPerson person = it.next();
            Landmarks raw = runLandmarks(frame, person.roi());
            if (raw.score() < MIN_POSE_SCORE) {
                it.remove();
                lost = true;
            } else {
                person.update(raw, timeS);
            }
        }
        return lost;
    }

    private void mergeConverged() {
        for (int i = 0; i < followed.size(); i++) {
            for (int j = followed.size() - 1; j > i; j--) {
                FollowedPerson a = followed.get(i), b = followed.get(j);
                if (!a.isSamePose(b.landmarks())) continue;
                if (b.score() > a.score()) {
                    // Keep the better-scored follow, in the earlier one's place so the output order stays put.
                    followed.set(i, b);
                }
                followed.remove(j);
            }
        }
    }

    private boolean detectorDue(boolean someoneLost, double timeS) {
        if (followed.size() >= maxPersons) return false;
        if (followed.isEmpty() || someoneLost || Double.isNaN(lastDetectionS) || timeS < lastDetectionS) return true;
        return framesSinceDetection >= DISCOVERY_EVERY_FRAMES && timeS - lastDetectionS >= DISCOVERY_INTERVAL_S;
    }

    /** Starts following every detected person not followed yet, best detection first, up to the maximum. */
    private void discover(RgbImage frame, double timeS) {
        lastDetectionS = timeS;
        framesSinceDetection = 0;
        long t0 = System.nanoTime();
        // The followed people are among the detections too: ask for enough to see maxPersons new ones past them.
        List<Detection> found = detector.detect(frame, maxPersons + followed.size());
        timings.add("detect", System.nanoTime() - t0);
        for (Detection d : found) {
            if (followed.size() >= maxPersons) break;
            if (followed.stream().anyMatch(p -> p.isNear(d))) continue;
            Landmarks raw = runLandmarks(frame, PoseDetector.roiOf(d));
            if (raw.score() < MIN_POSE_SCORE) continue;
            // A detection off the hips of someone followed can still be them: the landmarks tell.
            if (followed.stream().anyMatch(p -> p.isSamePose(raw))) continue;
            followed.add(FollowedPerson.startFrom(raw, timeS));
        }
    }

    private Landmarks runLandmarks(RgbImage frame, Roi roi) {
        long t0 = System.nanoTime();
        Landmarks raw = landmarks.run(frame, roi, MIN_POSE_SCORE);
        timings.add("landmarks", System.nanoTime() - t0);
        return raw;
    }

    @Override
    public StageTimings timings() { return timings; }
}
