package org.poseanalytics.multiview.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.multiview.testing.Rigs;

class CalibrationFilesTest {
    @TempDir Path dir;

    private final Calibration truth = Rigs.ring(3, Rigs.PHONE_DISTORTION);
    private static final double[][] POINTS = {{0, 0, 1}, {0.4, -0.3, 0.2}, {-0.2, 0.5, 1.7}};

    @Test
    void readsPose2SimToml() throws IOException {
        Path f = write("Calib_scene.toml", toml(truth, 1, false) + "[metadata]\nadjusted = false\nerror = 0.0\n");
        Calibration c = CalibrationFiles.read(f);
        assertSameCameras(c);
        assertThat(c.up()).containsExactly(0, 0, 1);
        assertThat(c.source()).isEqualTo("pose2sim-toml");
    }

    @Test
    void readsAniposeTomlInMillimetres() throws IOException {
        Calibration c = CalibrationFiles.read(write("calibration.toml", toml(truth, 1000, true)));
        assertSameCameras(c);
        assertThat(c.source()).contains("millimetres");
    }

    @Test
    void readsOurOwnJsonBack() {
        Calibration withErrors = new Calibration(truth.cameras(), truth.up(), new double[]{0.21, 0.34, Double.NaN}, "checkerboard 9x6 0.03 m");
        Path f = dir.resolve("calib.json");
        CalibrationFiles.writeProject(withErrors, f);
        Calibration c = CalibrationFiles.read(f);
        assertSameCameras(c);
        assertThat(c.reprojectionErrorPx()[0]).isEqualTo(0.21);
        assertThat(c.reprojectionErrorPx()[2]).isNaN();
        assertThat(c.source()).isEqualTo("checkerboard 9x6 0.03 m");
    }

    @Test
    void keepsOurJsonAsTextAndReadsItBack() {
        Calibration withErrors = new Calibration(truth.cameras(), truth.up(), new double[]{0.5, 0.25, 0.125}, "checkerboard 7x5 0.04 m");
        Calibration c = CalibrationFiles.readProjectJson(CalibrationFiles.projectJson(withErrors), "stored");
        assertSameCameras(c);
        assertThat(c.reprojectionErrorPx()).containsExactly(0.5, 0.25, 0.125);
        assertThatThrownBy(() -> CalibrationFiles.readProjectJson("{", "stored")).isInstanceOf(CalibrationFormatException.class)
                .hasMessageContaining("stored");
    }

    @Test
    void readsOpenCvYamlWithNamesInOneFileAndSplitIntriExtri() throws IOException {
        StringBuilder one = new StringBuilder("%YAML:1.0\n---\nnames:\n");
        StringBuilder intri = new StringBuilder("%YAML:1.0\n---\nnames:\n");
        StringBuilder extri = new StringBuilder("%YAML:1.0\n---\nnames:\n");
        for (Camera cam : truth.cameras()) for (StringBuilder b : new StringBuilder[]{one, intri, extri}) b.append("   - \"").append(cam.name()).append("\"\n");
        for (Camera cam : truth.cameras()) {
            String k = mat("K_" + cam.name(), 3, 3, cam.k()) + mat("dist_" + cam.name(), 1, 5, cam.distortion())
                    + "W_" + cam.name() + ": " + cam.width() + "\nH_" + cam.name() + ": " + cam.height() + "\n";
            String e = mat("R_" + cam.name(), 3, 1, cam.rodrigues()) + mat("Rot_" + cam.name(), 3, 3, cam.r()) + mat("T_" + cam.name(), 3, 1, cam.t());
            one.append(k).append(e);
            intri.append(k);
            extri.append(e);
        }
        assertSameCameras(CalibrationFiles.read(write("cameras.yml", one.toString())));
        write("extri.yml", extri.toString());
        Calibration split = CalibrationFiles.read(write("intri.yml", intri.toString()));
        assertSameCameras(split);
        // No up in the file: the first camera's up, which for these cameras (level, pitched 5° down) is within 5° of +Z.
        assertThat(Math.toDegrees(Math.acos(split.up()[2]))).isLessThan(5);
    }

