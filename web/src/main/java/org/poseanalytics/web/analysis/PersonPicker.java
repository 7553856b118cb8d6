package org.poseanalytics.web.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Which person a click on the video means: the one whose body is nearest the click at the frame shown. A person's
 * body is the box around their landmarks that the overlay draws (visibility ≥ {@value #MIN_VISIBILITY}); a click
 * inside several boxes goes to the person with a landmark nearest the click. Clicks far from everybody (over a tenth
 * of the picture's diagonal from every box) mean nobody, so a stray click does not start an analysis of someone.
 */
final class PersonPicker {
    /** The overlay's own threshold for drawing a landmark. */
    static final double MIN_VISIBILITY = 0.3;
    /** How far from the shown time a person's sample may be: a few frames of a 30 fps video, one of a 5 fps analysis. */
    static final double MAX_TIME_GAP_S = 0.25;

    private PersonPicker() {}

    /** A person found at the click: their track id, and how far the click was from their box (0 inside) in pixels. */
    record Pick(int trackId, double boxDistancePx) {}

    static Optional<Pick> at(List<TrackSeries> people, double x, double y, double timeS, int width, int height) {
        double reach = 0.1 * Math.hypot(width, height);
        Pick best = null;
        double bestKeypoint = Double.POSITIVE_INFINITY;
        for (TrackSeries person : people) {
            KeypointSeries k = person.series();
            int s = nearestSample(k, timeS);
            if (s < 0) continue;
            double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            double nearestKeypoint = Double.POSITIVE_INFINITY;
            for (int l = 0; l < k.skeleton().size(); l++) {
                if (k.isGap(l, s) || k.visibility().get(l, s) < MIN_VISIBILITY) continue;
                double px = k.x().get(l, s), py = k.y().get(l, s);
                minX = Math.min(minX, px); maxX = Math.max(maxX, px);
                minY = Math.min(minY, py); maxY = Math.max(maxY, py);
                nearestKeypoint = Math.min(nearestKeypoint, Math.hypot(px - x, py - y));
            }
            if (minX > maxX) continue; // nothing of this person drawn at that moment
            double dx = Math.max(0, Math.max(minX - x, x - maxX)), dy = Math.max(0, Math.max(minY - y, y - maxY));
            double box = Math.hypot(dx, dy);
            if (box > reach) continue;
            if (best == null || box < best.boxDistancePx() || (box == best.boxDistancePx() && nearestKeypoint < bestKeypoint)) {
                best = new Pick(person.trackId(), box);
                bestKeypoint = nearestKeypoint;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The person's sample nearest the time, or -1 when they are not in the video then. */
    static int nearestSample(KeypointSeries k, double timeS) {
        if (k.length() == 0) return -1;
        int before = Math.max(0, Math.min(k.length() - 1, sampleAtTime(k, timeS)));
        int best = before;
        if (before + 1 < k.length() && Math.abs(k.timesS()[before + 1] - timeS) < Math.abs(k.timesS()[before] - timeS)) best = before + 1;
        return Math.abs(k.timesS()[best] - timeS) <= MAX_TIME_GAP_S ? best : -1;
    }

    /** The last sample at or before a playback time in seconds (for drawing on a playing video), or -1. */
    static int sampleAtTime(KeypointSeries k, double timeS) {
        int i = Arrays.binarySearch(k.timesS(), timeS);
        return i >= 0 ? i : -i - 2;
    }
}
