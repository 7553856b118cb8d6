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

    /** Two seconds of an empty grey room. */
    public static Path noPerson() {
        return make("no-person.mp4", out -> ffmpeg("-f", "lavfi", "-i", "color=c=0x808080:s=640x360:r=15:d=2",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out.toString()));
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

    private static void ffmpeg(String... args) {
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
