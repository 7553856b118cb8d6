package org.poseanalytics.kinematics.angle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poseanalytics.kinematics.quality.KeypointChecks;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Computes every {@link JointAngle} the skeleton allows, in the image plane and, when the series has world
 * landmarks, in 3D, and rates every sample ({@link SampleIssue}). Each sample is mapped into its angle's
 * {@link AngleRange} on its own; an invalid sample is NaN (not a measurement), and velocity is only taken inside
 * stretches of usable samples.
 */
public final class JointAngles {
    private JointAngles() {}

    /**
     * The stage's entry: angles of the filtered series, each sample rated from its keypoints (tracked, left/right
     * not confused, inside the frame, visible, measured rather than interpolated), from its plane's tilt to the image
     * (2D only), from a limb pointing at the camera (2D: invalid; one camera's 3D: low, the depth being guessed), from
     * a picture that is not level (leans against gravity only) and from the angle's physiological limits.
     */
    public static AngleTable compute(FilteredSeries filtered, int frameWidth, int frameHeight) {
        return compute(filtered, frameWidth, frameHeight, false);
    }

    /**
     * As {@link #compute(FilteredSeries, int, int)}; {@code worldMeasured}: the world landmarks are measured
     * (triangulated from several cameras) rather than one camera's pose model guessing depth, so a limb pointing at a
     * camera does not make a 3D angle {@link SampleIssue#DEPTH_GUESSED}.
     */
    public static AngleTable compute(FilteredSeries filtered, int frameWidth, int frameHeight, boolean worldMeasured) {
        return compute(filtered.series(), KeypointChecks.of(filtered, frameWidth, frameHeight), worldMeasured);
    }

    /** Angles of a series without the filter's record (nothing known to be interpolated) or the frame size: the other checks still apply. */
    public static AngleTable compute(KeypointSeries series) {
        if (series == null) throw new IllegalArgumentException("no keypoint series given");
        return compute(series, KeypointChecks.of(series, null, null, 0, 0), false);
    }

    private static AngleTable compute(KeypointSeries series, KeypointChecks checks, boolean worldMeasured) {
        double[] t = series.timesS();
        for (int i = 1; i < t.length; i++)
            if (!(t[i] > t[i - 1]))
                throw new IllegalArgumentException("timestamps must increase: sample " + i + " has " + t[i] + " s after " + t[i - 1] + " s");
        ViewSigns signs = ViewSigns.of(series);
        ViewGeometry view = ViewGeometry.of(series);
        double[] typicalTilt = {median(view.sagittalToImageDeg()), median(view.frontalToImageDeg())};
        Landmarks world = series.hasWorld() ? new Landmarks(series, Dimension.WORLD_3D) : null;
        boolean tilted = PictureRoll.tilted(PictureRoll.estimateDeg(series));
        List<AngleSeries> out = new ArrayList<>();
        List<Dimension> dims = series.hasWorld() ? List.of(Dimension.IMAGE_2D, Dimension.WORLD_3D) : List.of(Dimension.IMAGE_2D);
        for (Dimension dim : dims) {
            Landmarks p = new Landmarks(series, dim);
            // Body frames are made again per sample in the second pass rather than kept: an hour of video is 108,000 of them.
            boolean upright = mostlyUpright(p, dim, signs, series.length());
            // Measured 3D has its "up" from the calibration, not from the picture.
            boolean level = !tilted || (dim == Dimension.WORLD_3D && worldMeasured);
            List<Column> columns = new ArrayList<>();
            for (JointAngle angle : JointAngle.values()) {
                if (!angle.availableFor(series.skeleton())) continue;
                for (Side side : angle.sides())
                    columns.add(new Column(angle, side, angle.landmarks(side).stream().mapToInt(series.skeleton()::indexOf).toArray(), series.length()));
            }
            for (int i = 0; i < series.length(); i++) {
                p.at(i);
                BodyFrame frame = bodyFrame(p, dim, signs);
                for (Column c : columns) rate(c, i, p, frame, dim, series, checks, view, world, typicalTilt, upright, level, worldMeasured);
            }
            for (Column c : columns)
                out.add(new AngleSeries(c.angle, c.side, dim, c.v, Continuity.velocity(c.v, t), c.issues, c.keypoints));
        }
        return new AngleTable(series.frames(), t, out, signs);
    }

