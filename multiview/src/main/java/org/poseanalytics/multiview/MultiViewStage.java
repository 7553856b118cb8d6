package org.poseanalytics.multiview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.poseanalytics.multiview.MultiViewException.Kind;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.sync.MotionSync;
import org.poseanalytics.multiview.sync.SyncOffsets;
import org.poseanalytics.multiview.sync.Timeline;
import org.poseanalytics.multiview.triangulation.PersonMatcher;
import org.poseanalytics.multiview.triangulation.Triangulated;
import org.poseanalytics.multiview.triangulation.TriangulationConfig;
import org.poseanalytics.multiview.triangulation.Triangulator;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.SeriesPipeline;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesBuilder;

/**
 * The one call for several videos of one movement: the people tracked in each view in, the subject's 3D keypoints
 * out. Steps, each a class of its own: synchronise ({@link SyncOffsets}: timestamps, manual, or {@link MotionSync})
 * → common timeline ({@link Timeline}) → associate the subject across views ({@link PersonMatcher}) → triangulate
 * ({@link Triangulator}) → filter in 3D (the tracking module's {@link SeriesPipeline}: Hampel, gap filling, zero-phase
 * Butterworth, without left/right swap repair, which the per-view reprojection test already does).
 */
public final class MultiViewStage {
    /**
     * One video's people: each tracked person's raw series (pixels of the displayed frame, the video's own clock).
     *
     * @param defaultSubjectId the person analysed when no track is given (the most present, central one)
     */
    public record View(String video, int width, int height, List<PersonMatcher.Candidate> people, int defaultSubjectId) {
        public View {
            people = List.copyOf(people);
        }

        /** The view of a video the tracking stage followed people through. */
        public static View of(String video, Tracks tracks) {
            List<PersonMatcher.Candidate> people = new ArrayList<>();
            for (int id : tracks.trackIds()) people.add(new PersonMatcher.Candidate(id, SeriesBuilder.raw(tracks, id)));
            int w = tracks.frames().isEmpty() ? 0 : tracks.frames().getFirst().width();
            int h = tracks.frames().isEmpty() ? 0 : tracks.frames().getFirst().height();
            return new View(video, w, h, people, tracks.defaultSubject().map(Tracks.SubjectChoice::trackId).orElse(-1));
        }
    }

    public enum Sync { TIMESTAMPS, MOTION }

    /**
     * @param subjectTrackId the subject's track in the first video; empty: its most present, central person
     * @param manualOffsetsS one offset per video (seconds, the first 0) overriding {@code sync}; null when not given
     * @param maxLagS        the largest offset the motion method searches
     * @param maxMatchErrorPx a person in another view whose median reprojection error against the subject exceeds this is not the subject
     */
    public record Request(Calibration calibration, List<View> views, Optional<Integer> subjectTrackId, Sync sync,
                          double[] manualOffsetsS, double maxLagS, TriangulationConfig triangulation, FilterConfig filter,
                          double maxMatchErrorPx) {
        public static Request of(Calibration calibration, List<View> views, FilterConfig filter) {
            return new Request(calibration, views, Optional.empty(), Sync.MOTION, null, 5, TriangulationConfig.defaults(), filter, 40);
        }

        public Request withSync(Sync s) { return new Request(calibration, views, subjectTrackId, s, manualOffsetsS, maxLagS, triangulation, filter, maxMatchErrorPx); }

        public Request withOffsets(double[] o) { return new Request(calibration, views, subjectTrackId, sync, o, maxLagS, triangulation, filter, maxMatchErrorPx); }

        public Request withSubject(Integer id) { return new Request(calibration, views, Optional.ofNullable(id), sync, manualOffsetsS, maxLagS, triangulation, filter, maxMatchErrorPx); }
    }

