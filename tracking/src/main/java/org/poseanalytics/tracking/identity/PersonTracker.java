package org.poseanalytics.tracking.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;

/**
 * Joins per-frame persons into tracks, one frame at a time, so memory stays bounded by the people in view.
 * Per frame: every track's Kalman box is advanced to the frame's timestamp; confident detections are matched
 * to all live tracks (including recently lost ones, which is how a person comes back under their old id after
 * an occlusion); weak detections then get a second chance with the tracks still unmatched (ByteTrack: an
 * occluded person is often still detected, with a low score); unmatched confident detections start tentative
 * tracks, which become confirmed after {@code minHits} matches in a row; tracks unseen for longer than
 * {@code maxLostS} end. Similarity is 0.5·IoU of boxes + 0.5·OKS of keypoints against the track's last pose
 * moved by the predicted box displacement: IoU alone cannot tell two overlapping people apart, their keypoint
 * layouts can.
 */
public final class PersonTracker {
    /** OKS falloff as a fraction of the box scale (COCO's per-keypoint sigmas are around 0.025–0.1). */
    private static final double OKS_KAPPA = 0.1;

    private final TrackerConfig config;
    private final List<Track> live = new ArrayList<>();
    private final Set<Integer> confirmedIds = new HashSet<>();
    private int nextId = 1;
    private boolean first = true;
    private double lastTimeS = Double.NEGATIVE_INFINITY;

    public PersonTracker(TrackerConfig config) {
        this.config = config;
    }

    public PersonTracker() { this(TrackerConfig.defaults()); }

    /** Assigns the frame's persons to tracks; frames must come in time order. */
    public TrackedFrame update(FramePoses frame) {
        if (!(frame.timeS() > lastTimeS)) {
            throw new IllegalArgumentException("frames must arrive in increasing time order: frame " + frame.frameIndex()
                    + " at " + frame.timeS() + " s follows a frame at " + lastTimeS + " s");
        }
        lastTimeS = frame.timeS();
        double t = frame.timeS();
        for (Track tr : live) tr.kalman.predict(t);

        List<Detection> high = new ArrayList<>();
        List<Detection> low = new ArrayList<>();
        for (PersonPose p : frame.persons()) {
            BoundingBox box = boxOf(p);
            if (box == null) continue;
            if (p.score() >= config.highScore()) high.add(new Detection(p, box));
            else if (p.score() >= config.lowScore()) low.add(new Detection(p, box));
        }

        List<Track> pool = new ArrayList<>(live);
        List<TrackedPerson> out = new ArrayList<>();
        List<Detection> unmatchedHigh = match(high, pool, t, out, false);
        // Second pass: weak detections only continue tracks that are already established.
        pool.removeIf(tr -> !tr.confirmed);
        match(low, pool, t, out, true);

        for (Detection d : unmatchedHigh) {
            Track tr = new Track(nextId++, d, t);
            if (first || config.minHits() <= 1) confirm(tr);
            live.add(tr);
            out.add(new TrackedPerson(tr.id, d.pose, false));
        }
        for (Iterator<Track> it = live.iterator(); it.hasNext(); ) {
            Track tr = it.next();
            if (tr.lastSeenS == t) continue;
            tr.hitStreak = 0;
            if (!tr.confirmed || t - tr.lastSeenS > config.maxLostS()) it.remove();
        }
        first = false;
        out.sort((a, b) -> Integer.compare(a.trackId(), b.trackId()));
        // Tentative tracks are reported too (the accumulator drops the ones never confirmed).
        return new TrackedFrame(frame.frameIndex(), t, frame.width(), frame.height(), out);
    }

    /** Ids of tracks that have been confirmed as persons so far. */
    public Set<Integer> confirmedIds() { return Collections.unmodifiableSet(confirmedIds); }

    /** Ids of tracks still alive (seen, or lost for less than the re-association window). */
    public List<Integer> liveIds() { return live.stream().map(tr -> tr.id).toList(); }

