package org.poseanalytics.web.video;

/** Where a video's browser copy stands ({@code video.playback}). */
public enum PlaybackState {
    /** Uploaded before copies were made in the background: not looked at yet. */
    UNKNOWN(null),
    /** Browsers play the upload itself; no copy. */
    AS_UPLOADED("as-uploaded"),
    /** A copy is needed and waits for its turn. */
    PENDING("pending"),
    CONVERTING("converting"),
    READY("ready"),
    FAILED("failed");

    private final String dbName;

    PlaybackState(String dbName) { this.dbName = dbName; }

    public String dbName() { return dbName; }

    public boolean playable() { return this == AS_UPLOADED || this == READY; }

    static PlaybackState of(String dbName) {
        for (PlaybackState s : values()) if (s.dbName != null && s.dbName.equals(dbName)) return s;
        return UNKNOWN;
    }
}