    /**
     * @param calibration the calibration used (intrinsics scaled when a video's size differed by a whole factor)
     * @param offsets     the clocks' offsets found or given
     * @param match       the subject's track per view and how well each lines up
     * @param triangulated raw 3D keypoints with reprojection errors and views used
     * @param filtered    the series kinematics reads: world arrays in {@link org.poseanalytics.multiview.triangulation.WorldAxes}
     * @param warnings    things the user should know (sizes rescaled, a weak synchronisation)
     */
    public record Result(Calibration calibration, SyncOffsets offsets, PersonMatcher.Match match, Triangulated triangulated,
                         FilteredSeries filtered, List<String> warnings) {}

    private MultiViewStage() {}

    public static Result run(Request r) throws MultiViewException {
        int n = r.views().size();
        Calibration cal = r.calibration();
        if (n != cal.size()) {
            throw new MultiViewException(Kind.COUNT_MISMATCH, n + " video" + (n == 1 ? "" : "s") + " given but the calibration has "
                    + cal.size() + " camera" + (cal.size() == 1 ? "" : "s") + " (" + String.join(", ", cal.cameras().stream().map(Camera::name).toList())
                    + "): give one video per camera, in the calibration's order");
        }
        if (n < 2) throw new MultiViewException(Kind.COUNT_MISMATCH, "triangulation needs at least 2 videos, got " + n);
        List<String> warnings = new ArrayList<>();
        cal = matchSizes(cal, r.views(), warnings);

        List<List<PersonMatcher.Candidate>> own = new ArrayList<>();
        List<KeypointSeries> defaults = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            View view = r.views().get(v);
            if (view.people().isEmpty()) throw new MultiViewException(Kind.NOT_SEEN, "camera " + cal.camera(v).name() + " (" + view.video() + ") never sees a person");
            own.add(view.people());
            int chosen = v == 0 && r.subjectTrackId().isPresent() ? r.subjectTrackId().get() : view.defaultSubjectId();
            var found = view.people().stream().filter(c -> c.trackId() == chosen).findFirst();
            if (found.isEmpty())
                throw new MultiViewException(Kind.BAD_REQUEST, "no track " + chosen + " in " + view.video() + "; tracks are "
                        + view.people().stream().map(PersonMatcher.Candidate::trackId).toList());
            defaults.add(found.get().series());
        }

        SyncOffsets offsets = sync(r, defaults, warnings);
        KeypointSeries ref = defaults.getFirst();
        int[] keep = Timeline.common(defaults, offsets);
        if (keep.length < 2) {
            throw new MultiViewException(Kind.NO_OVERLAP, String.format(Locale.ROOT, "the videos do not overlap in time (offsets %s s): "
                    + "film all cameras at once, or give --offsets", fmt(offsets.offsetsS())));
        }
        long[] frames = new long[keep.length];
        double[] times = new double[keep.length];
        for (int i = 0; i < keep.length; i++) { frames[i] = ref.frames()[keep[i]]; times[i] = ref.timesS()[keep[i]]; }

