package org.poseanalytics.tracking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.PoseSpill;
import org.poseanalytics.pose.SpillFiles;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.identity.FragmentRules;
import org.poseanalytics.tracking.identity.PersonTracker;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.TrackerConfig;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesBuilder;

/**
 * The one entry point the CLI and the web job call: feed each frame's poses as they are decoded, then
 * {@link #finish()} for all tracks, then {@link #subject} for the analysed person's raw and filtered series.
 *
 * <pre>{@code
 * TrackingStage stage = new TrackingStage(TrackerConfig.defaults());
 * for (FramePoses f : frames) stage.accept(f);          // streaming
 * Tracks tracks = stage.finish();
 * TrackingStage.Subject s = TrackingStage.subject(tracks, Optional.empty(), FilterPreset.forExercise("squat").config());
 * }</pre>
 */
public final class TrackingStage {
    private final PersonTracker tracker;
    private final List<TrackedFrame> frames = new ArrayList<>();
    private final Consumer<TrackedFrame> listener;
    private final FragmentRules fragments;
    private boolean finished;
    private Tracks tracks;
    /** Where older frames' poses go once the video is long; null until then, or when no temporary file can be had. */
    private PoseSpill spill;
    private boolean noSpill;
    private int spilledFrames;
    private int spillFromFrames = SPILL_FROM_FRAMES;

    /**
     * From this many frames (5 minutes at 30 fps) the poses of frames tracked more than {@link #SPILL_LAG_FRAMES} ago
     * move to a temporary file as tracking goes ({@link PoseSpill}), so an hour's tracks (~120 MB of floats) never
     * gather on the heap; they are read back, the same floats, to choose the subject, build its series and write the
     * outputs. A negative value never spills. System property {@code poseanalytics.spill-tracks-from-frames}.
     */
    public static final int SPILL_FROM_FRAMES = Integer.getInteger("poseanalytics.spill-tracks-from-frames", 9_000);

    /** Recent frames stay on the heap: the tracker still compares new poses with them. */
    static final int SPILL_LAG_FRAMES = 150;

    /**
     * Free space the temporary directory must have for the poses to spill. The file grows as tracking goes, so its size
     * is not known when it is opened: a GiB is a margin over an hour of one person's poses (~120 MB there) and their
     * series (~100 MB more, which asks for its own room: {@link org.poseanalytics.tracking.series.SeriesStorage#forSize}).
     */
    static final long SPILL_ROOM_BYTES = 1L << 30;

    public TrackingStage() { this(TrackerConfig.defaults()); }

    public TrackingStage(TrackerConfig config) { this(config, f -> { }); }

    /** @param listener sees every frame as soon as it is tracked (e.g. live preview); tentative tracks included */
    public TrackingStage(TrackerConfig config, Consumer<TrackedFrame> listener) {
        this(config, FragmentRules.defaults(), listener);
    }

    /**
     * @param fragments when the tracker's tracks are pieces of one person (joined at {@link #finish()})
     * @param listener  sees every frame as soon as it is tracked, with the tracker's own ids (tentative tracks
     *                  and fragments included: they are joined or dropped only once the video is known)
     */
    public TrackingStage(TrackerConfig config, FragmentRules fragments, Consumer<TrackedFrame> listener) {
        this.tracker = new PersonTracker(config);
        this.fragments = fragments;
        this.listener = listener;
    }

    /** Spills from {@code frames} frames on instead of {@link #SPILL_FROM_FRAMES} (negative: never), for tests. */
    TrackingStage spillingFrom(int frames) {
        this.spillFromFrames = frames;
        return this;
    }

    /** Tracks one frame; frames must come in time order. */
    public TrackedFrame accept(FramePoses frame) {
        if (finished) throw new IllegalStateException("this tracking stage is finished; start a new one for another video");
        TrackedFrame t = tracker.update(frame);
        frames.add(t);
        listener.accept(t);
        spillOlderFrames(frames.size() - SPILL_LAG_FRAMES);
        return t;
    }

