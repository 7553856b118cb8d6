package org.poseanalytics.web.report;

import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.angle.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF and the metrics CSV of a gait analysis (no repetitions) whose headlines are valid, low and invalid: the PDF
 * has its figures (the gait table used to be empty), never prints the invalid value, says each quality and reason,
 * and wraps the longest figure name inside its column; the CSV carries quality and reason per figure.
 */
class QualityReportTest extends DatabaseTest {
    /** A name longer than any template's, to prove it stays inside the name column. */
    static final String LONGEST = "left_hip_internal_external_rotation_3d_peak_to_peak_range_of_motion_during_stance_phase_mean";

    @Autowired ExportService exports;
    @Autowired AnalysisStore store;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    static AnalysisResult gait() {
        MetricRecord cadence = SyntheticResults.figure("cadence", 112.4, "steps/min", Side.NONE, Quality.VALID, "");
        MetricRecord symmetry = SyntheticResults.figure("step_time_symmetry_index", 7.9, "%", Side.NONE, Quality.LOW,
                "heel strikes interpolated in 25 % of steps");
        MetricRecord valgus = SyntheticResults.figure("knee_valgus_peak", 364.2, "deg", Side.LEFT, Quality.INVALID,
                "frontal-plane angle from a side view");
        MetricRecord longest = SyntheticResults.figure(LONGEST, 12.3, "deg", Side.NONE, Quality.VALID, "");
        List<Headline> headlines = List.of(
                new Headline(1, "Cadence", "steps per minute over the walk; 2D image plane", cadence),
                new Headline(2, "Step time symmetry", "left against right step time", symmetry),
                new Headline(3, "Peak knee valgus (left)", "frontal-plane projection angle; 2D image plane", valgus));
        return SyntheticResults.withFigures(SyntheticResults.of(60, 33, 1, 2, 0), "gait", List.of(),
                List.of(cadence, symmetry, valgus, longest), headlines, SyntheticResults.SIDE_VIEW);
    }

    @Test
    void theGaitPdfLeadsWithHeadlinesAndTheirQualityAndNeverPrintsAnInvalidValue() throws Exception {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "gait"));
        store.save(clinic.clinicId(), video, UUID.randomUUID(), null, gait());
        clinic.signIn(Role.VIEWER);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        exports.pdfReport(video, List.of(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            // cells wrap within their column: read the text with line breaks as spaces
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Headline figures").contains("Camera view: side (left), 93 % of frames");
            assertThat(text.indexOf("Headline figures")).isLessThan(text.indexOf("All figures"));
            // the headline table has its rows, each with a quality
            assertThat(text).contains("Cadence").contains("112.4 steps/min").contains("Step time symmetry").contains("7.9 %")
                    .contains("low quality").contains("heel strikes interpolated in 25 % of steps")
                    .contains("Peak knee valgus (left)").contains("invalid").contains("frontal-plane angle from a side view");
            assertThat(text).doesNotContain("364");
            // the figure was limited by the view: the gait filming guidance is repeated
            assertThat(text).contains("Film from the side, the walkway crossing the image");
            // all figures, including the longest name, word by word (wrapped over lines of its column)
            String after = text.substring(text.indexOf("All figures"));
            assertThat(after).contains("Left knee valgus peak").contains("12.3°");
            assertThat(after).contains("Left hip internal external rotation peak to peak range of motion during stance phase (3D)");
            assertThat(overlaps(doc)).as("glyphs of neighbouring cells drawn over each other").isEmpty();
        }
    }

    @Test
    void theMetricsCsvCarriesQualityAndReason_andLeavesAnInvalidValueEmpty() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.now(), "gait"));
        store.save(clinic.clinicId(), video, UUID.randomUUID(), null, gait());
        clinic.signIn(Role.VIEWER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.metricsCsv(video, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("repetition,metric,side,value,unit,quality,reason");
        assertThat(lines).contains(",cadence,none,112.400,steps/min,valid,",
                ",step_time_symmetry_index,none,7.900,%,low,heel strikes interpolated in 25 % of steps",
                ",knee_valgus_peak,left,,deg,invalid,frontal-plane angle from a side view");
    }

    @Test
    void wrappedLinesFitTheirColumn() throws IOException {
        float width = 120;
        List<String> lines = PdfReportWriter.wrap(org.poseanalytics.web.analysis.MetricNames.label(LONGEST, Side.NONE),
                PdfReportWriter.regular(), 9, width);
        assertThat(lines).hasSizeGreaterThan(2);
        for (String l : lines) assertThat(PdfReportWriter.width(l, PdfReportWriter.regular(), 9)).isLessThanOrEqualTo(width);
        List<String> word = PdfReportWriter.wrap("x".repeat(200), PdfReportWriter.regular(), 9, width);
        assertThat(String.join("", word)).isEqualTo("x".repeat(200));
        for (String l : word) assertThat(PdfReportWriter.width(l, PdfReportWriter.regular(), 9)).isLessThanOrEqualTo(width);
    }

    /** Pairs of glyphs on one baseline of one page that are drawn over each other (text running into the next cell). */
    static List<String> overlaps(PDDocument doc) throws IOException {
        List<String> found = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            final List<TextPosition> glyphs = new ArrayList<>();

            @Override
            protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) { glyphs.clear(); }

            @Override
            protected void processTextPosition(TextPosition t) {
                super.processTextPosition(t);
                if (!t.getUnicode().isBlank()) glyphs.add(t);
            }

            @Override
            protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) {
                for (TextPosition a : glyphs)
                    for (TextPosition b : glyphs) {
                        if (a == b || Math.abs(a.getY() - b.getY()) > 0.5 || a.getX() >= b.getX()) continue;
                        if (a.getX() + a.getWidth() > b.getX() + 0.5)
                            found.add(a.getUnicode() + "@" + a.getX() + " over " + b.getUnicode() + "@" + b.getX() + " y " + a.getY());
                    }
            }
        };
        stripper.getText(doc);
        return found;
    }
}