    private List<Detection> match(List<Detection> dets, List<Track> pool, double t, List<TrackedPerson> out, boolean weak) {
        if (dets.isEmpty() || pool.isEmpty()) return new ArrayList<>(dets);
        double[][] cost = new double[dets.size()][pool.size()];
        for (int i = 0; i < dets.size(); i++) {
            for (int j = 0; j < pool.size(); j++) cost[i][j] = 1 - similarity(pool.get(j), dets.get(i));
        }
        int[] match = Assignment.solve(cost, 1 - config.minSimilarity());
        List<Detection> unmatched = new ArrayList<>();
        List<Track> used = new ArrayList<>();
        for (int i = 0; i < dets.size(); i++) {
            if (match[i] < 0) { unmatched.add(dets.get(i)); continue; }
            Track tr = pool.get(match[i]);
            tr.observe(dets.get(i), t);
            if (!tr.confirmed && tr.hitStreak >= config.minHits()) confirm(tr);
            used.add(tr);
            out.add(new TrackedPerson(tr.id, dets.get(i).pose, weak));
        }
        pool.removeAll(used);
        return unmatched;
    }

    private void confirm(Track tr) {
        tr.confirmed = true;
        confirmedIds.add(tr.id);
    }

    double similarity(Track tr, Detection d) {
        BoundingBox predicted = tr.kalman.box();
        double iou = predicted.iou(d.box);
        double dx = predicted.centerX() - tr.lastBox.centerX();
        double dy = predicted.centerY() - tr.lastBox.centerY();
        return 0.5 * iou + 0.5 * oks(tr.lastPose, dx, dy, d.pose, predicted.area());
    }

    private double oks(PersonPose track, double dx, double dy, PersonPose det, double area) {
        return oks(track, dx, dy, det, area, config.minKeypointVisibility());
    }

    /**
     * Object keypoint similarity of two poses (the first moved by dx, dy) over the keypoints both saw with at
     * least minVisibility: 1 when they coincide, 0 when none is shared or different skeletons.
     */
    static double oks(PersonPose a, double dx, double dy, PersonPose b, double area, double minVisibility) {
        if (a.skeleton() != b.skeleton()) return 0;
        double s2 = Math.max(area, 1) * OKS_KAPPA * OKS_KAPPA;
        double sum = 0;
        int n = 0;
        for (int k = 0; k < b.keypoints().size(); k++) {
            Keypoint ka = a.keypoint(k);
            Keypoint kb = b.keypoint(k);
            if (ka.isMissing() || kb.isMissing()) continue;
            if (ka.visibility() < minVisibility || kb.visibility() < minVisibility) continue;
            double ex = ka.x() + dx - kb.x();
            double ey = ka.y() + dy - kb.y();
            sum += Math.exp(-(ex * ex + ey * ey) / (2 * s2));
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    private BoundingBox boxOf(PersonPose p) { return boxOf(p, config.minKeypointVisibility()); }

    /** The person's box, or the box of their visible keypoints when the model gave none (null if too few). */
    static BoundingBox boxOf(PersonPose p, double minVisibility) {
        if (p.box() != null && p.box().area() > 0) return p.box();
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Keypoint k : p.keypoints()) {
            if (k.isMissing() || k.visibility() < minVisibility) continue;
            minX = Math.min(minX, k.x()); maxX = Math.max(maxX, k.x());
            minY = Math.min(minY, k.y()); maxY = Math.max(maxY, k.y());
        }
        if (!(maxX > minX && maxY > minY)) return null;
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    record Detection(PersonPose pose, BoundingBox box) {}

    static final class Track {
        final int id;
        final BoxKalman kalman;
        PersonPose lastPose;
        BoundingBox lastBox;
        double lastSeenS;
        int hitStreak = 1;
        boolean confirmed;

        Track(int id, Detection d, double t) {
            this.id = id;
            this.kalman = new BoxKalman(d.box, t);
            this.lastPose = d.pose;
            this.lastBox = d.box;
            this.lastSeenS = t;
        }

        void observe(Detection d, double t) {
            kalman.update(d.box);
            lastPose = d.pose;
            lastBox = d.box;
            lastSeenS = t;
            hitStreak++;
        }
    }
}
