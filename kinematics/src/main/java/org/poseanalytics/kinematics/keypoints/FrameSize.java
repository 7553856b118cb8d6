package org.poseanalytics.kinematics.keypoints;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The size in pixels of the frame the keypoints were measured on (the displayed frame, rotation applied). */
public record FrameSize(int width, int height) {
    private static final Pattern WXH = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*");

    public FrameSize {
        if (width <= 0 || height <= 0)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the frame size must be positive pixels, got %dx%d", width, height));
    }

    /** "1920x1080"; anything else is refused with what to write instead. */
    public static FrameSize parse(String text) {
        Matcher m = text == null ? null : WXH.matcher(text);
        if (m == null || !m.matches())
            throw new IllegalArgumentException("--frame-size must be the frame's width and height in pixels as WxH, e.g. 1920x1080; got '" + text + "'");
        return new FrameSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() { return width + "x" + height; }
}