        List<List<PersonMatcher.Candidate>> onTimeline = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            List<PersonMatcher.Candidate> l = new ArrayList<>();
            for (PersonMatcher.Candidate c : own.get(v))
                l.add(new PersonMatcher.Candidate(c.trackId(), Timeline.resample(c.series(), offsets.offsetsS()[v], frames, times)));
            onTimeline.add(l);
        }
        int subjectId = r.subjectTrackId().orElse(r.views().getFirst().defaultSubjectId());
        PersonMatcher.Candidate subject = onTimeline.getFirst().stream().filter(c -> c.trackId() == subjectId).findFirst().orElseThrow();
        PersonMatcher.Match match;
        try {
            match = PersonMatcher.match(cal, subject, onTimeline, r.maxMatchErrorPx());
        } catch (PersonMatcher.NotSeenException e) {
            throw new MultiViewException(Kind.NOT_SEEN, e.getMessage(), e);
        }
        List<KeypointSeries> chosen = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            int id = match.trackIds()[v];
            chosen.add(onTimeline.get(v).stream().filter(c -> c.trackId() == id).findFirst().orElseThrow().series());
        }
        Triangulated tri = new Triangulator(cal, r.triangulation()).triangulate(chosen);
        for (int v = 0; v < n; v++) {
            int bit = 1 << v;
            boolean used = false;
            for (int[] row : tri.viewMask()) for (int m : row) used |= (m & bit) != 0;
            if (!used) warnings.add("camera " + cal.camera(v).name() + " contributed no point: every one it saw disagreed with the other views");
        }
        if (tri.errorStats().points() == 0)
            throw new MultiViewException(Kind.NOT_SEEN, "no keypoint could be triangulated: the views never agree (check the calibration and the video order)");
        KeypointSeries series = tri.toSeries(cal, "triangulated");
        FilteredSeries filtered = SeriesPipeline.filter(series, r.filter().withRepairSwaps(false), true);
        return new Result(cal, offsets, match, tri, filtered, List.copyOf(warnings));
    }

    private static SyncOffsets sync(Request r, List<KeypointSeries> defaults, List<String> warnings) throws MultiViewException {
        int n = defaults.size();
        if (r.manualOffsetsS() != null) {
            if (r.manualOffsetsS().length != n)
                throw new MultiViewException(Kind.BAD_REQUEST, "give one offset per video (" + n + "), got " + r.manualOffsetsS().length);
            try {
                return SyncOffsets.manual(r.manualOffsetsS());
            } catch (IllegalArgumentException e) {
                throw new MultiViewException(Kind.BAD_REQUEST, e.getMessage(), e);
            }
        }
        if (r.sync() == Sync.TIMESTAMPS) return SyncOffsets.timestamps(n);
        try {
            SyncOffsets s = MotionSync.find(defaults, r.maxLagS());
            for (int v = 1; v < n; v++) {
                if (s.correlation()[v] < 0.5) {
                    warnings.add(String.format(Locale.ROOT, "video %d: the movement correlates weakly with video 1 (%.2f); its offset %.3f s may be wrong: "
                            + "give --offsets, or --sync timestamps when the cameras started together", v + 1, s.correlation()[v], s.offsetsS()[v]));
                }
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new MultiViewException(Kind.NO_OVERLAP, "cannot synchronise the videos by movement: " + e.getMessage(), e);
        }
    }

    /** Each camera must describe its video's frames: a whole rescale (same aspect) is applied, anything else refused. */
    private static Calibration matchSizes(Calibration cal, List<View> views, List<String> warnings) throws MultiViewException {
        List<Camera> cams = new ArrayList<>();
        boolean changed = false;
        for (int v = 0; v < views.size(); v++) {
            Camera c = cal.camera(v);
            int w = views.get(v).width(), h = views.get(v).height();
            if (w <= 0 || h <= 0) throw new MultiViewException(Kind.NOT_SEEN, views.get(v).video() + " has no frames");
            if (w == c.width() && h == c.height()) { cams.add(c); continue; }
            if (Math.abs(w / (double) h - c.width() / (double) c.height()) > 0.01) {
                throw new MultiViewException(Kind.BAD_REQUEST, String.format(Locale.ROOT, "%s is %dx%d but camera %s was calibrated at %dx%d: "
                        + "not the same camera or orientation (is the video rotated?)", views.get(v).video(), w, h, c.name(), c.width(), c.height()));
            }
            cams.add(c.resizedTo(w, h));
            changed = true;
            warnings.add(String.format(Locale.ROOT, "camera %s was calibrated at %dx%d; its intrinsics were scaled to the video's %dx%d",
                    c.name(), c.width(), c.height(), w, h));
        }
        return changed ? new Calibration(cams, cal.up(), cal.reprojectionErrorPx(), cal.source()) : cal;
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", d));
        return b.toString();
    }
}
