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

/** The JSON the overlay player draws from: per frame its number and [x, y, visibility] per landmark, bones, angle labels. */
public final class PlayerData {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlayerData() {}

    public static String of(VideoAnalysis a, List<String> labelColumns) { return of(a, labelColumns, List.of()); }

    /** {@code others}: the other people seen, drawn faintly with their track number so the user sees who was analysed. */
    public static String of(VideoAnalysis a, List<String> labelColumns, List<TrackSeries> others) {
        ObjectNode o = JSON.createObjectNode();
        o.put("width", a.video().width()).put("height", a.video().height());
        if (a.analysis().subjectTrackId() != null) o.put("subject", a.analysis().subjectTrackId());
        KeypointSeries kp = a.subjectSeries();
        Skeleton skeleton = a.skeleton();
        ArrayNode t = o.putArray("t");
        ArrayNode frameNumbers = o.putArray("f");
        ArrayNode frames = o.putArray("kp");
        if (kp != null) {
            for (int s = 0; s < kp.length(); s++) {
                t.add(Math.round(kp.timesS()[s] * 1e4) / 1e4);
                frameNumbers.add(kp.frames()[s]);
                ArrayNode f = frames.addArray();
                for (int l = 0; l < kp.skeleton().size(); l++) {
                    if (kp.isGap(l, s)) f.addNull().addNull().add(0);
                    else f.add(Math.round(kp.x().get(l, s) * 10) / 10.0).add(Math.round(kp.y().get(l, s) * 10) / 10.0)
                            .add(Math.round(kp.visibility().get(l, s) * 100) / 100.0);
                }
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
            for (int s = 0; s < kp.length(); s++) {
                int k = Arrays.binarySearch(angleFrames, kp.frames()[s]);
                double v = k >= 0 ? c.valueDeg(k) : Double.NaN;
                if (Double.isFinite(v)) values.add(Math.round(v * 10) / 10.0); else values.addNull();
            }
        }
        ArrayNode people = o.putArray("others");
        for (TrackSeries tr : others) {
            KeypointSeries k = tr.series();
            ObjectNode person = people.addObject().put("id", tr.trackId());
            ArrayNode pt = person.putArray("t");
            ArrayNode pk = person.putArray("kp");
            for (int s = 0; s < k.length(); s++) {
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

    /** The landmark an angle is drawn at: knee_flexion → knee, shoulder_abduction → shoulder. */
    static String jointLandmark(String joint) {
        int u = joint.indexOf('_');
        return u < 0 ? joint : joint.substring(0, u);
    }
}
