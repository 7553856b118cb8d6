package org.poseanalytics.loadtest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the load test runs against and how hard, from system properties (loadtest/pom.xml passes them, scripts/loadtest.sh
 * sets them).
 *
 * @param baseUrl          the packaged app on loopback
 * @param dataDir          its --pose.data-dir: the seeder reads the embedded database's port and passwords there
 * @param video            the file every upload sends (the squat fixture copied under /tmp, or a generated clip)
 * @param view             how long the 50 viewers browse while the uploads are analysed
 * @param uploads          concurrent uploads
 * @param viewers          concurrent viewers
 * @param progressSessions sessions of the one subject whose progress page and API series are read
 * @param progressMetric   the figure key(s) the viewers' progress API call asks for ({@code metric=}, as a chart of one
 *                         figure would); empty (default): every figure of every visit, as an export would
 */
record LoadConfig(URI baseUrl, Path dataDir, Path video, Duration view, int uploads, int viewers, int progressSessions,
                  String progressMetric) {

    static LoadConfig fromSystemProperties() {
        return new LoadConfig(
                URI.create(System.getProperty("loadtest.baseUrl", "http://127.0.0.1:18080")),
                Path.of(System.getProperty("loadtest.dataDir", "/tmp/pa-loadtest")),
                Path.of(System.getProperty("loadtest.video", "/tmp/pa-loadtest-video.mp4")),
                Duration.ofSeconds(Long.getLong("loadtest.viewSeconds", 180)),
                Integer.getInteger("loadtest.uploads", 20),
                Integer.getInteger("loadtest.viewers", 50),
                Integer.getInteger("loadtest.progressSessions", 1000),
                System.getProperty("loadtest.progressMetric", "").strip());
    }

    /** The query string of the viewers' progress API call: {@code ?metric=…}, or none for every figure. */
    String progressQuery() {
        return progressMetric.isEmpty() ? "" : "?metric=" + URLEncoder.encode(progressMetric, StandardCharsets.UTF_8);
    }

    String url(String path) { return baseUrl.resolve(path).toString(); }
}
