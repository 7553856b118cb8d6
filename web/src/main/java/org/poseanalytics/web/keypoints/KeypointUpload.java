package org.poseanalytics.web.keypoints;

import java.util.Locale;
import org.poseanalytics.kinematics.keypoints.FrameSize;
import org.poseanalytics.web.UserInputException;

/**
 * What the user says with a keypoint file besides the file: the session's video it belongs to (null: none, the keypoints
 * stand alone), and for a file that does not state them its frame rate and frame size (null: the file's, else the video's).
 */
public record KeypointUpload(Long videoId, Double fps, FrameSize frameSize) {
    public static final KeypointUpload STANDALONE = new KeypointUpload(null, null, null);

    public KeypointUpload {
        if (fps != null && !(fps > 0 && fps <= 1000))
            throw new UserInputException(String.format(Locale.ROOT, "The frames per second must be between 0 and 1000, e.g. 30; got %s.", fps), "fps");
        if (frameSize != null && (frameSize.width() > 16384 || frameSize.height() > 16384))
            throw new UserInputException("The frame size must be at most 16384 pixels each way; got " + frameSize + ".", "frameSize");
    }

    /** The form's or the API's text for a frame size ("1920x1080"); blank: none. */
    public static FrameSize frameSize(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return FrameSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("The frame size must be the video's width and height in pixels, e.g. 1920x1080; got “" + text.strip() + "”.", "frameSize");
        }
    }
}