    @Test
    void readsOpenCvJsonOfOneCamera() throws IOException {
        Camera cam = truth.camera(0);
        String json = "{\n\"image_width\": 1920,\n\"image_height\": 1080,\n\"camera_matrix\": {\"type_id\": \"opencv-matrix\", \"rows\": 3, \"cols\": 3, \"dt\": \"d\", \"data\": "
                + arr(cam.k()) + "},\n\"distortion_coefficients\": {\"type_id\": \"opencv-matrix\", \"rows\": 1, \"cols\": 5, \"dt\": \"d\", \"data\": "
                + arr(cam.distortion()) + "}\n}\n";
        Calibration c = CalibrationFiles.read(write("phone.json", json));
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.camera(0).k()).containsExactly(cam.k(), within(1e-12));
        assertThat(c.camera(0).distortion()).containsExactly(cam.distortion(), within(1e-12));
    }

    @Test
    void readsQualisysAsPose2SimDoes() throws IOException {
        // A camera at (2, -3, 1.5) m whose Qualisys axes are: x = world +X, y = world +Z (up), z = world −Y (backwards),
        // so it looks along world +Y. Qualisys stores the orientation column by column.
        double[][] q = {{1, 0, 0}, {0, 0, -1}, {0, 1, 0}}; // columns: camera x, y, z in world
        StringBuilder rot = new StringBuilder();
        for (int i = 1; i <= 3; i++) for (int j = 1; j <= 3; j++) rot.append(String.format(Locale.ROOT, " r%d%d=\"%s\"", i, j, q[j - 1][i - 1]));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <calibration source="x" type="regular">
                  <cameras>
                    <camera active="1" avg-residual="0.4" serial="12345" model="Miqus Video" viewrotation="0">
                      <fov_video left="0" top="0" right="1919" bottom="1087"/>
                      <transform x="2000" y="-3000" z="1500" %s/>
                      <intrinsic focalLengthU="%s" focalLengthV="%s" centerPointU="%s" centerPointV="%s" radialDistortion1="0" radialDistortion2="0" radialDistortion3="0" tangentalDistortion1="0" tangentalDistortion2="0" skew="0"/>
                    </camera>
                    <camera active="1" avg-residual="0.4" serial="99" model="Miqus M3"/>
                  </cameras>
                </calibration>
                """.formatted(rot, 1400 * 64, 1400 * 64, 960 * 64, 544 * 64);
        Calibration c = CalibrationFiles.read(write("scene.qca.txt", xml));
        assertThat(c.size()).isEqualTo(1);
        Camera cam = c.camera(0);
        assertThat(cam.name()).isEqualTo("12345");
        assertThat(cam.width()).isEqualTo(1920);
        assertThat(cam.height()).isEqualTo(1088);
        assertThat(cam.centre()).containsExactly(new double[]{2, -3, 1.5}, within(1e-9));
        assertThat(cam.project(new double[]{2, 1, 1.5})).containsExactly(new double[]{960, 544}, within(1e-9));
        // a point above the optical axis appears above the image centre (smaller y): the camera is upright
        assertThat(cam.project(new double[]{2, 1, 2.0})[1]).isLessThan(544);
        // a point to the world's +X appears to the right
        assertThat(cam.project(new double[]{2.5, 1, 1.5})[0]).isGreaterThan(960);
    }

    @Test
    void malformedFilesSayWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> CalibrationFiles.read(write("a.toml", "[cam_1]\nname = \"a\"\nsize = [1920, 1080]\n")))
                .isInstanceOf(CalibrationFormatException.class).hasMessageContaining("a.toml [cam_1]").hasMessageContaining("missing 'matrix'");
        assertThatThrownBy(() -> CalibrationFiles.read(write("b.toml", "[cam_1\nname = ")))
                .isInstanceOf(CalibrationFormatException.class).hasMessageContaining("not a readable TOML");
        assertThatThrownBy(() -> CalibrationFiles.read(write("c.toml", toml(truth, 1, false).replace("matrix = [", "matrix = [ 0.0, "))))
                .hasMessageContaining("must hold 9 numbers");
        assertThatThrownBy(() -> CalibrationFiles.read(write("d.yml", "%YAML:1.0\n---\nfoo: 1\n")))
                .hasMessageContaining("neither a 'names' list");
        assertThatThrownBy(() -> CalibrationFiles.read(write("e.qca.txt", "<calibration><cameras>")))
                .hasMessageContaining("not a readable Qualisys");
        assertThatThrownBy(() -> CalibrationFiles.read(write("f.txt", "hello"))).hasMessageContaining("unknown calibration format");
        assertThatThrownBy(() -> CalibrationFiles.read(dir.resolve("missing.toml"))).hasMessageContaining("no such calibration file");
        assertThatThrownBy(() -> CalibrationFiles.read(write("g.json", "{\"format\": \"pose-analytics-calibration\", \"cameras\": [{\"name\": \"a\", \"width\": 10}]}")))
                .hasMessageContaining("needs width, height, matrix, rotation and translation_m");
    }

    private void assertSameCameras(Calibration c) {
        assertThat(c.size()).isEqualTo(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            Camera a = truth.camera(i), b = c.camera(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.width()).isEqualTo(a.width());
            for (double[] p : POINTS) assertThat(b.project(p)).containsExactly(a.project(p), within(1e-6));
        }
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static String toml(Calibration c, double unit, boolean aniposeNames) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            Camera cam = c.camera(i);
            double[] t = Arrays.stream(cam.t()).map(v -> v * unit).toArray();
            b.append('[').append(aniposeNames ? "cam_" + i : cam.name()).append("]\n")
                    .append("name = \"").append(cam.name()).append("\"\n")
                    .append("size = [ ").append(cam.width()).append(".0, ").append(cam.height()).append(".0,]\n")
                    .append("matrix = [ ").append(arr(Arrays.copyOfRange(cam.k(), 0, 3))).append(", ").append(arr(Arrays.copyOfRange(cam.k(), 3, 6)))
                    .append(", ").append(arr(Arrays.copyOfRange(cam.k(), 6, 9))).append(",]\n")
                    .append("distortions = ").append(arr(cam.distortion())).append("\n")
                    .append("rotation = ").append(arr(cam.rodrigues())).append("\n")
                    .append("translation = ").append(arr(t)).append("\n")
                    .append("fisheye = false\n\n");
        }
        return b.toString();
    }

    private static String arr(double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.17g", x)).collect(Collectors.joining(", ", "[ ", "]"));
    }

    private static String mat(String key, int rows, int cols, double[] v) {
        return key + ": !!opencv-matrix\n   rows: " + rows + "\n   cols: " + cols + "\n   dt: d\n   data: " + arr(v) + "\n";
    }
}
