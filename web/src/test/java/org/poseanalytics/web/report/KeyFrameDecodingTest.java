package org.poseanalytics.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.testing.HostileVideos;
import org.poseanalytics.web.TestVideos;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PDF report's key frame is decoded by the decoder process, as every other decoding of an upload (the app runs
 * with {@code pose.decode.isolation=process} here; {@code ArchitectureTest.onlyTheDecoderWorkersDecodeVideo} proves no
 * server class decodes by itself). A stored file that the decoder refuses gives a report without the picture but with
 * a note saying why, and the same app goes on making reports with pictures.
 */
class KeyFrameDecodingTest extends DatabaseTest {
    @Autowired ExportService exports;
    @Autowired AnalysisStore store;
    @Autowired JdbcClient jdbc;
    @Autowired Storage storage;
    @TempDir Path tmp;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void aHostileStoredFileGivesAReportWithANoteInsteadOfThePicture() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        long session = clinic.session(jdbc, LocalDate.of(2026, 12, 2), "squat");

        // A file that declares a 16000×16000 frame (as if stored before the limits were lowered).
        UUID hostileName = UUID.randomUUID();
        Files.copy(HostileVideos.declaredSize(tmp, 16000, 16000), storage.video(hostileName));
        long hostile = clinic.video(jdbc, session, hostileName);
        store.save(clinic.clinicId(), hostile, UUID.randomUUID(), null, SyntheticResults.of(40, 33, 1, 2, 2));

        UUID goodName = UUID.randomUUID();
        Files.copy(TestVideos.mp4(tmp.resolve("good.mp4"), 360, 640, 100, 25), storage.video(goodName));
        long good = clinic.video(jdbc, session, goodName);
        store.save(clinic.clinicId(), good, UUID.randomUUID(), null, SyntheticResults.of(40, 33, 1, 2, 2));

        clinic.signIn(Role.VIEWER);
        SessionReport refused = exports.sessionReport(hostile);
        assertThat(refused.keyFrame()).isNull();
        assertThat(refused.keyFrameNote()).startsWith("No key frame: the frame at").contains("could not be decoded within the limits")
                .contains("16000×16000").doesNotContain(storage.root().toString());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        exports.pdfReport(hostile, List.of(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("No key frame: the frame at").contains("16000×16000").contains("Headline figures");
        }

        // The app goes on: the next report has its picture, at most the size the decoder is asked for.
        SessionReport shown = exports.sessionReport(good);
        assertThat(shown.keyFrameNote()).isNull();
        assertThat(shown.keyFrame()).isNotNull();
        assertThat(shown.keyFrame().getWidth()).isEqualTo(360);
        assertThat(shown.keyFrame().getHeight()).isEqualTo(640);
        assertThat(Math.max(shown.keyFrame().getWidth(), shown.keyFrame().getHeight())).isLessThanOrEqualTo(ExportService.KEY_FRAME_MAX_SIDE);
    }

    @Test
    void aVideoWhoseFileIsGoneSaysSo() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 12, 2), "squat"));
        store.save(clinic.clinicId(), video, UUID.randomUUID(), null, SyntheticResults.of(40, 33, 1, 2, 2));
        clinic.signIn(Role.VIEWER);
        SessionReport r = exports.sessionReport(video);
        assertThat(r.keyFrame()).isNull();
        assertThat(r.keyFrameNote()).isEqualTo("No key frame: the video file is no longer stored.");
    }
}
