package org.poseanalytics.web.video;

/**
 * A video's browser copy as the pages and the playback URL see it: its {@link PlaybackState}, why browsers need it
 * ({@code reason}, e.g. "HEVC (H.265) video"), how far the conversion is, and why it failed.
 */
public record BrowserCopy(PlaybackState state, String reason, double fraction, String message) {

    /** What a request for the video while it is not playable is told. */
    public String describe() {
        return switch (state) {
            case AS_UPLOADED, READY -> "The video is ready to play.";
            case FAILED -> "This video could not be converted for the browser: " + (message == null ? "unknown error" : message)
                    + ". The analysis is still valid; download the original from the session page.";
            case CONVERTING -> "This video is being prepared for the browser (" + Math.round(fraction * 100) + " % done; it holds "
                    + reasonOr() + ", which not every browser plays). Try again in a moment.";
            default -> "This video is being prepared for the browser (waiting for its turn" + (reason == null ? "" : "; it holds "
                    + reason + ", which not every browser plays") + "). Try again in a moment.";
        };
    }

    private String reasonOr() { return reason == null ? "a format browsers do not play" : reason; }
}
