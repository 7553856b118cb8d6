package org.poseanalytics.tracking.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.poseanalytics.pose.BoundingBox;

/**
 * Joins the tracker's tracks into people once the whole video is known ({@link FragmentRules} says when):
 * <ol>
 *   <li>duplicates: a track whose body is the same as another's (keypoints agreeing) in most of their common
 *       frames is a second detection of that person; in frames where both were seen, the pose of the longer
 *       track is kept;</li>
 *   <li>continuations: a track that starts shortly after another ended, near where it ended and with a similar
 *       body height, is the same person found again (lost behind someone, or left the frame and came back);</li>
 *   <li>what is still shorter than the minimum time is a fragment (a false detection, a half-seen passer-by)
 *       and is dropped.</li>
 * </ol>
 * A person keeps the lowest id among their tracks, the one they were first given.
 */
final class Fragments {
    private static final double MIN_VISIBILITY = 0.3;

    private Fragments() {}

    /** The frames with each person under one id, which track became which person, and what was dropped. */
    record Joined(List<TrackedFrame> frames, Map<Integer, Integer> personOf, List<Tracks.Merge> merges, List<Tracks.Dropped> dropped) {}

    private record Seen(int frame, double timeS, TrackedPerson person, BoundingBox box) {}

    /** First and last sighting of a group of tracks (boxes may be null when too few keypoints were seen). */
    private record Span(Seen first, Seen last) {
        Span join(Span o) {
            return new Span(first.timeS() <= o.first.timeS() ? first : o.first, last.timeS() >= o.last.timeS() ? last : o.last);
        }
    }

