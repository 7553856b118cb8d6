package org.poseanalytics.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.identity.FragmentRules;
import org.poseanalytics.tracking.identity.PersonTracker;
import org.poseanalytics.tracking.identity.TrackedFrame;
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

    /** Tracks one frame; frames must come in time order. */
    public TrackedFrame accept(FramePoses frame) {
        if (finished) throw new IllegalStateException("this tracking stage is finished; start a new one for another video");
        TrackedFrame t = tracker.update(frame);
        frames.add(t);
        listener.accept(t);
        return t;
    }

    /** The people over the whole video: confirmed tracks, pieces of one person joined, fragments dropped. */
    public Tracks finish() {
        finished = true;
        return new Tracks(frames, tracker.confirmedIds(), fragments);
    }

    /** The analysed person with their series. */
    public record Subject(Tracks.SubjectChoice choice, KeypointSeries raw, FilteredSeries filtered) {}

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
        KeypointSeries raw = SeriesBuilder.raw(tracks, choice.trackId());
        return new Subject(choice, raw, SeriesPipeline.filter(raw, config));
    }
}