    /** Moves the poses of frames before {@code upTo} to the spill, once the video is long enough to need it. */
    private void spillOlderFrames(int upTo) {
        if (noSpill || spillFromFrames < 0 || frames.size() < spillFromFrames) return;
        if (spill == null && (spill = openSpill()) == null) {
            noSpill = true;
            return;
        }
        for (; spilledFrames < upTo; spilledFrames++)
            for (TrackedPerson p : frames.get(spilledFrames).persons()) p.pose().spillTo(spill);
    }

    /**
     * A temporary file for the poses, or null (they stay on the heap, the results are the same) with less than
     * {@link #SPILL_ROOM_BYTES} free in the temporary directory.
     */
    private static PoseSpill openSpill() {
        try {
            if (!SpillFiles.hasRoomFor(SPILL_ROOM_BYTES)) return null;
            return PoseSpill.create();
        } catch (IOException e) {
            return null;
        }
    }

    /** The people over the whole video: confirmed tracks, pieces of one person joined, fragments dropped. */
    public Tracks finish() {
        if (tracks == null) {
            finished = true;
            spillOlderFrames(frames.size());
            if (spill != null) spill.flush();
            tracks = new Tracks(frames, tracker.confirmedIds(), fragments);
            // The tracks hold their own frames (poses shared); ours would only double the per-frame records of a long video.
            frames.clear();
        }
        return tracks;
    }

    /**
     * The analysed person with their series. The raw series of a tracked subject is not kept but built again from the
     * tracks when asked for: it is the tracks' poses of one person, and at 108,000 frames (an hour at 30 fps) a copy
     * costs 200 MB of heap (docs/BENCHMARKS.md, "Long videos, flat memory").
     */
    public static final class Subject {
        private final Tracks.SubjectChoice choice;
        private final KeypointSeries raw;
        private final Tracks tracks;
        private final FilteredSeries filtered;

        /** A subject whose raw series is given (kept as it is). */
        public Subject(Tracks.SubjectChoice choice, KeypointSeries raw, FilteredSeries filtered) {
            this(choice, java.util.Objects.requireNonNull(raw), null, filtered);
        }

        /** A subject whose raw series is their track's poses, built from the tracks when asked (as {@link #subject} makes them). */
        public static Subject ofTrack(Tracks.SubjectChoice choice, Tracks tracks, FilteredSeries filtered) {
            return new Subject(choice, null, java.util.Objects.requireNonNull(tracks), filtered);
        }

        private Subject(Tracks.SubjectChoice choice, KeypointSeries raw, Tracks tracks, FilteredSeries filtered) {
            this.choice = choice;
            this.raw = raw;
            this.tracks = tracks;
            this.filtered = filtered;
        }

        public Tracks.SubjectChoice choice() { return choice; }

        /**
         * Whether {@link #raw()} is the chosen track's poses over every frame (gaps where the person is absent), so
         * that whoever keeps the tracks already keeps it; false when a raw series was given apart.
         */
        public boolean rawIsTrack() { return raw == null; }

        /** The series as the model gave it (label "raw"); built from the tracks on each call unless it was given. */
        public KeypointSeries raw() { return raw != null ? raw : SeriesBuilder.raw(tracks, choice.trackId()); }

        public FilteredSeries filtered() { return filtered; }
    }

    /**
     * Chooses the subject (the given track id, or by default the most present and central person), builds their
     * raw series (with world coordinates when the model gives them) and runs the offline filter chain.
     *
     * @throws IllegalArgumentException when nobody was tracked or the id is not a track of this video
     */
    public static Subject subject(Tracks tracks, Optional<Integer> trackId, FilterConfig config) {
        Tracks.SubjectChoice choice = trackId.map(tracks::subject)
                .orElseGet(() -> tracks.defaultSubject().orElseThrow(
                        () -> new IllegalArgumentException("no person was tracked in this video")));
        // Built to be filtered in place: only the filtered series is kept (raw() builds it again when asked).
        return new Subject(choice, null, tracks, SeriesPipeline.filterConsuming(SeriesBuilder.raw(tracks, choice.trackId()), config));
    }
}
