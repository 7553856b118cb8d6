package org.poseanalytics.web.analysis;

/**
 * The analysed subject's series, one sample per frame of the video (gaps as NaN).
 *
 * @param kind   RAW (the model's output for the subject's track) or FILTERED (the offline chain; draw this one)
 * @param filter the chain it went through, e.g. "raw" or "swap-repair+hampel+butterworth-4-6hz"
 * @param world  [sample][landmark][x, y, z] in metres from the model's world landmarks, null when the model has none
 */
public record SubjectKeypoints(Kind kind, String filter, Keypoints keypoints, float[] world) {
    public enum Kind {
        RAW, FILTERED;

        public String code() { return name().toLowerCase(); }
    }

    public SubjectKeypoints {
        if (world != null && world.length != keypoints.length() * keypoints.landmarkCount() * 3)
            throw new IllegalArgumentException("world landmarks do not match the keypoints' shape");
    }
}
