package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.series.KeypointSeries;

/** The pipeline's result in the compact form it is stored in (float32, column-per-angle, flattened keypoints). */
final class PipelineResults {
    private PipelineResults() {}

    static AnalysisResults of(AnalysisResult r) {
        KinematicsResult k = r.kinematics();
        KeypointSeries raw = r.subject().raw();
        Skeleton skeleton = raw.skeleton();
        AnalysisResult.Timings t = r.timings();
        return new AnalysisResults(r.model(), r.modelDescription(), k.exercise().exercise().id(), k.exercise().guessed(),
                k.signal(), skeleton.name().toLowerCase().replace('_', '-'), skeleton.names(),
                r.subject().choice().trackId(), r.subject().choice().chosenByUser(), (int) r.poses().frames(), (int) r.poses().framesWithPose(),
                angles(k), subject(SubjectKeypoints.Kind.RAW, raw), subject(SubjectKeypoints.Kind.FILTERED, r.subject().filtered().series()),
                tracks(r.tracks(), skeleton.size()), k.repetitions().stream().map(PipelineResults::repetition).toList(),
                metrics(k), r.points().stream().map(PipelineResults::point).toList(),
                new Timings(t.decodeS(), t.inferenceS(), t.trackingS(), t.kinematicsS() + t.pointsS(), t.totalS(), t.framesPerS(), Double.NaN),
                k.view(), k.headlines().stream().map(PipelineResults::headline).toList());
    }

    /**
     * Every figure, and each headline's figure among them: a headline is stored by the name and side of its
     * session-wide figure, so one the stage did not also list as a metric is added rather than lost.
     */
    static List<MetricResult> metrics(KinematicsResult k) {
        List<MetricResult> out = new ArrayList<>(k.metrics().stream().map(PipelineResults::metric).toList());
        for (Headline h : k.headlines()) {
            MetricResult m = metric(h.metric());
            boolean listed = out.stream().anyMatch(o -> o.repetition() == null && o.key().equals(m.key()));
            if (!listed && m.repetition() == null) out.add(m);
        }
        return out;
    }

    static HeadlineResult headline(Headline h) {
        return new HeadlineResult(h.rank(), h.label(), h.definition(), metric(h.metric()));
    }

    static Angles angles(KinematicsResult k) {
        List<AngleColumn> columns = new ArrayList<>();
        for (AngleSeries s : k.angles().series()) {
            columns.add(new AngleColumn(s.column(), s.angle().id(), side(s.side()),
                    s.dimension() == Dimension.WORLD_3D ? AngleDimension.WORLD_3D : AngleDimension.IMAGE_2D, "deg",
                    floats(s.valuesDeg()), floats(s.velocityDegPerS()), s.issues()));
        }
        return new Angles(k.angles().frames(), k.angles().timesS(), columns);
    }

    static SubjectKeypoints subject(SubjectKeypoints.Kind kind, KeypointSeries s) {
        int n = s.length(), l = s.skeleton().size();
        float[] v = new float[n * l * Keypoints.STRIDE];
        float[] world = s.hasWorld() ? new float[n * l * 3] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) {
                int o = (i * l + j) * Keypoints.STRIDE;
                v[o] = (float) s.x()[j][i];
                v[o + 1] = (float) s.y()[j][i];
                v[o + 2] = (float) s.z()[j][i];
                v[o + 3] = (float) s.visibility()[j][i];
                if (world != null) {
                    int w = (i * l + j) * 3;
                    world[w] = (float) s.worldX()[j][i];
                    world[w + 1] = (float) s.worldY()[j][i];
                    world[w + 2] = (float) s.worldZ()[j][i];
                }
            }
        }
        return new SubjectKeypoints(kind, s.filter(), new Keypoints(l, s.frames(), s.timesS(), v), world);
    }

    /** Each confirmed track on the frames where it was seen; one pass over the frames, whatever the number of tracks. */
    static List<TrackKeypoints> tracks(Tracks tracks, int landmarks) {
        Map<Integer, TrackBuilder> builders = new LinkedHashMap<>();
        for (int id : tracks.trackIds()) builders.put(id, new TrackBuilder(landmarks));
        for (TrackedFrame f : tracks.frames()) {
            for (TrackedPerson p : f.persons()) {
                TrackBuilder b = builders.get(p.trackId());
                if (b != null) b.add(f.frameIndex(), f.timeS(), p.pose());
            }
        }
        List<TrackKeypoints> out = new ArrayList<>();
        builders.forEach((id, b) -> out.add(new TrackKeypoints(id, b.build())));
        return out;
    }

    private static final class TrackBuilder {
        final int landmarks;
        long[] frames = new long[256];
        double[] times = new double[256];
        float[] values;
        int n;

        TrackBuilder(int landmarks) {
            this.landmarks = landmarks;
            this.values = new float[256 * landmarks * Keypoints.STRIDE];
        }

        void add(long frame, double time, PersonPose pose) {
            if (n == frames.length) {
                frames = java.util.Arrays.copyOf(frames, n * 2);
                times = java.util.Arrays.copyOf(times, n * 2);
                values = java.util.Arrays.copyOf(values, n * 2 * landmarks * Keypoints.STRIDE);
            }
            frames[n] = frame;
            times[n] = time;
            for (int j = 0; j < landmarks; j++) {
                Keypoint k = pose.keypoint(j);
                int o = (n * landmarks + j) * Keypoints.STRIDE;
                values[o] = (float) k.x();
                values[o + 1] = (float) k.y();
                values[o + 2] = (float) k.z();
                values[o + 3] = (float) k.visibility();
            }
            n++;
        }

        Keypoints build() {
            return new Keypoints(landmarks, java.util.Arrays.copyOf(frames, n), java.util.Arrays.copyOf(times, n),
                    java.util.Arrays.copyOf(values, n * landmarks * Keypoints.STRIDE));
        }
    }

    static RepetitionResult repetition(Repetition r) {
        return new RepetitionResult(r.index(), r.startS(), r.peakS(), r.endS(), r.startFrame(), r.peakFrame(), r.endFrame(),
                r.romDeg(), r.peakDeg(), r.minDeg(), r.maxDeg(), r.eccentricS(), r.holdS(), r.concentricS(), r.complete(),
                r.note(), r.signal());
    }

    static MetricResult metric(MetricRecord m) {
        return new MetricResult(m.name(), m.value(), m.unit(), side(m.side()), m.repetition(), m.quality(), m.reason());
    }

    static PointPath point(PointTrajectory p) { return PointPath.of(p); }

    private static BodySide side(Side s) {
        return switch (s) {
            case LEFT -> BodySide.LEFT;
            case RIGHT -> BodySide.RIGHT;
            case NONE -> BodySide.NONE;
        };
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
