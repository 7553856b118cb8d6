package org.poseanalytics.web.recording;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.pipeline.MultiViewPipeline;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.CalibrationFiles;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.testing.Rigs;
import org.poseanalytics.multiview.testing.Scenes;
import org.poseanalytics.multiview.testing.SquattingBody;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.testing.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole multi-camera upload in Debian's Chromium: a known squat rendered into two calibrated, distorted cameras
 * (the second starting 0.2 s later) as real MP4 files, uploaded through the recordings page with their calibration,
 * checked by the decoder process, stored, triangulated by the recording's job and shown: the rotatable 3D skeleton
 * (a WebGL canvas that draws and follows the player), both views side by side with the skeleton reprojected on each
 * (the second shifted by the clock offset found), and the reprojection error. The pose model is the one thing not
 * run: it finds no person in a stick figure, so the job is given the views' keypoints of the same known scene
 * ({@link AnalyseRecordingHandler#measureWith}); it checks that it was handed the uploaded files. Then the checkerboard
 * calibration refuses videos with no board in them with a clear reason, and the recording is deleted with its files.
 * Screenshots: web/target/screenshots/multiview-upload-*.png.
 */
class MultiViewUploadBrowserTest extends BrowserTest {
    static final SquattingBody BODY = SquattingBody.atOrigin();
    static final int W = 640, H = 360;
    static final double START_2 = 0.2;

    @Autowired SubjectService subjects;
    @Autowired SessionService sessions;
    @Autowired AnalyseRecordingHandler handler;

    @Test
    void uploadTriangulateAndSeeTheSkeletonIn3dAndOnEveryView() throws Exception {
        String username = newClinicAdmin("Harbour Gait Lab", "Dr Noor Basri");
        Subject patient = as(username, () -> subjects.create(new SubjectDetails("Tomas Virtanen", null, null, "ACL rehab", InvolvedSide.NONE, null)));
        Session session = as(username, () -> sessions.create(patient.id(), new SessionDetails(LocalDate.now(), Exercise.SQUAT, null)));
        Calibration cal = rig();
        Path dir = Files.createTempDirectory("pa-multiview-upload");
        Path calFile = dir.resolve("lab-calibration.json");
        CalibrationFiles.writeProject(cal, calFile);
        Scenes.Filming filming = Scenes.Filming.clean(2).withNoise(0.5).withStarts(new double[]{0, START_2});
        Path left = render(dir.resolve("left.mp4"), cal.camera(0), filming, 0);
        Path right = render(dir.resolve("right.mp4"), cal.camera(1), filming, 1);

        List<Long> handedSizes = new ArrayList<>();
        handler.measureWith((request, progress) -> {
            for (Path p : request.videos()) {
                try {
                    handedSizes.add(Files.size(p));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return new MultiViewPipeline().measure(request, List.of(), Scenes.views(request.calibration(), filming, BODY), progress);
        });
        try {
            signInThroughPage(username);
            open("/multi-camera/" + session.id());
            upload("multi-camera-videos", left);
            upload("multi-camera-videos", right);
            upload("multi-camera-calibration", calFile);
            shot("multiview-upload-01-form");
            click(waitFor(By.id("multi-camera-create")));
            try {
                await(Duration.ofSeconds(60), d -> !d.findElements(By.cssSelector("#recordings .recording-state")).isEmpty()
                        || !d.findElements(By.cssSelector("vaadin-notification-card")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                Thread.getAllStackTraces().forEach((t, st) -> {
                    if (java.util.Arrays.stream(st).anyMatch(f -> f.getClassName().startsWith("org.poseanalytics.web") && !f.getClassName().contains("Test")))
                        System.out.println("STUCK " + t.getName() + "\n  " + String.join("\n  ", java.util.Arrays.stream(st).limit(40).map(Object::toString).toList()));
                });
                System.out.println("CLIENT " + js("return JSON.stringify({loading: document.querySelector('vaadin-connection-indicator')?.getAttribute('loading'),"
                        + " state: window.Vaadin?.connectionState?.state, notes: [...document.querySelectorAll('vaadin-notification-card')].map(n => n.innerText)})"));
                throw e;
            }
            assertThat(driver.findElements(By.cssSelector("vaadin-notification-card")).stream().map(WebElement::getText).toList())
                    .as("no error told").noneMatch(t -> t.contains("not") || t.contains("first"));
            // The page follows the job by itself (pushed), from queued to triangulated.
            // (read by script: the pushed list is rebuilt under the test's feet)
            await(Duration.ofSeconds(120), d -> Boolean.TRUE.equals(js(
                    "return [...document.querySelectorAll('#recordings .recording-state')].some(e => e.textContent.startsWith('Triangulated'))")));
            assertThat(handedSizes).containsExactly(Files.size(left), Files.size(right));
            long firstVideo = jdbc.sql("select video_ids[1] from multiview_recording where session_id = :s").param("s", session.id()).query(Long.class).single();
            assertThat(jdbc.sql("select original_name from video where session_id = :s order by id").param("s", session.id()).query(String.class).list())
                    .containsExactly("left.mp4", "right.mp4");
            shot("multiview-upload-02-triangulated");

            click(find(By.linkText("Open the analysis →")));
            await(Duration.ofSeconds(30), d -> !d.findElements(By.id("reprojection-error")).isEmpty());
            String errors = (String) js("return document.getElementById('reprojection-error').textContent");
            assertThat(errors).contains("Triangulated from 2 cameras").contains("Reprojection error: mean");
            double offset = jdbc.sql("select sync_offsets_s[2] from multiview_analysis m join analysis a on a.id = m.analysis_id where a.video_id = :v")
                    .param("v", firstVideo).query(Double.class).single();
            assertThat(offset).as("the second camera's clock offset found by motion").isCloseTo(START_2, within(0.04));

            // The 3D view: three.js loaded on this page only, a WebGL canvas with the skeleton drawn on it.
            await(Duration.ofSeconds(30), d -> js("""
                    const v = document.querySelector('#skeleton-3d');
                    return v != null && (v.querySelector('canvas.skeleton-3d-canvas') != null || v.querySelector('.skeleton-3d-unavailable') != null);"""));
            assertThat(find(By.id("skeleton-3d")).findElements(By.cssSelector(".skeleton-3d-unavailable")))
                    .as("headless Chromium draws WebGL (SwiftShader)").isEmpty();
            await(Duration.ofSeconds(10), d -> js("return document.querySelector('#skeleton-3d').hasAttribute('data-sample')"));
            long lit = ((Number) js("return document.querySelector('#skeleton-3d').litPixels()")).longValue();
            assertThat(lit).as("pixels of the skeleton and grid drawn in 3D").isGreaterThan(200);

            // Following the player: a seek to 1.5 s shows the skeleton at 1.5 s in 3D and moves the second view to 1.3 s.
            js("document.getElementById('analysis-player').seek(1.5)");
            // (the 3D samples start where both cameras film, 0.2 s in; the one shown is the last at or before 1.5 s)
            await(Duration.ofSeconds(10), d -> {
                Object t = js("const v = document.querySelector('#skeleton-3d'); return v._data.t[Number(v.getAttribute('data-sample'))];");
                return t instanceof Number n && n.doubleValue() <= 1.5 + 1e-3 && n.doubleValue() > 1.5 - 0.04;
            });
            await(Duration.ofSeconds(10), d -> {
                Object t = js("const p = document.getElementById('camera-view-1'); return p._video ? p._video.currentTime : -1;");
                return t instanceof Number n && Math.abs(n.doubleValue() - (1.5 - START_2)) < 0.05;
            });

            // The views side by side: each camera's video with the skeleton projected into it drawn over it.
            List<WebElement> views = find(By.id("camera-views")).findElements(By.cssSelector("pa-analysis-player"));
            assertThat(views).hasSize(2);
            for (int v = 0; v < 2; v++) {
                final int view = v;
                // metadata is enough for the overlay's geometry; a follower may be seeking (readyState 1) at this moment
                await(Duration.ofSeconds(30), d -> js("const p = document.getElementById('camera-view-" + view
                        + "'); return p._video && p._video.readyState >= 1;"));
                js("document.getElementById('camera-view-" + v + "').draw()");
                long drawn = ((Number) js("""
                        const c = document.querySelector('#camera-view-%d canvas.overlay');
                        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
                        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
                        return n;""".formatted(v))).longValue();
                assertThat(drawn).as("skeleton pixels drawn over camera %d's video", v + 1).isGreaterThan(100);
            }
            shot("multiview-upload-03-analysis");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('skeleton-3d').scrollIntoView()");
            shot("multiview-upload-04-skeleton-3d");

            // Calibrating from videos without a checkerboard in them: refused by the job with the reason.
            open("/multi-camera/" + session.id());
            upload("checkerboard-videos", left);
            upload("checkerboard-videos", right);
            type(waitFor(By.id("board-columns")), "9");
            type(find(By.id("board-rows")), "6");
            type(find(By.id("board-square")), "0.025");
            click(find(By.id("checkerboard-calibrate")));
            await(Duration.ofSeconds(120), d -> Boolean.TRUE.equals(js(
                    "return [...document.querySelectorAll('#calibrations .calibration')].some(e => e.textContent.includes('Failed'))")));
            String failed = (String) js("return document.querySelector('#calibrations .calibration').textContent");
            assertThat(failed.toLowerCase(Locale.ROOT)).contains("board").contains("inner corners");
            shot("multiview-upload-05-calibration-refused");

            // Deleting the recording: its videos and files go, the audit trail says so.
            List<String> names = jdbc.sql("select storage_name::text from video where session_id = :s").param("s", session.id()).query(String.class).list();
            click(find(By.cssSelector(".recording-delete")));
            await(Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog [slot='confirm-button']")).isEmpty());
            find(By.cssSelector("vaadin-confirm-dialog [slot='confirm-button']")).click();
            await(Duration.ofSeconds(20), d -> jdbc.sql("select count(*) from multiview_recording where session_id = :s")
                    .param("s", session.id()).query(Long.class).single() == 0);
            assertThat(jdbc.sql("select count(*) from video where session_id = :s").param("s", session.id()).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("""
                            select count(*) from audit_event where action = 'deleted' and subject_id = :p and detail like 'multi-camera recording %'""")
                    .param("p", patient.id()).query(Long.class).single()).isEqualTo(1);
            await(Duration.ofSeconds(20), d -> names.stream().noneMatch(n -> Files.exists(storage.video(java.util.UUID.fromString(n)))));
        } finally {
            handler.measureWith(null);
        }
    }

    /** Two phone-like cameras 3.5 m from the subject, 90° apart, with lens distortion, at a small video size. */
    static Calibration rig() {
        List<Camera> cams = new ArrayList<>();
        double[] azimuths = {-40, 50};
        for (int i = 0; i < 2; i++) {
            double a = Math.toRadians(azimuths[i]);
            cams.add(Rigs.lookAt("cam_" + (i + 1), new double[]{3.5 * Math.cos(a), 3.5 * Math.sin(a), 1.2}, new double[]{0, 0, 0.9}, W, H,
                    470 + 20 * i, Rigs.PHONE_DISTORTION));
        }
        return new Calibration(cams, Calibration.Z_UP, "synthetic lab");
    }

    /** The known body as a stick figure, filmed by {@code cam} on that view's clock, as an MP4 the decoder accepts. */
    static Path render(Path file, Camera cam, Scenes.Filming f, int view) throws Exception {
        int frames = (int) Math.round(f.durationS() * f.fps());
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), W, H, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(f.fps());
            recorder.setVideoBitrate(800_000);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                double[][] p = BODY.at(f.startS()[view] + i / f.fps());
                BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = img.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setColor(new Color(40, 44, 52));
                g.fillRect(0, 0, W, H);
                g.setColor(new Color(230, 200, 170));
                g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int[] b : SquattingBody.SK.bones()) {
                    double[] a = cam.project(p[b[0]]), c = cam.project(p[b[1]]);
                    g.draw(new Line2D.Double(a[0], a[1], c[0], c[1]));
                }
                g.dispose();
                recorder.record(converter.convert(img));
            }
            recorder.stop();
        }
        return file;
    }

    /** A click as a user's, on an element that may be below the fold or under a notification. */
    private static void click(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center'});", e);
        // a notification toast may lie over it for a few seconds, as it would for a user, who waits until it goes
        await(Duration.ofSeconds(15), d -> Boolean.TRUE.equals(js("""
                const e = arguments[0], r = e.getBoundingClientRect();
                const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return at != null && (at === e || e.contains(at));""", e)));
        e.click();
    }

    /** Sends one file to a vaadin-upload and waits until it has been received. */
    private void upload(String uploadId, Path file) {
        WebElement up = waitFor(By.id(uploadId));
        int before = ((Number) js("return arguments[0].files.filter(f => f.complete).length", up)).intValue();
        WebElement input = up.getShadowRoot().findElement(By.cssSelector("input[type='file']"));
        // Chromedriver adds to a multiple input's earlier selection: start from none, so only this file is sent.
        js("arguments[0].value = ''", input);
        input.sendKeys(file.toString());
        await(Duration.ofSeconds(60), d -> ((Number) js("return arguments[0].files.filter(f => f.complete).length", up)).intValue() > before);
    }
}
