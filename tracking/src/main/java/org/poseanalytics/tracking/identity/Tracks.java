package org.poseanalytics.tracking.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * Every frame of a video with its people, one track id per person. Only tracks confirmed as persons are kept,
 * and the tracker's pieces of one person are joined ({@link FragmentRules}: duplicate detections of one body,
 * a person found again after being lost) while fragments too short to be anyone are dropped, so
 * {@link #trackIds()} counts people. A person keeps the lowest of their track ids. Frames without anyone are
 * kept too, so series built from here cover the whole video and a missing person is a gap.
 */
public final class Tracks {
    private final List<TrackedFrame> frames;
    private final List<Integer> ids;
    private final Map<Integer, Integer> personOf;
    private final List<Merge> merges;
    private final List<Dropped> dropped;

    public Tracks(List<TrackedFrame> frames, Set<Integer> confirmedIds) { this(frames, confirmedIds, FragmentRules.defaults()); }

    public Tracks(List<TrackedFrame> frames, Set<Integer> confirmedIds, FragmentRules rules) {
        List<TrackedFrame> kept = new ArrayList<>(frames.size());
        for (TrackedFrame f : frames) {
            kept.add(new TrackedFrame(f.frameIndex(), f.timeS(), f.width(), f.height(),
                    f.persons().stream().filter(p -> confirmedIds.contains(p.trackId())).toList()));
        }
        Fragments.Joined joined = Fragments.join(kept, rules);
        this.frames = List.copyOf(joined.frames());
        this.personOf = Map.copyOf(joined.personOf());
        this.merges = List.copyOf(joined.merges());
        this.dropped = List.copyOf(joined.dropped());
        TreeSet<Integer> seen = new TreeSet<>();
        for (TrackedFrame f : this.frames) for (TrackedPerson p : f.persons()) seen.add(p.trackId());
        this.ids = List.copyOf(seen);
    }

    public List<TrackedFrame> frames() { return frames; }

    /** The people seen: one track id each, in increasing order. */
    public List<Integer> trackIds() { return ids; }

    /** The person a tracker id belongs to: itself, the person it was joined into, or empty when it was dropped or unknown. */
    public Optional<Integer> personOf(int trackId) { return Optional.ofNullable(personOf.get(trackId)); }

    /** Tracker ids joined into another person, and why. */
    public List<Merge> merges() { return merges; }

    /** Tracker ids left out as fragments (too short to be a person, and joined to nobody). */
    public List<Dropped> dropped() { return dropped; }

    /** Why a track was joined into a person. */
    public enum Reason {
        /** a second detection of the same body, in the same frames */
        DUPLICATE,
        /** the same person found again shortly after being lost, near where they were lost */
        CONTINUATION
    }

    /** Tracker id {@code trackId} is part of the person {@code person}. */
    public record Merge(int trackId, int person, Reason reason) {}

    /** A fragment left out: seen in {@code frames} frames over {@code spanS} seconds. */
    public record Dropped(int trackId, int frames, double spanS) {}

    public boolean isEmpty() { return ids.isEmpty(); }

    /** The skeleton the poses use, if anyone was tracked. */
    public Optional<Skeleton> skeleton() {
        return frames.stream().flatMap(f -> f.persons().stream()).map(p -> p.pose().skeleton()).findFirst();
    }

    public long[] frameIndices() { return frames.stream().mapToLong(TrackedFrame::frameIndex).toArray(); }

    public double[] timesS() { return frames.stream().mapToDouble(TrackedFrame::timeS).toArray(); }

    /** Presence and centrality of each track, in id order. */
    public List<TrackSummary> summaries() {
        Map<Integer, double[]> acc = new LinkedHashMap<>();
        for (int id : ids) acc.put(id, new double[]{0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
        for (TrackedFrame f : frames) {
            double halfDiag = 0.5 * Math.hypot(f.width(), f.height());
            for (TrackedPerson p : f.persons()) {
                double[] a = acc.get(p.trackId());
                a[0]++;
                BoundingBox b = PersonTracker.boxOf(p.pose(), 0.3);
                double central = 0;
                if (b != null && halfDiag > 0) {
                    double d = Math.hypot(b.centerX() - f.width() / 2.0, b.centerY() - f.height() / 2.0);
                    central = Math.max(0, 1 - d / halfDiag);
                }
                a[1] += central;
                a[2] = Math.min(a[2], f.frameIndex());
                a[3] = Math.max(a[3], f.frameIndex());
            }
        }
        List<TrackSummary> out = new ArrayList<>();
        int total = Math.max(1, frames.size());
        acc.forEach((id, a) -> out.add(new TrackSummary(id, (int) a[0], a[0] / total, a[0] == 0 ? 0 : a[1] / a[0],
                (long) a[2], (long) a[3])));
        return out;
    }

    /**
     * The subject by default: the track with the highest presence × mean centrality, so a person filmed for
     * the whole video near the middle wins over a passer-by or someone at the edge.
     */
    public Optional<SubjectChoice> defaultSubject() {
        return summaries().stream().max(Comparator.comparingDouble(TrackSummary::subjectScore)
                        .thenComparing(s -> -s.trackId()))
                .map(s -> new SubjectChoice(s.trackId(), false, s));
    }

    /**
     * The subject the user picked by track id. An id that was joined into another person resolves to that
     * person (the choice then carries the person's id), so an id picked from the tracker's own numbering, or from
     * an analysis made before tracks were joined, still finds the same body. An unknown or dropped id is a clear
     * error listing the people there are.
     */
    public SubjectChoice subject(int trackId) {
        Optional<Dropped> fragment = dropped.stream().filter(d -> d.trackId() == trackId).findFirst();
        if (fragment.isPresent()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "track %d was a fragment (%d frames over %.2f s) not joined to anyone, so it was left out; people are %s",
                    trackId, fragment.get().frames(), fragment.get().spanS(), ids));
        }
        int person = personOf(trackId).orElse(trackId);
        return summaries().stream().filter(s -> s.trackId() == person).findFirst()
                .map(s -> new SubjectChoice(person, true, s))
                .orElseThrow(() -> new IllegalArgumentException("no track " + trackId + " in this video; tracks are " + ids));
    }

    /**
     * @param presence   fraction of the video's frames the track is in
     * @param centrality mean of 1 − (distance of box centre from frame centre / half the diagonal)
     */
    public record TrackSummary(int trackId, int frames, double presence, double centrality, long firstFrame, long lastFrame) {
        public double subjectScore() { return presence * centrality; }
    }

    /** The analysed person and why: {@code chosenByUser} false means the default rule picked them. */
    public record SubjectChoice(int trackId, boolean chosenByUser, TrackSummary summary) {}
}
