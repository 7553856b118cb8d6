package org.poseanalytics.pose.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Phone-style and broken videos made from the squat fixture with Debian's ffmpeg CLI, generated once per build
 * into target/test-videos. Tests using them are skipped (with the reason) where the ffmpeg CLI is absent.
 */
public final class TestVideos {
    private static final Path DIR = Path.of("target", "test-videos").toAbsolutePath();

    private TestVideos() {}

    /** Stored landscape, rotation metadata turns it back: displayed exactly like the fixture (an upright phone clip). */
    public static Path portraitWithRotation() {
        return make("portrait-rot.mp4", out -> {
            Path stored = DIR.resolve("stored-landscape.mp4");
            ffmpeg("-i", squat(), "-vf", "transpose=2", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", stored.toString());
            ffmpeg("-i", stored.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=270", out.toString());
        });
    }

    /**
     * The fixture stored upright with metadata telling players to turn it 90° counter-clockwise: displayed
     * landscape, 1280×720, the person lying on their side. A displayed point (x', y') is the fixture's (W − y', x').
     */
    public static Path turnedLandscape() {
        return make("turned-landscape.mp4", out -> {
            Path copy = DIR.resolve("upright-copy.mp4");
            ffmpeg("-i", squat(), "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", copy.toString());
            ffmpeg("-i", copy.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", out.toString());
        });
    }

    public static Path vp9() {
        return make("squat-vp9.webm", out -> ffmpeg("-i", squat(), "-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8", "-b:v", "2M", out.toString()));
    }

    public static Path hevc() {
        return make("squat-hevc.mp4", out -> ffmpeg("-i", squat(), "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=error", "-tag:v", "hvc1", out.toString()));
    }

    /** Every third frame (n mod 3 == 1) dropped, the others keep their original times: 0, 0.4, 0.6, 1.0, ... s. */
    public static Path variableFrameRate() {
        return make("squat-vfr.mp4", out -> ffmpeg("-i", squat(), "-vf", "select='not(eq(mod(n\\,3)\\,1))'",
                "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "veryfast", out.toString()));
    }

    /** The fixture re-encoded with its index up front, then cut to 60% of its bytes (an interrupted upload). */
    public static Path truncated() {
        return make("squat-truncated.mp4", out -> {
            Path whole = DIR.resolve("squat-faststart.mp4");
            ffmpeg("-i", squat(), "-c:v", "libx264", "-preset", "veryfast", "-movflags", "+faststart", whole.toString());
            try {
                byte[] bytes = Files.readAllBytes(whole);
                Files.write(out, java.util.Arrays.copyOf(bytes, (int) (bytes.length * 0.6)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Two people squatting side by side: the fixture on the left and its mirror image on the right, 1440×1280, 65
     * frames at 5 fps. A point (x, y) of the fixture shows at (x, y) for the left person and at (1440 − x, y) for the
     * right one, whose left and right body sides are swapped by the mirror.
     */
    public static Path twoPeopleSideBySide() {
        return make("two-people-mirrored.mp4", out -> ffmpeg("-i", squat(), "-filter_complex",
                "[0:v]split[a][b];[b]hflip[c];[a][c]hstack", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
                "-pix_fmt", "yuv420p", out.toString()));
    }

    /** First and last frame (inclusive) on which the second person of {@link #secondPersonComesAndGoes()} is in view. */
    public static final int SECOND_PERSON_FROM = 23, SECOND_PERSON_TO = 44;

    /**
     * As {@link #twoPeopleSideBySide()}, but the right half is black except on frames {@value #SECOND_PERSON_FROM} to
     * {@value #SECOND_PERSON_TO}: a second person walks into view and leaves again.
     */
    public static Path secondPersonComesAndGoes() {
        return make("second-person-comes-and-goes.mp4", out -> ffmpeg("-i", squat(), "-filter_complex",
                "[0:v]split[a][b];[b]hflip,drawbox=color=black:t=fill:enable='lt(n\\," + SECOND_PERSON_FROM
                        + ")+gt(n\\," + SECOND_PERSON_TO + ")'[c];[a][c]hstack",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p", out.toString()));
    }

    /** The width of one person's half of {@link #twoPeopleSideBySide()}, i.e. the fixture's width. */
    public static final int SIDE_BY_SIDE_HALF_WIDTH = 720;

    /**
     * The squat fixture scaled to {@code width}×{@code height} and placed with its top-left corner at ({@code left},
     * {@code top}) in a grey {@code frameWidth}×{@code frameHeight} frame, optionally darkened (ffmpeg's
     * {@code eq=brightness=-0.25:contrast=0.6}): a person far from the camera, 65 frames at 5 fps.
     * {@link SmallPerson#toFrame} maps a fixture point to where it shows.
     */
    public static Path smallPerson(SmallPerson p) {
        String name = "small-%dx%d-at-%d-%d-in-%dx%d%s.mp4".formatted(p.width(), p.height(), p.left(), p.top(),
                p.frameWidth(), p.frameHeight(), p.dark() ? "-dark" : "");
        String filter = "scale=%d:%d,pad=%d:%d:%d:%d:color=gray".formatted(p.width(), p.height(), p.frameWidth(),
                p.frameHeight(), p.left(), p.top()) + (p.dark() ? ",eq=brightness=-0.25:contrast=0.6" : "");
        return make(name, out -> ffmpeg("-i", squat(), "-vf", filter, "-c:v", "libx264", "-preset", "veryfast",
                "-crf", "18", "-pix_fmt", "yuv420p", out.toString()));
    }

    /** Where and how large the fixture is placed by {@link #smallPerson}. */
    public record SmallPerson(int width, int height, int left, int top, int frameWidth, int frameHeight, boolean dark) {
        /** The fixture, {@code height} px tall, in a 1920×1080 frame, keeping its aspect ratio (width rounded to even). */
        public static SmallPerson inFullHd(int height, int left, int top) {
            int width = 2 * (int) Math.round(height * 720.0 / 1280 / 2);
            return new SmallPerson(width, height, left, top, 1920, 1080, false);
        }

        public SmallPerson darkened() { return new SmallPerson(width, height, left, top, frameWidth, frameHeight, true); }

        /** The shown point of fixture pixel (x, y): scaling maps pixel centres onto pixel centres. */
        public double[] toFrame(double x, double y) {
            return new double[]{(x + 0.5) * width / 720.0 - 0.5 + left, (y + 0.5) * height / 1280.0 - 0.5 + top};
        }

        /** Shown pixels per fixture pixel (vertically). */
        public double scale() { return height / 1280.0; }
    }

    /** Two seconds of an empty grey room. */
    public static Path noPerson() {
        return make("no-person.mp4", out -> ffmpeg("-f", "lavfi", "-i", "color=c=0x808080:s=640x360:r=15:d=2",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out.toString()));
    }

    /** Half a second of an empty grey frame at 300 frames per second, as a high-speed camera records. */
    public static Path highSpeedNoPerson() {
        return make("high-speed-no-person.mp4", out -> ffmpeg("-f", "lavfi", "-i", "color=c=0x808080:s=320x240:r=300:d=0.5",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out.toString()));
    }

    /**
     * A random black-and-white test pattern ({@code size}×{@code size} px, blocks of 2 px, the same in every frame) moved
     * over a plain grey {@code width}×{@code height} frame with its top-left corner at known FFmpeg expressions of the
     * time {@code t}, H.264 at {@code fps}, {@code durationS} long: truth for point tracking and velocities. It is drawn
     * at twice the size and shrunk, so it lands on half pixels (FFmpeg's overlay places on whole, in YUV 4:2:0 even,
     * pixels).
     */
    public static Path movingPattern(String name, int width, int height, int fps, int size, String xExpr, String yExpr, double durationS) {
        return make(name, out -> ffmpeg("-f", "lavfi", "-i", "color=c=0x707070:s=" + 2 * width + "x" + 2 * height + ":r=" + fps,
                "-f", "lavfi", "-i", "life=s=" + size / 2 + "x" + size / 2 + ":ratio=0.5:seed=7:mold=0:r=" + fps,
                "-filter_complex", "[1:v]loop=loop=-1:size=1:start=0,scale=" + 2 * size + ":" + 2 * size + ":flags=neighbor,format=rgb24[p];"
                        + "[0:v]format=rgb24[bg];[bg][p]overlay=x='2*(" + xExpr + ")':y='2*(" + yExpr + ")':eval=frame:format=rgb,"
                        + "scale=" + width + ":" + height + ":flags=area",
                "-t", String.valueOf(durationS), "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p", out.toString()));
    }

    /**
     * {@link #movingPattern} with a person in view: the squat fixture's first frame (the subject standing still) fills
     * the left of the grey frame at the frame's height, and the pattern moves on the right, clear of the person. The
     * person neither moves nor squats, so the pose finds a subject and no repetitions of its own.
     */
    public static Path movingPatternBesidePerson(String name, int width, int height, int fps, int size, String xExpr, String yExpr,
                                                 double durationS) {
        return make(name, out -> ffmpeg("-f", "lavfi", "-i", "color=c=0x707070:s=" + 2 * width + "x" + 2 * height + ":r=" + fps,
                "-f", "lavfi", "-i", "life=s=" + size / 2 + "x" + size / 2 + ":ratio=0.5:seed=7:mold=0:r=" + fps,
                "-i", squat(),
                "-filter_complex", "[2:v]trim=end_frame=1,loop=loop=-1:size=1:start=0,setpts=N/" + fps + "/TB,scale=-2:" + 2 * height
                        + ",format=rgb24[person];"
                        + "[1:v]loop=loop=-1:size=1:start=0,scale=" + 2 * size + ":" + 2 * size + ":flags=neighbor,format=rgb24[p];"
                        + "[0:v]format=rgb24[bg];[bg][person]overlay=x=0:y=0:format=rgb[withPerson];"
                        + "[withPerson][p]overlay=x='2*(" + xExpr + ")':y='2*(" + yExpr + ")':eval=frame:format=rgb,"
                        + "scale=" + width + ":" + height + ":flags=area",
                "-t", String.valueOf(durationS), "-r", String.valueOf(fps), "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
                "-pix_fmt", "yuv420p", out.toString()));
    }

    /**
     * FFmpeg's colourful {@code testsrc2} pattern (saturated colour bars, gradients, sharp edges; 10 frames of
     * 320×240 at 10 fps) as H.264 4:2:0, stored with metadata telling players to turn it {@code rotationDeg}
     * (ffmpeg's {@code rotate} tag): what a phone's portrait clip looks like to a decoder.
     */
    public static Path colourPattern(int rotationDeg) {
        return make("colour-pattern-rot" + rotationDeg + ".mp4", out -> {
            Path stored = DIR.resolve("colour-pattern-stored.mp4");
            if (!Files.exists(stored)) {
                ffmpeg("-f", "lavfi", "-i", "testsrc2=s=320x240:r=10:d=1", "-c:v", "libx264", "-preset", "veryfast",
                        "-crf", "12", "-pix_fmt", "yuv420p", stored.toString());
            }
            ffmpeg("-i", stored.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=" + rotationDeg, out.toString());
        });
    }

    /** Thirteen seconds (65 frames at 5 fps, as the fixture) of an empty grey Full HD room. */
    public static Path emptyFullHd() {
        return make("empty-1920x1080.mp4", out -> ffmpeg("-f", "lavfi", "-i", "color=c=0x808080:s=1920x1080:r=5:d=13",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out.toString()));
    }

    /**
     * A lossless video (PNG frames in QuickTime) of {@code rgbFrames} ({@code width}×{@code height}, 8-bit RGB, no
     * padding) at {@code fps}, stored turned the other way with metadata telling players to turn it
     * {@code displayRotationDeg} clockwise: displayed, pixel for pixel, as given.
     */
    public static Path losslessTurned(String name, int width, int height, int fps, List<byte[]> rgbFrames, int displayRotationDeg) {
        return make(name, out -> {
            Path raw = DIR.resolve(name + ".rgb");
            Path stored = DIR.resolve("stored-" + name);
            try (var o = Files.newOutputStream(raw)) {
                for (byte[] f : rgbFrames) o.write(f);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            // The stored turn undoes the display turn; ffmpeg's rotate tag counts the other way round to ours.
            String undo = switch (displayRotationDeg) {
                case 0 -> "null";
                case 90 -> "transpose=cclock";
                case 180 -> "hflip,vflip";
                case 270 -> "transpose=clock";
                default -> throw new IllegalArgumentException("rotation " + displayRotationDeg);
            };
            ffmpeg("-f", "rawvideo", "-pix_fmt", "rgb24", "-s", width + "x" + height, "-r", String.valueOf(fps),
                    "-i", raw.toString(), "-vf", undo, "-c:v", "png", stored.toString());
            ffmpeg("-i", stored.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=" + (360 - displayRotationDeg) % 360,
                    out.toString());
            deleteQuietly(raw, stored);
        });
    }

    /**
     * {@code rgbFrames} as H.264 (4:2:0, a keyframe every {@code keyframeEvery} frames) whose stream starts at
     * {@code startS} on the container's clock, as cut phone clips and camera files do.
     */
    public static Path h264StartingAt(String name, int width, int height, int fps, List<byte[]> rgbFrames, int keyframeEvery,
                                      double startS) {
        return make(name, out -> {
            Path raw = DIR.resolve(name + ".rgb");
            try (var o = Files.newOutputStream(raw)) {
                for (byte[] f : rgbFrames) o.write(f);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ffmpeg("-f", "rawvideo", "-pix_fmt", "rgb24", "-s", width + "x" + height, "-r", String.valueOf(fps),
                    "-i", raw.toString(), "-c:v", "libx264", "-preset", "veryfast", "-g", String.valueOf(keyframeEvery),
                    "-bf", "2", "-pix_fmt", "yuv420p", "-output_ts_offset", String.valueOf(startS), "-f", "mp4", out.toString());
            deleteQuietly(raw);
        });
    }

    public static Path audioOnly() {
        return make("audio-only.m4a", out -> ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", out.toString()));
    }

    /** The fixture's first frame as a PNG, named like a video. */
    public static Path stillImage() {
        return make("still-image.mp4", out -> ffmpeg("-i", squat(), "-frames:v", "1", "-f", "image2", "-c:v", "png", out.toString()));
    }

    public static boolean ffmpegAvailable() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String squat() { return Fixtures.squatVideo().toString(); }

    private interface Maker { void make(Path out); }

    private static synchronized Path make(String name, Maker maker) {
        assumeTrue(ffmpegAvailable(), "the ffmpeg CLI is not installed; skipping tests on generated videos");
        Path out = DIR.resolve(name);
        if (Files.exists(out)) return out;
        try {
            Files.createDirectories(DIR);
            Path partial = DIR.resolve("partial-" + name);
            Files.deleteIfExists(partial);
            maker.make(partial);
            Files.move(partial, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void deleteQuietly(Path... files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // Only a leftover intermediate under target/.
            }
        }
    }

    /** Runs ffmpeg quietly; fails the test with its output when it fails (also used by {@link HostileVideos}). */
    static void ffmpeg(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The reference landmarks of the squat fixture: [frame][landmark][x, y, z] in the fixture's pixels. */
    public static double[][][] squatReference() {
        try {
            String json = Files.readString(Fixtures.squatReference2d());
            tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
            return mapper.readValue(json, double[][][].class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
