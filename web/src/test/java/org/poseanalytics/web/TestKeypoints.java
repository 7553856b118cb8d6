package org.poseanalytics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Keypoint files of a known movement, made here: a person seen from their left side doing three squats, knees
 * 0 → 90° → 0 (3 s each, after and before half a second of standing), as a Sports2D/Pose2Sim-style .trc (mm, Y up, no
 * depth) whose knee flexion is exactly {@link #kneeDeg}: the shank tilts forward by half the knee angle and the thigh
 * back by the other half, so the angle between the shank's line and the thigh is the knee angle. Also as an OpenPose
 * folder zipped (BODY_25, pixels of a 1280 × 960 frame), and zips made to harm (a path outside the archive, a bomb).
 */
public final class TestKeypoints {
    public static final double FPS = 30;
    public static final int REST = 15, SQUAT = 90, SQUATS = 3;
    public static final int FRAMES = 2 * REST + SQUATS * SQUAT;
    public static final double PEAK_KNEE_DEG = 90;

    private TestKeypoints() {}

    /** The truth: knee flexion at a frame. */
    public static double kneeDeg(int frame) {
        int f = frame - REST;
        if (f < 0 || f >= SQUATS * SQUAT) return 0;
        return PEAK_KNEE_DEG / 2 * (1 - Math.cos(2 * Math.PI * f / SQUAT));
    }

    /** Every marker of a frame, mm, X forward, Y up, in the order of our landmark names. */
    static Map<String, double[]> markers(int frame) {
        double knee = Math.toRadians(kneeDeg(frame));
        double shank = knee / 2, thigh = shank - knee, trunk = 0.4 * knee;
        double[] ankle = {0, 80};
        double[] kneeP = {ankle[0] + 430 * Math.sin(shank), ankle[1] + 430 * Math.cos(shank)};
        double[] hip = {kneeP[0] + 430 * Math.sin(thigh), kneeP[1] + 430 * Math.cos(thigh)};
        double[] shoulder = {hip[0] + 500 * Math.sin(trunk), hip[1] + 500 * Math.cos(trunk)};
        double[] ear = {shoulder[0] + 200 * Math.sin(trunk), shoulder[1] + 200 * Math.cos(trunk)};
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("nose", new double[] {ear[0] + 90, ear[1] - 10});
        for (String side : List.of("left", "right")) {
            m.put(side + "_eye", new double[] {ear[0] + 60, ear[1] + 10});
            m.put(side + "_ear", ear);
            m.put(side + "_shoulder", shoulder);
            m.put(side + "_elbow", new double[] {shoulder[0] + 280, shoulder[1]});
            m.put(side + "_wrist", new double[] {shoulder[0] + 520, shoulder[1]});
            m.put(side + "_hip", hip);
            m.put(side + "_knee", kneeP);
            m.put(side + "_ankle", ankle);
            m.put(side + "_heel", new double[] {-60, 30});
            m.put(side + "_foot_index", new double[] {160, 20});
        }
        return m;
    }

    /** The squats as a .trc of our marker names, mm, no depth (2D angles in the X–Y plane). */
    public static byte[] squatTrc() { return squatTrc(FRAMES); }

    public static byte[] squatTrc(int frames) {
        List<String> names = List.copyOf(markers(0).keySet());
        StringBuilder s = new StringBuilder();
        s.append("PathFileType\t4\t(X/Y/Z)\tsquat.trc\n");
        s.append("DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\tOrigNumFrames\n");
        s.append(String.format(Locale.ROOT, "%.0f\t%.0f\t%d\t%d\tmm\t%.0f\t1\t%d%n", FPS, FPS, frames, names.size(), FPS, frames));
        s.append("Frame#\tTime");
        for (String n : names) s.append('\t').append(n).append("\t\t");
        s.append("\n\t");
        for (int i = 1; i <= names.size(); i++) s.append(String.format(Locale.ROOT, "\tX%d\tY%d\tZ%d", i, i, i));
        s.append('\n');
        for (int f = 0; f < frames; f++) {
            s.append(f + 1).append('\t').append(String.format(Locale.ROOT, "%.5f", f / FPS));
            for (double[] p : markers(f).values()) s.append(String.format(Locale.ROOT, "\t%.4f\t%.4f\t0", p[0], p[1]));
            s.append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The squats as OpenPose's --write_json folder, zipped: BODY_25, the person 1.5 mm a pixel in a 1280 × 960 frame. */
    public static byte[] squatOpenPoseZip() {
        String[] body25 = {"nose", null, "right_shoulder", "right_elbow", "right_wrist", "left_shoulder", "left_elbow", "left_wrist", null,
                "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee", "left_ankle", "right_eye", "left_eye", "right_ear",
                "left_ear", "left_foot_index", null, "left_heel", "right_foot_index", null, "right_heel"};
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int f = 0; f < FRAMES; f++) {
            Map<String, double[]> m = markers(f);
            StringBuilder k = new StringBuilder();
            for (String name : body25) {
                if (k.length() > 0) k.append(',');
                if (name == null) { k.append("0,0,0"); continue; }
                double[] p = m.get(name);
                k.append(String.format(Locale.ROOT, "%.3f,%.3f,0.9", 640 + p[0] / 1.5, 900 - p[1] / 1.5));
            }
            files.put(String.format(Locale.ROOT, "squat_json/squat_%012d_keypoints.json", f),
                    ("{\"version\":1.3,\"people\":[{\"person_id\":[-1],\"pose_keypoints_2d\":[" + k + "]}]}").getBytes(StandardCharsets.UTF_8));
        }
        return zip(files);
    }

    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
