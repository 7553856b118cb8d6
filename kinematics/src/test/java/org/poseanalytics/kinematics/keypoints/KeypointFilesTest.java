package org.poseanalytics.kinematics.keypoints;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploaded keypoint files told apart by content, and OpenPose archives unpacked only within their limits and names. */
class KeypointFilesTest {
    static final byte[] FRAME = "{\"version\":1.3,\"people\":[]}".getBytes(StandardCharsets.UTF_8);
    static final KeypointFiles.Limits SMALL = new KeypointFiles.Limits(10, 64 << 10, 16 << 10);

    @TempDir Path tmp;

    @Test
    void theFormatComesFromTheContentNotTheName() throws Exception {
        Path trc = Files.writeString(tmp.resolve("a.json"), "\uFEFFPathFileType\t4\t(X/Y/Z)\ta.trc\n");
        assertThat(KeypointFiles.detect(trc, "a", SMALL)).isEqualTo(new KeypointFiles.Detected(KeypointFormat.TRC, KeypointFiles.Packaging.TRC, 1));
        Path openPose = Files.write(tmp.resolve("b.trc"), FRAME);
        assertThat(KeypointFiles.detect(openPose, "b", SMALL).format()).isEqualTo(KeypointFormat.OPENPOSE);
        Path mediaPipe = Files.writeString(tmp.resolve("c.zip"), " [[[1, 2, 0]]]");
        assertThat(KeypointFiles.detect(mediaPipe, "c", SMALL).format()).isEqualTo(KeypointFormat.MEDIAPIPE);
        Path zip = Files.write(tmp.resolve("d.txt"), zip(Map.of("out/x_000000000000_keypoints.json", FRAME, "out/x_000000000001_keypoints.json", FRAME,
                "__MACOSX/out/._x_000000000000_keypoints.json", new byte[] {0, 1})));
        assertThat(KeypointFiles.detect(zip, "d", SMALL)).isEqualTo(new KeypointFiles.Detected(KeypointFormat.OPENPOSE, KeypointFiles.Packaging.ZIP, 2));
        Path text = Files.writeString(tmp.resolve("e.json"), "name,knee\n");
        assertThatThrownBy(() -> KeypointFiles.detect(text, "e", SMALL)).hasMessageContaining("is not a keypoint file");
        Path broken = Files.writeString(tmp.resolve("f.json"), "{\"people\": [1,");
        assertThatThrownBy(() -> KeypointFiles.detect(broken, "f", SMALL)).hasMessageContaining("is not valid JSON").hasMessageNotContaining("Source");
    }

    @Test
    void namesOutsideTheArchiveAreRefused() {
        for (String bad : new String[] {"../x.json", "a/../../x.json", "/etc/x.json", "C:/x.json", "a\\..\\x.json", "..", "a/\0.json"})
            assertThat(KeypointFiles.safe(bad)).as(bad).isFalse();
        for (String good : new String[] {"x.json", "out/x.json", "a..b.json", "out/.hidden"})
            assertThat(KeypointFiles.safe(good)).as(good).isTrue();
    }

    @Test
    void unpacksFlatWithinTheLimits_andStopsABombAtTheLimit() throws Exception {
        Path zip = Files.write(tmp.resolve("ok.zip"), zip(Map.of("out/x_000000000000_keypoints.json", FRAME, "out/x_000000000001_keypoints.json", FRAME)));
        Path folder = Files.createDirectory(tmp.resolve("unpacked"));
        assertThat(KeypointFiles.unpack(zip, folder, "ok.zip", SMALL)).isEqualTo(2);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("x_000000000000_keypoints.json", "x_000000000001_keypoints.json");
        }

        byte[] big = new byte[50 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        System.arraycopy(FRAME, 0, big, 0, FRAME.length - 1);
        Path bomb = Files.write(tmp.resolve("bomb.zip"), zip(Map.of("x_000000000000_keypoints.json", big)));
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        Path out = Files.createDirectory(tmp.resolve("bomb"));
        assertThatThrownBy(() -> KeypointFiles.unpack(bomb, out, "bomb.zip", SMALL)).hasMessageContaining("larger than 16 KB once unpacked");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.mapToLong(p -> p.toFile().length()).sum()).as("written before it stopped").isLessThanOrEqualTo((16 << 10) + (1 << 16));
        }

        Map<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < 11; i++) many.put("x_%012d_keypoints.json".formatted(i), FRAME);
        Path tooMany = Files.write(tmp.resolve("many.zip"), zip(many));
        assertThatThrownBy(() -> KeypointFiles.unpack(tooMany, null, "many.zip", SMALL)).hasMessageContaining("more than 10 files");

        Path other = Files.write(tmp.resolve("other.zip"), zip(Map.of("x_000000000000_keypoints.json", FRAME, "run.sh", "echo".getBytes(StandardCharsets.UTF_8))));
        assertThatThrownBy(() -> KeypointFiles.unpack(other, null, "other.zip", SMALL)).hasMessageContaining("not an OpenPose .json frame");
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : new TreeMap<>(files).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