    /** One angle column while it is computed, sample by sample. */
    private record Column(JointAngle angle, Side side, int[] needs, double[] v, SampleIssue[] issues, String[] keypoints) {
        Column(JointAngle angle, Side side, int[] needs, int n) {
            this(angle, side, needs, new double[n], new SampleIssue[n], new String[n]);
        }
    }

    /** Whether a needed keypoint is in the image at sample {@code i} but has no world position there. */
    private static boolean worldRejected(KeypointSeries s, int[] needs, int i) {
        boolean rejected = false;
        for (int l : needs) {
            if (s.isGap(l, i)) return false;
            rejected |= !Float.isFinite(s.worldX().get(l, i));
        }
        return rejected;
    }

    private static BodyFrame bodyFrame(Landmarks p, Dimension dim, ViewSigns signs) {
        return dim == Dimension.WORLD_3D ? BodyFrame.of3d(p) : BodyFrame.of2d(p, signs);
    }

    /** Computes and rates sample {@code i} of one column; {@code p} is at sample {@code i}. */
    private static void rate(Column c, int i, Landmarks p, BodyFrame frame, Dimension dim, KeypointSeries series, KeypointChecks checks,
                             ViewGeometry view, Landmarks world, double[] typicalTilt, boolean upright, boolean level,
                             boolean worldMeasured) {
        JointAngle angle = c.angle;
        Side side = c.side;
        double[] v = c.v;
        String[] keypoints = c.keypoints;
        v[i] = angle.range().wrap(angle.compute(p, frame, side));
        // The keypoints say why a value is missing (hidden, out of frame, confused); "not tracked" only
        // when none of them does.
        SampleIssue issue = SampleIssue.NONE;
        for (int l : c.needs) {
            SampleIssue first = issue.first(checks.at(l, i));
            if (first != issue) keypoints[i] = series.skeleton().name(l);
            issue = first;
        }
        if (!Double.isFinite(v[i]) && issue.quality().usable()) {
            // Every keypoint seen in the image yet no 3D value: a world position rejected as a jump, or moved by hand.
            issue = dim == Dimension.WORLD_3D && worldRejected(series, c.needs, i) ? SampleIssue.NO_DEPTH : SampleIssue.NOT_TRACKED;
            keypoints[i] = null;
        }
        if (dim == Dimension.IMAGE_2D) {
            double tilt = planeTilt(angle, side, i, view, world, typicalTilt);
            issue = issue.first(angle.tiltLimits().issue(tilt));
            if (world != null && towardCamera(angle.segments(side), world.at(i), MAX_SEGMENT_OUT_OF_IMAGE_DEG))
                issue = issue.first(SampleIssue.SEGMENT_TOWARD_CAMERA);
        } else if (!worldMeasured && towardCamera(angle.segments(side), p, MAX_SEGMENT_OUT_OF_IMAGE_3D_DEG)) {
            // Such a limb reaches further in depth than across the picture: its 3D direction is mostly the model's guess.
            issue = issue.first(SampleIssue.DEPTH_GUESSED);
        }
        if (!upright && angle.againstGravity()) issue = issue.first(SampleIssue.NOT_UPRIGHT);
        if (!level && angle.againstGravity()) issue = issue.first(SampleIssue.PICTURE_TILTED);
        if (Double.isFinite(v[i]) && !angle.limits().contains(v[i])) issue = issue.first(SampleIssue.IMPLAUSIBLE);
        if (Double.isFinite(v[i]) && angle.unstableProjection(p, frame, side)) issue = issue.first(SampleIssue.UNSTABLE_PROJECTION);
        if (!issue.aboutKeypoint()) keypoints[i] = null;
        c.issues[i] = issue;
        if (issue.quality() == Quality.INVALID) v[i] = Double.NaN;
    }

