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
 * Every frame of a video with its tracked persons, keeping only tracks that were confirmed as persons. Frames
 * without anyone are kept too, so series built from here cover the whole video and a missing person is a gap.
 */
public final class Tracks {
    private final List<TrackedFrame> frames;
    private final List<Integer> ids;

    public Tracks(List<TrackedFrame> frames, Set<Integer> confirmedIds) {
        List<TrackedFrame> kept = new ArrayList<>(frames.size());
        for (TrackedFrame f : frames) {
            kept.add(new TrackedFrame(f.frameIndex(), f.timeS(), f.width(), f.height(),
                    f.persons().stream().filter(p -> confirmedIds.contains(p.trackId())).toList()));
        }
        this.frames = List.copyOf(kept);
        TreeSet<Integer> seen = new TreeSet<>();
        for (TrackedFrame f : this.frames) for (TrackedPerson p : f.persons()) seen.add(p.trackId());
        this.ids = List.copyOf(seen);
    }

    public List<TrackedFrame> frames() { return frames; }

    /** Track ids in increasing order. */
    public List<Integer> trackIds() { return ids; }

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

    /** The subject the user picked by track id; an unknown id is a clear error listing the ones there are. */
    public SubjectChoice subject(int trackId) {
        return summaries().stream().filter(s -> s.trackId() == trackId).findFirst()
                .map(s -> new SubjectChoice(trackId, true, s))
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
