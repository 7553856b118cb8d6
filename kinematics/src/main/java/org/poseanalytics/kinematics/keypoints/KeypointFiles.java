package org.poseanalytics.kinematics.keypoints;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keypoint files that came from someone else's computer (an upload), told apart by their content, never by their name:
 * a ZIP archive of OpenPose's per-frame JSON files (OpenPose writes a folder; a browser uploads one file), one JSON file
 * (OpenPose's layout when it has a {@code "people"} list or says {@code "openpose"}, else MediaPipe/BlazePose), or a .trc
 * (it starts with {@code PathFileType}). Anything else is refused with one line saying what is accepted.
 *
 * <p>An archive is read as a stream, counting what it really holds rather than what its headers declare, and is refused
 * past {@link Limits} (entries, bytes once inflated, bytes of one entry) before it can fill a disk or memory: a zip bomb
 * stops at the limit. Entry names must stay inside the archive (no absolute paths, no {@code ..}, no drive letters); the
 * files are unpacked flat, under their own last name component, into a folder the caller made.
 */
public final class KeypointFiles {
    /** How an upload came: an archive of OpenPose frames, one JSON file, a .trc. */
    public enum Packaging {
        ZIP, JSON, TRC;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        public static Packaging parse(String id) { return valueOf(id.toUpperCase(Locale.ROOT)); }
    }

    /** What an archive may hold: its entries (OpenPose's frames), their bytes once inflated, and one entry's bytes. */
    public record Limits(int maxEntries, long maxUncompressedBytes, long maxEntryBytes) {
        public static final Limits DEFAULTS = new Limits(100_000, 256L << 20, 4L << 20);

        public Limits {
            if (maxEntries <= 0 || maxUncompressedBytes <= 0 || maxEntryBytes <= 0) throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    /** The format and packaging found, and for an archive its number of frame files. */
    public record Detected(KeypointFormat format, Packaging packaging, int files) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCEPTED = "upload an OpenPose JSON folder as a .zip of its *_keypoints.json files, one MediaPipe/BlazePose"
            + " .json file, or a Sports2D/Pose2Sim .trc file";

    private KeypointFiles() {}

    /** The format of {@code file} by its content; {@code name} is the user's name for it, only for messages. */
    public static Detected detect(Path file, String name, Limits limits) throws KeypointFileException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            throw KeypointFileException.unreadable(name + ": cannot read it (" + e.getMessage() + ")");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new Detected(KeypointFormat.OPENPOSE, Packaging.ZIP, unpack(file, null, name, limits));
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("PathFileType")) return new Detected(KeypointFormat.TRC, Packaging.TRC, 1);
        if (text.startsWith("{") || text.startsWith("[")) {
            wellFormed(file, name);
            boolean openPose = text.contains("\"people\"") || text.contains("\"openpose\"");
            return new Detected(openPose ? KeypointFormat.OPENPOSE : KeypointFormat.MEDIAPIPE, Packaging.JSON, 1);
        }
        if (head.length == 0) throw KeypointFileException.unreadable(name + " is empty; " + ACCEPTED);
        throw KeypointFileException.unreadable(name + " is not a keypoint file we can read; " + ACCEPTED);
    }

    /**
     * Unpacks an archive of OpenPose frames into {@code folder} (which must exist and be empty), within the limits, and
     * returns the number of frame files. With a null folder the archive is only checked (read to its end, nothing written).
     */
    public static int unpack(Path zip, Path folder, String name, Limits limits) throws KeypointFileException {
        int entries = 0, frames = 0;
        long total = 0;
        Set<String> seen = new HashSet<>();
        byte[] buffer = new byte[1 << 16];
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries())
                    throw KeypointFileException.unreadable(String.format(Locale.ROOT, "%s holds more than %d files; an OpenPose folder has one file per frame, "
                            + "so split the recording or ask your administrator to raise the limit", name, limits.maxEntries()));
                String path = entry.getName();
                if (!safe(path))
                    throw KeypointFileException.unreadable(name + " holds a file named “" + printable(path) + "” that points outside the archive; "
                            + "zip the OpenPose output folder itself");
                String base = path.substring(path.lastIndexOf('/') + 1);
                boolean ignored = entry.isDirectory() || path.startsWith("__MACOSX/") || base.startsWith(".") || base.isEmpty();
                boolean json = base.toLowerCase(Locale.ROOT).endsWith(".json");
                if (!ignored && !json)
                    throw KeypointFileException.unreadable(name + " holds “" + printable(path) + "”, which is not an OpenPose .json frame; "
                            + "the archive must hold only OpenPose's *_keypoints.json files");
                if (!ignored && !seen.add(base))
                    throw KeypointFileException.unreadable(name + " holds two files named “" + printable(base) + "”; zip one OpenPose output folder");
                OutputStream out = ignored || folder == null ? OutputStream.nullOutputStream() : Files.newOutputStream(folder.resolve(base));
                long size = 0;
                StringBuilder head = new StringBuilder();
                try (out) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                        total += n;
                        if (size > limits.maxEntryBytes())
                            throw KeypointFileException.unreadable(String.format(Locale.ROOT, "%s: “%s” is larger than %s once unpacked; one OpenPose frame is a few kilobytes",
                                    name, printable(base), bytes(limits.maxEntryBytes())));
                        if (total > limits.maxUncompressedBytes())
                            throw KeypointFileException.unreadable(String.format(Locale.ROOT, "%s holds more than %s once unpacked; split the recording or ask your "
                                    + "administrator to raise the limit", name, bytes(limits.maxUncompressedBytes())));
                        if (!ignored && head.length() < 4096) head.append(new String(buffer, 0, Math.min(n, 4096), StandardCharsets.UTF_8));
                        out.write(buffer, 0, n);
                    }
                }
                if (ignored) continue;
                if (!head.toString().contains("\"people\""))
                    throw KeypointFileException.unreadable(name + ": “" + printable(base) + "” has no \"people\" list; the archive must hold OpenPose's "
                            + "--write_json output (one *_keypoints.json per frame)");
                frames++;
            }
        } catch (ZipException e) {
            throw KeypointFileException.unreadable(name + " is not a readable ZIP archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw KeypointFileException.unreadable(name + ": cannot read the archive (" + e.getMessage() + ")");
        }
        if (frames == 0) throw KeypointFileException.unreadable(name + " holds no OpenPose .json frames; " + ACCEPTED);
        return frames;
    }

    /** A relative name that stays inside the archive: no absolute path, drive letter, backslash, NUL or ".." part. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.matches("^[A-Za-z]:.*")) return false;
        for (String part : path.split("/")) if (part.equals("..")) return false;
        return true;
    }

    private static void wellFormed(Path file, String name) throws KeypointFileException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            JsonToken token;
            do token = parser.nextToken(); while (token != null);
        } catch (JacksonException e) {
            // Jackson's message ends in where it was reading (a source it redacts, a byte offset): of no use to the user.
            String why = e.getOriginalMessage().replaceAll("(?s)\\s*\\(start marker at.*|\\s*at \\[Source.*", "");
            throw KeypointFileException.unreadable(name + " is not valid JSON (" + why + ")");
        }
    }

    private static String printable(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private static String bytes(long n) {
        return n >= 1 << 20 ? (n >> 20) + " MB" : n >= 1 << 10 ? (n >> 10) + " KB" : n + " bytes";
    }
}
