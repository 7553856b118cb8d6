package org.poseanalytics.pose.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared fixtures (../shared/fixtures beside the checkout, or -Dfixtures.dir / FIXTURES_DIR). On a
 * user's clone without them the tests that need them are skipped with the reason; under CI a missing
 * fixture is a failure so conformance always runs there.
 */
public final class Fixtures {
    private Fixtures() {}

    public static Path dir() {
        String configured = System.getProperty("fixtures.dir", System.getenv("FIXTURES_DIR"));
        return Path.of(configured != null ? configured : "../shared/fixtures").toAbsolutePath().normalize();
    }

    /** The fixture file, or the test is skipped (failed under CI=true) when it is absent. */
    public static Path require(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.exists(file)) {
            String reason = "fixture " + file + " is absent";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(reason + " (CI=true requires the shared fixtures)");
            assumeTrue(false, reason + "; skipping");
        }
        return file;
    }

    public static Path squatVideo() { return require("mediapipe-squats/pose_squats.mp4"); }

    public static Path squatReference2d() { return require("mediapipe-squats/pose_squats.full.json"); }

    public static Path squatReference3d() { return require("mediapipe-squats/pose_squats_3d.full.json"); }

    public static Path cocoDir() { return require("coco-val2017-sample"); }

    public static Path cocoAnnotations() { return require("coco-val2017-sample/test_coco.json"); }
}