    static Joined join(List<TrackedFrame> frames, FragmentRules rules) {
        Map<Integer, List<Seen>> byTrack = new TreeMap<>();
        for (int f = 0; f < frames.size(); f++) {
            TrackedFrame tf = frames.get(f);
            for (TrackedPerson p : tf.persons()) {
                byTrack.computeIfAbsent(p.trackId(), k -> new ArrayList<>())
                        .add(new Seen(f, tf.timeS(), p, PersonTracker.boxOf(p.pose(), MIN_VISIBILITY)));
            }
        }
        List<Integer> ids = new ArrayList<>(byTrack.keySet());
        Map<Integer, Integer> parent = new HashMap<>();
        Map<Integer, Tracks.Reason> reason = new HashMap<>();
        Map<Integer, Span> span = new HashMap<>();
        for (int id : ids) {
            parent.put(id, id);
            List<Seen> s = byTrack.get(id);
            span.put(id, new Span(s.getFirst(), s.getLast()));
        }

        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                if (isDuplicate(byTrack.get(ids.get(a)), byTrack.get(ids.get(b)), rules)) {
                    union(parent, span, reason, ids.get(a), ids.get(b), Tracks.Reason.DUPLICATE);
                }
            }
        }

        List<Integer> byStart = new ArrayList<>(roots(parent, ids));
        byStart.sort(Comparator.comparingDouble((Integer r) -> span.get(r).first().timeS()).thenComparing(r -> r));
        for (int g : byStart) {
            Span gs = span.get(find(parent, g));
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int p : roots(parent, ids)) {
                if (p == find(parent, g)) continue;
                double d = reentryDistance(span.get(p), gs, rules);
                if (d < bestDistance) { bestDistance = d; best = p; }
            }
            if (best >= 0) union(parent, span, reason, best, g, Tracks.Reason.CONTINUATION);
        }

        double video = frames.isEmpty() ? 0 : frames.getLast().timeS() - frames.getFirst().timeS();
        double minSpan = Math.min(rules.minPersonS(), 0.5 * video);
        Map<Integer, Integer> personOf = new TreeMap<>();
        List<Tracks.Merge> merges = new ArrayList<>();
        List<Tracks.Dropped> dropped = new ArrayList<>();
        for (int id : ids) {
            int root = find(parent, id);
            Span s = span.get(root);
            if (s.last().timeS() - s.first().timeS() < minSpan) {
                List<Seen> own = byTrack.get(id);
                dropped.add(new Tracks.Dropped(id, own.size(), own.getLast().timeS() - own.getFirst().timeS()));
                continue;
            }
            personOf.put(id, root);
            if (root != id) merges.add(new Tracks.Merge(id, root, reason.get(id)));
        }

        // In a frame where two tracks of one person were both seen, keep the pose of the track seen most.
        List<TrackedFrame> out = new ArrayList<>(frames.size());
        for (TrackedFrame f : frames) {
            Map<Integer, TrackedPerson> kept = new TreeMap<>();
            for (TrackedPerson p : f.persons()) {
                Integer person = personOf.get(p.trackId());
                if (person == null) continue;
                TrackedPerson there = kept.get(person);
                if (there == null || seenMore(byTrack, p.trackId(), there.trackId())) kept.put(person, p);
            }
            List<TrackedPerson> persons = new ArrayList<>();
            kept.forEach((person, p) -> persons.add(new TrackedPerson(person, p.pose(), p.weak())));
            out.add(new TrackedFrame(f.frameIndex(), f.timeS(), f.width(), f.height(), persons));
        }
        return new Joined(out, personOf, merges, dropped);
    }

    /** Same body in at least the rules' share of the frames both tracks were seen in. */
    private static boolean isDuplicate(List<Seen> a, List<Seen> b, FragmentRules rules) {
        int common = 0, same = 0;
        int i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
            Seen x = a.get(i), y = b.get(j);
            if (x.frame() < y.frame()) { i++; continue; }
            if (y.frame() < x.frame()) { j++; continue; }
            common++;
            double area = x.box() == null ? (y.box() == null ? 0 : y.box().area())
                    : y.box() == null ? x.box().area() : 0.5 * (x.box().area() + y.box().area());
            if (area > 0 && PersonTracker.oks(x.person().pose(), 0, 0, y.person().pose(), area, MIN_VISIBILITY) >= rules.sameBodyOks()) same++;
            i++;
            j++;
        }
        return common > 0 && same >= rules.sameBodyShare() * common;
    }

    /**
     * How far (in body heights) the later group's first box is from where the earlier one was last seen, or
     * infinity when the later one cannot continue the earlier one (overlap in time, gap too long, too far, or a
     * body of another size).
     */
    private static double reentryDistance(Span earlier, Span later, FragmentRules rules) {
        double gap = later.first().timeS() - earlier.last().timeS();
        if (!(gap > 0) || gap > rules.maxReentryGapS()) return Double.POSITIVE_INFINITY;
        BoundingBox a = earlier.last().box(), b = later.first().box();
        if (a == null || b == null) return Double.POSITIVE_INFINITY;
        double h = Math.max(a.height(), b.height());
        if (h > 2 * Math.min(a.height(), b.height())) return Double.POSITIVE_INFINITY;
        double d = Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY()) / h;
        return d <= rules.maxReentryHeights() ? d : Double.POSITIVE_INFINITY;
    }

    private static boolean seenMore(Map<Integer, List<Seen>> byTrack, int a, int b) {
        int na = byTrack.get(a).size(), nb = byTrack.get(b).size();
        return na != nb ? na > nb : a < b;
    }

    private static List<Integer> roots(Map<Integer, Integer> parent, List<Integer> ids) {
        return ids.stream().filter(id -> find(parent, id) == id).toList();
    }

    private static int find(Map<Integer, Integer> parent, int id) {
        int r = id;
        while (parent.get(r) != r) r = parent.get(r);
        return r;
    }

    /** Joins the groups of a and b under the lower root; every track newly joined remembers why. */
    private static void union(Map<Integer, Integer> parent, Map<Integer, Span> span, Map<Integer, Tracks.Reason> reason,
                              int a, int b, Tracks.Reason why) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra == rb) return;
        int root = Math.min(ra, rb), other = Math.max(ra, rb);
        for (int id : parent.keySet()) {
            int r = find(parent, id);
            if ((r == ra || r == rb) && id != root) reason.putIfAbsent(id, why);
        }
        parent.put(other, root);
        span.put(root, span.get(ra).join(span.get(rb)));
    }
}
