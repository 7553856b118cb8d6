package org.poseanalytics.pose.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files an attacker (or a broken camera) could upload, made on the spot with the system's ffmpeg: cheap to make and
 * small, each declaring something that would be costly to decode, or naming other files.
 */
public final class HostileVideos {
    private HostileVideos() {}

    /** A real H.264 stream {@code width}×{@code height} pixels, 0.2 s: cheap when one side is tiny (e.g. 8200×16). */
    public static Path realSize(Path dir, int width, int height) {
        Path out = dir.resolve("size-" + width + "x" + height + ".mp4");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "color=size=" + width + "x" + height + ":rate=25", "-t", "0.2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", out.toString());
        return out;
    }

    /**
     * A 64×64 H.264 video whose MP4 header (the sample description) says {@code width}×{@code height}: a few KB that
     * declare a frame of any size, as the 750 KB file declared 16000×16000.
     */
    public static Path declaredSize(Path dir, int width, int height) {
        Path out = dir.resolve("declares-" + width + "x" + height + ".mp4");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x64:rate=25", "-t", "1", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", out.toString());
        try {
            byte[] b = Files.readAllBytes(out);
            int entry = indexOf(b, "avc1".getBytes(), indexOf(b, "stsd".getBytes(), 0)) - 4;
            if (entry < 0) throw new IllegalStateException("no avc1 sample entry in " + out);
            // VisualSampleEntry: size, type, 6 reserved, data reference index, 16 bytes pre-defined, then width, height.
            put16(b, entry + 32, width);
            put16(b, entry + 34, height);
            Files.write(out, b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** {@code seconds} of a 64×64 MPEG-4 video at {@code fps} frames per second (1000 fps for 1 s is 30 KB). */
    public static Path frameRate(Path dir, int fps, double seconds) {
        Path out = dir.resolve("rate-" + fps + ".mp4");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "color=size=64x64:rate=" + fps, "-t", String.valueOf(seconds), "-c:v", "mpeg4", out.toString());
        return out;
    }

    /**
     * A 64×64 MPEG-4 video of {@code thousands} × 1000 frames at 240 fps, within the upload limits however many: one
     * encoded second joined to itself by stream copy (101,000 frames in half a second).
     */
    public static Path manyFrames(Path dir, int thousands) throws IOException {
        Path part = dir.resolve("thousand-frames.mp4");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "color=size=64x64:rate=240", "-frames:v", "1000", "-c:v", "mpeg4", "-g", "1000", part.toString());
        Path list = Files.writeString(dir.resolve("thousands.ffconcat"),
                "ffconcat version 1.0\n" + ("file '" + part.toAbsolutePath() + "'\n").repeat(thousands));
        Path out = dir.resolve(thousands + "000-frames.mp4");
        TestVideos.ffmpeg("-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy", out.toString());
        return out;
    }

    /** A valid 1 s 64×64 MPEG-4 MP4 (index at the end, as cameras write it). */
    public static Path valid(Path dir, String name) {
        Path out = dir.resolve(name);
        TestVideos.ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x64:rate=25", "-t", "1", "-c:v", "mpeg4", out.toString());
        return out;
    }

    /** An FFmpeg concat script naming {@code target} (e.g. a video elsewhere on the server, or /etc/passwd). */
    public static Path concatPlaylist(Path dir, String name, Path target) throws IOException {
        return Files.writeString(dir.resolve(name), "ffconcat version 1.0\nfile '" + target.toAbsolutePath() + "'\n");
    }

    /** An HLS playlist whose one segment is {@code segment} (a file elsewhere, or a URL). */
    public static Path hlsPlaylist(Path dir, String name, String segment) throws IOException {
        return Files.writeString(dir.resolve(name), "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\n" + segment + "\n#EXT-X-ENDLIST\n");
    }

    /** The first {@code length} bytes of {@code whole}. */
    public static Path truncated(Path whole, Path out, long length) throws IOException {
        byte[] b = Files.readAllBytes(whole);
        return Files.write(out, java.util.Arrays.copyOf(b, (int) Math.min(length, b.length)));
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) if (b[i + j] != what[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }
}
