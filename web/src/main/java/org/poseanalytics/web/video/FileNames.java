package org.poseanalytics.web.video;

import java.text.Normalizer;

/**
 * The name a user's browser sent is only ever shown, never used as a path. Still, keep it tidy: no directory
 * part, no control characters, bounded length.
 */
public final class FileNames {
    private FileNames() {}

    public static String displayName(String sent) {
        if (sent == null) return "video";
        String name = Normalizer.normalize(sent, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        while (name.startsWith(".")) name = name.substring(1);
        if (name.length() > 120) name = name.substring(0, 80) + "…" + name.substring(name.length() - 30);
        return name.isBlank() ? "video" : name;
    }
}