    /**
     * The tilt to the image of the plane this sample moves in: the angle's own plane where world landmarks show it
     * (elbow flexion), else its anatomical plane at this sample, else that plane's typical tilt over the recording
     * (a frame without both hips and shoulders still has a camera).
     */
    private static double planeTilt(JointAngle angle, Side side, int i, ViewGeometry view, Landmarks world, double[] typicalTilt) {
        Vec3 own = world == null ? null : angle.ownPlaneNormal(world.at(i), side);
        if (own != null) return ViewGeometry.tiltDeg(own);
        double tilt = view.tiltDeg(angle.plane(), i);
        return Double.isFinite(tilt) ? tilt : typicalTilt[angle.plane() == AnatomicalPlane.SAGITTAL ? 0 : 1];
    }

    /**
     * Beyond this median angle between the trunk and "up" the person is taken as not upright: trunk leans in squats,
     * lunges and gait stay well under it, a person in a video turned 90° or lying down is near 90°.
     */
    static final double MAX_MEDIAN_TRUNK_FROM_UP_DEG = 60;

    /**
     * Whether the trunk is within {@link #MAX_MEDIAN_TRUNK_FROM_UP_DEG} of up in most frames where it is seen: a first
     * pass that keeps one double per frame (NaN where no body frame), not the frames.
     */
    private static boolean mostlyUpright(Landmarks p, Dimension dim, ViewSigns signs, int n) {
        double[] fromUp = new double[n];
        int seen = 0;
        for (int i = 0; i < n; i++) {
            BodyFrame f = bodyFrame(p.at(i), dim, signs);
            if (f == null) continue;
            fromUp[seen++] = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, f.up().dot(f.worldUp())))));
        }
        return seen == 0 || median(Arrays.copyOf(fromUp, seen)) <= MAX_MEDIAN_TRUNK_FROM_UP_DEG;
    }

    /**
     * Beyond this angle between a segment and the image plane its image is under half its length (cos 60° = 0.5):
     * the 2D angle it makes is then mostly the projection's doing.
     */
    static final double MAX_SEGMENT_OUT_OF_IMAGE_DEG = 60;

    /**
     * Beyond this angle between a segment and the image plane (one camera, world landmarks from its pose model) more of
     * the segment's direction lies in depth than across the picture, so a 3D angle it makes is mostly the model's guess.
     * Lower than the 2D bound because the model's world landmarks compress depth: at the bottom of the squat fixture,
     * filmed from the front with the thighs near horizontal, they put the thighs at most 54° out of the picture and the
     * feet 30–60°, where both point nearly at the camera; the 3D ankle figures there moved by up to 10° between
     * re-encodings of the video and the deepest knee differed by 9° from MediaPipe's own world landmarks.
     */
    static final double MAX_SEGMENT_OUT_OF_IMAGE_3D_DEG = 45;

    /**
     * Whether a segment is more than {@code maxOutOfImageDeg} out of the image plane, toward or away from the camera (a
     * single camera's world landmarks are camera-aligned: z is depth).
     */
    private static boolean towardCamera(List<String[]> segments, Landmarks world, double maxOutOfImageDeg) {
        for (String[] seg : segments) {
            Vec3 a = world.get(seg[0]), b = world.get(seg[1]);
            if (a == null || b == null) continue;
            Vec3 d = b.minus(a);
            double n = d.norm();
            if (n > 1e-9 && Math.toDegrees(Math.asin(Math.min(1, Math.abs(d.z()) / n))) > maxOutOfImageDeg) return true;
        }
        return false;
    }

    private static double median(double[] v) {
        double[] finite = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        return finite.length == 0 ? Double.NaN : finite[finite.length / 2];
    }
}
