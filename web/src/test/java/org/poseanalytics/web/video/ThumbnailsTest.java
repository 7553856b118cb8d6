package org.poseanalytics.web.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.testing.TestVideos;

/** A thumbnail shows the picture the way a player does, whichever way the phone stored it. */
class ThumbnailsTest {
    static final int W = 120, H = 200;

    /** Portrait: red above, blue below, a green strip down the left side. */
    static byte[] picture() {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0, i = 0; y < H; y++) {
            for (int x = 0; x < W; x++, i += 3) {
                int[] c = x < 20 ? new int[]{30, 200, 30} : y < H / 2 ? new int[]{200, 30, 30} : new int[]{30, 30, 200};
                rgb[i] = (byte) c[0];
                rgb[i + 1] = (byte) c[1];
                rgb[i + 2] = (byte) c[2];
            }
        }
        return rgb;
    }

    @ParameterizedTest(name = "stored for a {0}° turn")
    @ValueSource(ints = {0, 90, 180, 270})
    void isSmallAndTurnedAsDisplayed(int rotationDeg, @TempDir Path dir) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int k = 0; k < 20; k++) frames.add(picture());
        Path video = TestVideos.losslessTurned("thumbnail-portrait-rot" + rotationDeg + ".mov", W, H, 10, frames, rotationDeg);
        Path jpeg = dir.resolve("t.jpg");
        Thumbnails.write(video, jpeg, VideoLimits.DEFAULTS);
        BufferedImage t = ImageIO.read(jpeg.toFile());
        assertThat(t.getWidth()).isEqualTo(Thumbnails.WIDTH);
        assertThat(t.getHeight()).isEqualTo(Math.round(H * (Thumbnails.WIDTH / (float) W)));
        assertThat(dominant(t.getRGB(t.getWidth() / 2, t.getHeight() / 4))).as("top").isEqualTo("red");
        assertThat(dominant(t.getRGB(t.getWidth() / 2, t.getHeight() * 3 / 4))).as("bottom").isEqualTo("blue");
        assertThat(dominant(t.getRGB(10, t.getHeight() / 2))).as("left edge").isEqualTo("green");
        assertThat(dominant(t.getRGB(t.getWidth() - 10, t.getHeight() / 4))).as("right edge, top").isEqualTo("red");
    }

    private static String dominant(int argb) {
        int r = argb >> 16 & 0xff, g = argb >> 8 & 0xff, b = argb & 0xff;
        return r > g + 80 && r > b + 80 ? "red" : g > r + 80 && g > b + 80 ? "green" : b > r + 80 && b > g + 80 ? "blue" : "mixed";
    }
}
