package org.poseanalytics.web.analysis;

import org.poseanalytics.kinematics.quality.SampleIssue;

/** The bytea layout of per-sample issues: one byte per sample, {@link SampleIssue#code()}; null stays null (not rated). */
final class SampleIssues {
    private SampleIssues() {}

    static byte[] toBytes(SampleIssue[] issues) {
        if (issues == null) return null;
        byte[] out = new byte[issues.length];
        for (int i = 0; i < issues.length; i++) out[i] = (byte) (issues[i] == null ? 0 : issues[i].code());
        return out;
    }

    static SampleIssue[] fromBytes(byte[] bytes) {
        if (bytes == null) return null;
        SampleIssue[] out = new SampleIssue[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = SampleIssue.ofCode(bytes[i] & 0xff);
        return out;
    }
}
