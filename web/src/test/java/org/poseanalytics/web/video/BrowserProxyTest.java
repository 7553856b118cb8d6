package org.poseanalytics.web.video;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoProbe;
import org.poseanalytics.web.TestVideos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only what browsers cannot play is converted, and converted faithfully: VP9 (WebM and MP4), AV1 and 8-bit 4:2:0
 * H.264 play as uploaded; HEVC, MPEG-4 Part 2, H.264 with 4:4:4 or 10 bits and VP9 4:4:4 become H.264 4:2:0 in MP4
 * with the index first, the same length, the same colours (a decoded frame of colour bars, before and after) and the
 * source's colour tags. The widths are not multiples of 16 on purpose: chroma rows then do not line up by chance.
 */
class BrowserProxyTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0} plays as uploaded: {2}")
    @CsvSource(delimiter = '|', value = {
            "vp9.webm         | -c:v libvpx-vp9 -pix_fmt yuv420p -deadline realtime -cpu-used 8                     | true",
            "vp9.mp4          | -c:v libvpx-vp9 -pix_fmt yuv420p -deadline realtime -cpu-used 8                     | true",
            "vp9-10bit.webm   | -c:v libvpx-vp9 -pix_fmt yuv420p10le -deadline realtime -cpu-used 8                 | true",
            "av1.webm         | -c:v libaom-av1 -cpu-used 8 -b:v 200k                                                | true",
            "h264.mp4         | -c:v libx264 -pix_fmt yuv420p -preset ultrafast                                      | true",
            "hevc.mp4         | -c:v libx265 -pix_fmt yuv420p -preset ultrafast -x265-params log-level=error         | false",
            "h264-444.mp4     | -c:v libx264 -pix_fmt yuv444p -preset ultrafast                                      | false",
            "h264-10bit.mp4   | -c:v libx264 -pix_fmt yuv420p10le -preset ultrafast                                  | false",
            "vp9-444.webm     | -c:v libvpx-vp9 -pix_fmt yuv444p -deadline realtime -cpu-used 8                     | false",
            "mpeg4.avi        | -c:v mpeg4                                                                           | false",
    })
    void onlyWhatBrowsersCannotPlayIsConverted(String name, String encoding, boolean plays) throws Exception {
        Path video = TestVideos.colourBars(dir.resolve(name), 162, 120, 0.2, encoding.trim().split(" +"));
        StreamFormat format = StreamFormat.probe(video);
        assertThat(BrowserProxy.playsAsUploaded(format)).as("%s", format).isEqualTo(plays);
        if (!plays) assertThat(BrowserProxy.conversionReason(format).orElseThrow()).as("the reason the page gives").isNotBlank();
    }

    @ParameterizedTest(name = "{0} keeps its colours")
    @CsvSource(delimiter = '|', value = {
            "hevc 10-bit BT.709 | -c:v libx265 -pix_fmt yuv420p10le -preset ultrafast -x265-params log-level=error -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv",
            "h264 4:4:4         | -c:v libx264 -pix_fmt yuv444p -preset ultrafast",
            "vp9 4:4:4 in MP4   | -c:v libvpx-vp9 -pix_fmt yuv444p -deadline realtime -cpu-used 8 -colorspace bt709 -color_primaries bt709 -color_trc bt709",
            "full-range h264    | -c:v libx264 -pix_fmt yuvj420p -preset ultrafast -color_range pc",
    })
    void aConvertedVideoKeepsTheSourcesColours(String name, String encoding) throws Exception {
        Path source = TestVideos.colourBars(dir.resolve(name.replaceAll("\\W+", "-") + ".mp4"), 350, 262, 0.4, encoding.trim().split(" +"));
        StreamFormat in = StreamFormat.probe(source);
        Path proxy = dir.resolve("proxy.mp4");
        BrowserProxy.make(source, 0, 0.4, proxy, p -> {});

        StreamFormat out = StreamFormat.probe(proxy);
        assertThat(out.codec()).isEqualTo("h264");
        assertThat(out.pixelFormat()).isEqualTo("yuv420p");
        assertThat(BrowserProxy.playsAsUploaded(out)).isTrue();
        assertThat(List.of(out.colorSpace(), out.colorPrimaries(), out.colorTransfer()))
                .as("colour tags of the copy").isEqualTo(List.of(in.colorSpace(), in.colorPrimaries(), in.colorTransfer()));
        BufferedImage before = frame(source, 5), after = frame(proxy, 5);
        double[] diff = meanAbsoluteDifference(before, after);
        System.out.printf("[measured] %s → proxy: mean |ΔR|, |ΔG|, |ΔB| = %.2f, %.2f, %.2f of 255%n", name, diff[0], diff[1], diff[2]);
        // Green/magenta smears differ by ~100 levels; encoding losses stay within a few.
        for (double d : diff) assertThat(d).as("mean colour difference per channel (of 255)").isLessThan(4);
    }

    @Test
    void mpeg4PartTwoBecomesFaststartH264() throws Exception {
        Path source = TestVideos.mp4(dir.resolve("old camera.mp4"), 320, 240, 50, 25);
        VideoInfo in = VideoProbe.probe(source);
        assertThat(BrowserProxy.playsAsUploaded(StreamFormat.probe(source))).isFalse();

        List<Double> progress = new ArrayList<>();
        Path proxy = dir.resolve("proxy.mp4");
        BrowserProxy.make(source, 0, in.durationS(), proxy, progress::add);

        VideoInfo out = VideoProbe.probe(proxy);
        assertThat(out.codec()).isEqualTo("h264");
        assertThat(out.width()).isEqualTo(320);
        assertThat(out.height()).isEqualTo(240);
        assertThat(out.durationS()).isCloseTo(in.durationS(), org.assertj.core.data.Offset.offset(0.15));
        assertThat(BrowserProxy.playsAsUploaded(StreamFormat.probe(proxy))).isTrue();
        assertThat(progress).last().isEqualTo(1.0);
        // faststart: the 'moov' box (the index) comes before the media data.
        String head = new String(Files.readAllBytes(proxy), StandardCharsets.ISO_8859_1);
        assertThat(head.indexOf("moov")).isPositive().isLessThan(head.indexOf("mdat"));
        assertThat(dir.resolve("proxy.mp4.part.mp4")).doesNotExist();
        // The moving box keeps its colours too (orange on blue).
        double[] diff = meanAbsoluteDifference(frame(source, 20), frame(proxy, 20));
        for (double d : diff) assertThat(d).as("mean colour difference per channel (of 255)").isLessThan(4);
    }

    @Test
    void aQuarterTurnIsAppliedToThePixels() throws Exception {
        Path source = TestVideos.mp4(dir.resolve("portrait.mp4"), 320, 240, 10, 25);
        Path proxy = dir.resolve("turned.mp4");
        BrowserProxy.make(source, 90, 0.4, proxy, p -> {});
        VideoInfo out = VideoProbe.probe(proxy);
        assertThat(out.width()).isEqualTo(240);
        assertThat(out.height()).isEqualTo(320);
        assertThat(out.rotationDeg()).isZero();
    }

    @Test
    void thePageSaysWhyAVideoIsConverted() {
        StreamFormat hevc = new StreamFormat("mov,mp4,m4a,3gp,3g2,mj2", "hevc", "yuv420p10le", "tv", "bt2020nc", "bt2020", "arib-std-b67");
        assertThat(BrowserProxy.conversionReason(hevc)).contains("HEVC (H.265) video");
        StreamFormat h264in444 = new StreamFormat("mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv444p", "tv", "bt709", "bt709", "bt709");
        assertThat(BrowserProxy.conversionReason(h264in444)).contains("H.264 with full-resolution (4:4:4) colour");
        StreamFormat mkv = new StreamFormat("matroska,webm", "h264", "yuv420p", "tv", "unknown", "unknown", "unknown");
        assertThat(BrowserProxy.conversionReason(mkv)).contains("H.264 in a Matroska (MKV) file");
        StreamFormat vp9 = new StreamFormat("mov,mp4,m4a,3gp,3g2,mj2", "vp9", "yuv420p", "tv", "bt709", "bt709", "bt709");
        assertThat(BrowserProxy.conversionReason(vp9)).isEmpty();
    }

    @Test
    void fullRangeSamplesAreWrittenInTheLimitedRange() {
        assertThat(BrowserProxy.colourTags(new StreamFormat("mp4", "h264", "yuvj420p", "pc", "bt470bg", "unknown", "unknown")))
                .containsEntry("color_range", "tv").containsEntry("colorspace", "bt470bg").doesNotContainKey("color_primaries");
        assertThat(BrowserProxy.colourTags(new StreamFormat("mp4", "hevc", "yuv420p", "pc", "unknown", "unknown", "unknown")))
                .containsEntry("color_range", "pc");
    }

    /** Frame {@code index} as decoded by FFmpeg (both files the same way, so the matrix used cancels out). */
    static BufferedImage frame(Path video, int index) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile()); Java2DFrameConverter c = new Java2DFrameConverter()) {
            g.start();
            for (int i = 0; i < index; i++) g.grabImage();
            BufferedImage img = c.convert(g.grabImage());
            BufferedImage copy = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(img, 0, 0, null);
            return copy;
        }
    }

    /** Mean absolute difference per channel (R, G, B), 0 to 255, over the picture the two share. */
    static double[] meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth()), h = Math.min(a.getHeight(), b.getHeight());
        double[] sum = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int ch = 0; ch < 3; ch++) sum[ch] += Math.abs(((p >> (16 - 8 * ch)) & 0xff) - ((q >> (16 - 8 * ch)) & 0xff));
            }
        }
        for (int ch = 0; ch < 3; ch++) sum[ch] /= (double) w * h;
        return sum;
    }
}
