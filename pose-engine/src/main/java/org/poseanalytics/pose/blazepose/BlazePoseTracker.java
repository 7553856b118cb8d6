package org.poseanalytics.pose.blazepose;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Future;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.VideoPoseSession;
import org.poseanalytics.pose.image.Picture;

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
 *       Detections of people already followed are skipped. With a spare core in use ({@link SpareCore}, off by
 *       default) the periodic look runs on that frame beside the landmark call ({@link DetectorBeside}), its
 *       detections used here as if made here.</li>
 *   <li>{@link #discoverSmall}: while nobody is followed and the whole-frame detector found nobody, the detector
 *       looks again at {@link #TILES overlapping tiles} of the frame, each zoomed to its input, for people too
 *       small in the frame to be seen whole-frame; on the first such frame, when someone was just lost, and then
 *       at the same cadence as the periodic detector ({@value #DISCOVERY_EVERY_FRAMES} frames and
 *       {@value #DISCOVERY_INTERVAL_S} s apart). Once found, the landmark model follows the person on their own
 *       crop at full resolution, so the tiles stop.</li>
 * </ol>
 * With one person in view this is exactly MediaPipe's single-person video mode (the periodic detector only adds
 * no one); its cost is one landmark call per followed person per frame (run side by side on the inference threads)
 * plus the periodic detector. BlazePose's
 * detector sees the whole frame shrunk to 224×224 and misses people under ~40 % of a landscape frame's height; the
 * tiles find them down to ~25 % (the squat fixture at 300 px in a 1920×1080 frame is found, at 200 px it is not).
 * A tiled pass costs {@code TILES.cover(..).size()} detector calls (6 on a 16:9 frame) and runs only while nobody
 * is followed. A small person who walks in while someone else is followed is not looked for with tiles.
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
    /**
     * Tiles of 0.8 × the frame's short side overlapping by ≥ 0.3 of their side: 3×2 on a 16:9 frame, where a person
     * is shown 2.2 × larger than in the whole-frame letterbox. Measured on the squat fixture padded into 1920×1080
     * (BlazePoseSmallPeopleTest): people 300 px tall and up are found on the first frame; probed further
     * (docs/BENCHMARKS.md), 240 px within 10 frames, 200 px never. Smaller tiles (0.6, 15 of them) would reach
     * further for 2.5 × the cost.
     */
    static final DetectionTiles TILES = new DetectionTiles(0.8, 0.3);
    /**
     * A tile's detection seeds a follow only from this score (the whole frame's from MediaPipe's 0.5): six looks
     * give a false detection six chances, and on busy texture (an ffmpeg mandelbrot clip) tiles of no one scored
     * 0.50–0.63, half of them passed by the landmark model. A real person 300 px tall in Full HD scores 0.58–0.97,
     * most frames ≥ 0.85, so a low-scoring frame only delays finding them to the next tiled look.
     */
    static final double MIN_TILE_DETECTION_SCORE = 0.7;

    private final PoseDetector detector;
    /** The periodic look run beside the landmark call, or null to run it after, on this thread. */
    private final DetectorBeside beside;
    private final PeopleLandmarks landmarks;
    private final int maxPersons;
    /** In the order they were first found, so the output order is stable from frame to frame. */
    private final List<FollowedPerson> followed = new ArrayList<>();
    private final StageTimings timings = new StageTimings();
    private double lastDetectionS = Double.NaN;
    private int framesSinceDetection;
    private double lastTilesS = Double.NaN;
    private int framesSinceTiles;

    BlazePoseTracker(PoseDetector detector, PeopleLandmarks landmarks, int maxPersons) {
        this(detector, null, landmarks, maxPersons);
    }

    BlazePoseTracker(PoseDetector detector, DetectorBeside beside, PeopleLandmarks landmarks, int maxPersons) {
        if (maxPersons < 1) throw new IllegalArgumentException("maxPersons must be at least 1, was " + maxPersons);
        this.detector = detector;
        this.beside = beside;
        this.landmarks = landmarks;
        this.maxPersons = maxPersons;
    }

    @Override
    public List<PersonPose> next(Picture frame, double timeS) {
        framesSinceDetection++;
        framesSinceTiles++;
        // The periodic look is known to be due before the landmark call (follow and merge only drop people, which
        // keeps it due): it runs beside that call, on this frame, and its detections are used below as if made there.
        Future<DetectorBeside.Look> look = beside != null && !followed.isEmpty() && detectorDue(false, timeS)
                ? beside.start(frame, maxPersons + followed.size()) : null;
        try {
            boolean someoneLost = follow(frame, timeS);
            mergeConverged();
            if (detectorDue(someoneLost, timeS)) {
                discover(frame, timeS, look);
                look = null;
                if (followed.isEmpty() && tilesDue(someoneLost, timeS)) discoverSmall(frame, timeS);
            }
        } finally {
            if (look != null) DetectorBeside.await(look); // never leave a look reading a frame the caller reuses
        }
        return followed.stream().map(p -> BlazePoseEstimator.toPersonPose(p.landmarks())).toList();
    }

    /**
     * Landmarks for everyone followed, their crops side by side on the inference threads ({@link PeopleLandmarks});
     * returns whether someone was lost.
     */
    private boolean follow(Picture frame, double timeS) {
        if (followed.isEmpty()) return false;
        List<Roi> rois = followed.stream().map(FollowedPerson::roi).toList();
        long t0 = System.nanoTime(), crop0 = landmarks.cropNanos();
        List<Landmarks> found = landmarks.run(frame, rois, MIN_POSE_SCORE);
        timings.add("landmarks", System.nanoTime() - t0, rois.size());
        timings.add("crop", landmarks.cropNanos() - crop0, rois.size()); // part of "landmarks", named to show its share
        boolean lost = false;
        Iterator<Landmarks> results = found.iterator();
        for (Iterator<FollowedPerson> it = followed.iterator(); it.hasNext(); ) {
            FollowedPerson person = it.next();
            Landmarks raw = results.next();
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

    /** Whether the tiled look, when the whole frame showed nobody, is due on this frame. */
    private boolean tilesDue(boolean someoneLost, double timeS) {
        if (someoneLost || Double.isNaN(lastTilesS) || timeS < lastTilesS) return true;
        return framesSinceTiles >= DISCOVERY_EVERY_FRAMES && timeS - lastTilesS >= DISCOVERY_INTERVAL_S;
    }

    /**
     * Starts following every detected person not followed yet, best detection first, up to the maximum. With a
     * look started beside the landmark call its detections are used: asked for with the count of people followed
     * before the call, they are cut to the count now; the weighted NMS keeps its best first, so that is the list the
     * detector gives when asked for fewer.
     */
    private void discover(Picture frame, double timeS, Future<DetectorBeside.Look> look) {
        lastDetectionS = timeS;
        framesSinceDetection = 0;
        long t0 = System.nanoTime();
        // The followed people are among the detections too: ask for enough to see maxPersons new ones past them.
        int wanted = maxPersons + followed.size();
        List<Detection> found;
        if (look != null) {
            DetectorBeside.Look done = DetectorBeside.await(look);
            found = done.found().subList(0, Math.min(wanted, done.found().size()));
            timings.add("detect-beside", done.nanos()); // on its own thread, beside the landmark call
        } else {
            found = detector.detect(frame, wanted);
        }
        timings.add("detect", System.nanoTime() - t0); // on this thread: a look beside costs only its wait here
        startFollowing(frame, found, timeS);
    }

    /** As {@link #discover}, with the detector looking at the frame's tiles one by one (called when nobody is followed). */
    private void discoverSmall(Picture frame, double timeS) {
        lastTilesS = timeS;
        framesSinceTiles = 0;
        long t0 = System.nanoTime();
        List<Detection> found = detector.detectInTiles(frame, TILES.cover(frame.width(), frame.height()), maxPersons);
        timings.add("detect-tiles", System.nanoTime() - t0);
        startFollowing(frame, found.stream().filter(d -> d.score() >= MIN_TILE_DETECTION_SCORE).toList(), timeS);
    }

    /** Starts following each detection that is not someone already followed and whose landmarks hold up. */
    private void startFollowing(Picture frame, List<Detection> found, double timeS) {
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

    private Landmarks runLandmarks(Picture frame, Roi roi) {
        long t0 = System.nanoTime(), crop0 = landmarks.cropNanos();
        Landmarks raw = landmarks.single().run(frame, roi, MIN_POSE_SCORE);
        timings.add("landmarks", System.nanoTime() - t0);
        timings.add("crop", landmarks.cropNanos() - crop0);
        return raw;
    }

    @Override
    public StageTimings timings() { return timings; }
}
