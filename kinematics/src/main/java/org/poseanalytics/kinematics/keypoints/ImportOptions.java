package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the user tells about a keypoint file that the file may not say itself: its frame rate and the size of the frame
 * its pixels belong to (both used only where the file has none), and for MediaPipe's reference output the companion
 * file of world landmarks. Null: not given.
 */
public record ImportOptions(Double fps, FrameSize frameSize, Path worldLandmarks) {
    public static final ImportOptions NONE = new ImportOptions(null, null, null);

    public ImportOptions {
        if (fps != null && !(fps > 0 && fps <= 10_000))
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--fps must be the frames per second the keypoints were taken at, e.g. 30; got %s", fps));
    }

    public static Double parseFps(String text) {
        if (text == null) return null;
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fps must be the frames per second the keypoints were taken at, e.g. 30; got '" + text + "'");
        }
    }

    /** The file's frame rate, else --fps, else the message saying to give it. */
    double fpsOr(Double fromFile, String formatName) throws KeypointFileException {
        if (fromFile != null && fromFile > 0) return fromFile;
        if (fps != null) return fps;
        throw new KeypointFileException(KeypointFileException.Kind.NEEDS_OPTION,
                formatName + " keypoints do not state their frame rate: give it with --fps N (the video's frames per second)");
    }

    /** The file's frame size, else --frame-size, else the message saying to give it. */
    FrameSize frameSizeOr(FrameSize fromFile, String formatName) throws KeypointFileException {
        if (fromFile != null) return fromFile;
        if (frameSize != null) return frameSize;
        throw new KeypointFileException(KeypointFileException.Kind.NEEDS_OPTION,
                formatName + " keypoints do not state the frame size: give it with --frame-size WxH (the video's width and height in pixels, e.g. 1920x1080)");
    }
}
