package org.poseanalytics.web.analysis;

import java.util.Arrays;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.web.chart.ChartOptions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the overlay player draws from: per frame its number and [x, y, visibility] per landmark, bones, angle labels.
 *
 * <p>An analysis of up to {@link #WHOLE_UP_TO} frames goes to the player whole. A longer one goes a window at a time:
 * an hour's frames would be ~100 MB of JSON (1.6 MB a minute), more than a 512 MB server can build beside anything
 * else and more than a browser should parse for one page. A window holds the minute asked for and {@link #MARGIN_S}
 * either side, and says which minute it is for ("window": from, to; null at the analysis's ends): the player asks for
 * the next one when its time leaves that minute, and plays on in the margin meanwhile.
 */
public final class PlayerData {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Up to this many frames (5 minutes at 30 fps, ~8 MB of JSON) the player gets the whole analysis at once. */
    static final int WHOLE_UP_TO = 9_000;
    /** A window's own span, and the margin sent either side of it. */
    static final double MINUTE_S = 60, MARGIN_S = 30;

    private PlayerData() {}

    public static String of(VideoAnalysis a, List<String> labelColumns) { return of(a, labelColumns, List.of(), 0.0); }

    /**
     * The player's data around {@code atS} (seconds; all of it for a short analysis, see {@link #windowAt}).
     * {@code others}: the other people seen, drawn faintly with their track number so the user sees who was analysed.
     */
    public static String of(VideoAnalysis a, List<String> labelColumns, List<TrackSeries> others, double atS) {
        return ofWindow(a, labelColumns, others, windowAt(a, atS));
    }

    /** Which window holds {@code atS}: -1 for the whole analysis (a short one), else the minute's number from 0. */
    public static int windowAt(VideoAnalysis a, double atS) {
        KeypointSeries kp = a.subjectSeries();
        if (kp == null || kp.length() <= WHOLE_UP_TO) return -1;
        double last = kp.timesS()[kp.length() - 1];
        int lastWindow = (int) Math.floor(last / MINUTE_S);
        return Double.isNaN(atS) ? 0 : Math.clamp((long) Math.floor(atS / MINUTE_S), 0, lastWindow);
    }

    /** The data of one window ({@link #windowAt}; -1 for all of it). */
    static String ofWindow(VideoAnalysis a, List<String> labelColumns, List<TrackSeries> others, int window) {
        ObjectNode o = JSON.createObjectNode();
        o.put("width", a.video().width()).put("height", a.video().height());
        if (a.analysis().subjectTrackId() != null) o.put("subject", a.analysis().subjectTrackId());
        KeypointSeries kp = a.subjectSeries();
        Skeleton skeleton = a.skeleton();
        double from = window < 0 ? Double.NEGATIVE_INFINITY : window * MINUTE_S - MARGIN_S;
        double to = window < 0 ? Double.POSITIVE_INFINITY : (window + 1) * MINUTE_S + MARGIN_S;
        if (window >= 0) {
            boolean lastWindow = window == windowAt(a, Double.POSITIVE_INFINITY);
            ObjectNode w = o.putObject("window");
            if (window == 0) w.putNull("from"); else w.put("from", window * MINUTE_S);
            if (lastWindow) w.putNull("to"); else w.put("to", (window + 1) * MINUTE_S);
        }
        ArrayNode t = o.putArray("t");
        ArrayNode frameNumbers = o.putArray("f");
        ArrayNode frames = o.putArray("kp");
        int first = kp == null ? 0 : firstAtOrAfter(kp.timesS(), from), end = kp == null ? 0 : firstAtOrAfter(kp.timesS(), to);
        for (int s = first; s < end; s++) {
            t.add(Math.round(kp.timesS()[s] * 1e4) / 1e4);
            frameNumbers.add(kp.frames()[s]);
            ArrayNode f = frames.addArray();
            for (int l = 0; l < kp.skeleton().size(); l++) {
                if (kp.isGap(l, s)) f.addNull().addNull().add(0);
                else f.add(Math.round(kp.x().get(l, s) * 10) / 10.0).add(Math.round(kp.y().get(l, s) * 10) / 10.0)
                        .add(Math.round(kp.visibility().get(l, s) * 100) / 100.0);
            }
        }
        ArrayNode bones = o.putArray("bones");
        for (int[] b : skeleton.bones()) bones.addArray().add(b[0]).add(b[1]);
        ArrayNode labels = o.putArray("labels");
        List<String> landmarks = a.analysis().landmarks();
        for (int i = 0; i < labelColumns.size(); i++) {
            AngleSeries c = a.angles().find(labelColumns.get(i)).orElse(null);
            if (c == null || kp == null) continue;
            int joint = landmarks.indexOf(c.side().prefix() + jointLandmark(c.angle().id()));
            if (joint < 0) continue;
            ObjectNode l = labels.addObject().put("name", c.column()).put("joint", joint)
                    .put("color", ChartOptions.PALETTE.get(i % ChartOptions.PALETTE.size()));
            ArrayNode values = l.putArray("values");
            // Angles and keypoints may sample different frames: match them by frame number.
            long[] angleFrames = a.angles().frames();
            for (int s = first; s < end; s++) {
                int k = Arrays.binarySearch(angleFrames, kp.frames()[s]);
                double v = k >= 0 ? c.valueDeg(k) : Double.NaN;
                if (Double.isFinite(v)) values.add(Math.round(v * 10) / 10.0); else values.addNull();
            }
        }
        ArrayNode people = o.putArray("others");
        for (TrackSeries tr : others) {
            KeypointSeries k = tr.series();
            int kFirst = firstAtOrAfter(k.timesS(), from), kEnd = firstAtOrAfter(k.timesS(), to);
            if (kFirst >= kEnd) continue; // not seen in this window
            ObjectNode person = people.addObject().put("id", tr.trackId());
            ArrayNode pt = person.putArray("t");
            ArrayNode pk = person.putArray("kp");
            for (int s = kFirst; s < kEnd; s++) {
                pt.add(Math.round(k.timesS()[s] * 1e4) / 1e4);
                ArrayNode f = pk.addArray();
                for (int l = 0; l < k.skeleton().size(); l++) {
                    if (k.isGap(l, s)) f.addNull().addNull().add(0);
                    else f.add(Math.round(k.x().get(l, s))).add(Math.round(k.y().get(l, s))).add(Math.round(k.visibility().get(l, s) * 100) / 100.0);
                }
            }
        }
        return o.toString();
    }

    /** The first sample at or after {@code t} in ascending times (their length when none). */
    private static int firstAtOrAfter(double[] times, double t) {
        int lo = 0, hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** The landmark an angle is drawn at: knee_flexion → knee, shoulder_abduction → shoulder. */
    static String jointLandmark(String joint) {
        int u = joint.indexOf('_');
        return u < 0 ? joint : joint.substring(0, u);
    }
}
