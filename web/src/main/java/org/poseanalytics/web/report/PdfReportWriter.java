package org.poseanalytics.web.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.poseanalytics.web.chart.Band;
import org.poseanalytics.web.chart.ChartOptions;
import org.poseanalytics.web.chart.Curve;

/**
 * The session report as a PDF (Apache PDFBox): header with the camera view, key frame with skeleton, the headline
 * figures with their quality beside the previous session's, the angle chart drawn on the server with JFreeChart (the
 * same colours as the page), the repetition table and every figure with its quality. Table cells wrap within their
 * column; a table that does not fit continues on the next page under its header repeated.
 */
public final class PdfReportWriter {
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final float MARGIN = 48;
    private static final float CELL_SIZE = 9;
    private static final float LINE = 11;
    private static final float PAD = 4;
    /** Relative column widths; names and reasons wrap within their column instead of running into the next. */
    private static final float[] HEADLINE_COLUMNS = {24, 16, 11, 16, 8, 25};
    private static final float[] ALL_COLUMNS = {34, 16, 12, 38};
    private static final float[] VELOCITY_COLUMNS = {7, 7, 14, 14, 14, 14, 10, 20};
    private static final float[] NOTE_COLUMNS = {16, 64, 20};
    private static final float[] DRAWING_COLUMNS = {12, 12, 22, 54};

    private PdfReportWriter() {}

    public static void write(SessionReport r, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Session report: " + r.subjectName() + ", " + r.exercise() + ", " + r.date());
            info.setCreator("Pose Analytics");
            Writer w = new Writer(doc);
            w.text(BOLD, 18, "Session report");
            w.text(REGULAR, 11, r.subjectName() + "  ·  " + r.exercise() + "  ·  " + r.date().format(DateTimeFormatter.ISO_LOCAL_DATE));
            w.text(REGULAR, 9, "Video: " + r.videoName() + "   Clinic: " + r.clinicName() + "   Report by " + r.generatedBy());
            w.text(REGULAR, 9, r.angleNote());
            w.text(REGULAR, 9, r.viewNote());
            w.text(REGULAR, 9, r.scaleNote());
            if (r.correctionNote() != null && !r.correctionNote().isBlank()) w.text(BOLD, 9, r.correctionNote());
            w.gap(8);
            if (r.keyFrame() != null) {
                PDImageXObject img = JPEGFactory.createFromImage(doc, r.keyFrame(), 0.85f);
                float maxW = 220, maxH = 260;
                float s = Math.min(maxW / img.getWidth(), maxH / img.getHeight());
                w.image(img, img.getWidth() * s, img.getHeight() * s);
            } else if (r.keyFrameNote() != null) {
                w.text(REGULAR, 9, r.keyFrameNote());
            }
            w.gap(6);
            // The exercise's lead figures first, each with its quality; an invalid one is "—" with its reason.
            w.keepTogether(40);
            w.text(BOLD, 12, r.previousDate() == null ? "Headline figures (no earlier session to compare with)"
                    : "Headline figures, compared with the previous session (" + r.previousDate() + ")");
            List<List<String>> lead = new ArrayList<>();
            for (SessionReport.Figure f : r.headlines()) lead.add(List.of(f.label(), f.value(), f.quality(), f.previous(), f.change(), f.note()));
            if (lead.isEmpty()) w.text(REGULAR, 10, "This analysis has no headline figures.");
            else w.table(List.of("Figure", "This session", "Quality", "Previous", "Change", "Why / definition"), lead, HEADLINE_COLUMNS);
            if (r.filmingGuidance() != null) {
                w.gap(4);
                w.paragraph(REGULAR, 9, "Some headline figures are limited by how the video was filmed. To measure them: " + r.filmingGuidance());
            }
            w.gap(8);
            w.keepTogether(230);
            w.text(BOLD, 12, "Joint angles over time");
            BufferedImage chart = angleChart(r.curves(), r.repetitions()).createBufferedImage(1000, 420);
            PDImageXObject chartImg = LosslessFactory.createFromImage(doc, chart);
            w.image(chartImg, 500, 210);
            w.gap(8);
            w.keepTogether(12 + 16 * Math.min(r.repetitionRows().size() + 1, 6));
            w.text(BOLD, 12, "Repetitions");
            if (r.repetitionRows().isEmpty()) w.text(REGULAR, 10, "No repetitions were found in this video.");
            else w.table(r.repetitionHeader(), r.repetitionRows(), null);
            w.gap(8);
            if (!r.velocityRows().isEmpty()) {
                // Bar velocity as coaches set loads by it; in m/s with a scale, px/s without (the values carry the unit).
                w.keepTogether(12 + 16 * Math.min(r.velocityRows().size() + 1, 6));
                w.text(BOLD, 12, "Bar velocity per repetition");
                w.table(SessionReport.VELOCITY_HEADER, r.velocityRows(), VELOCITY_COLUMNS);
                w.gap(8);
            }
            if (r.noteRows() != null && !r.noteRows().isEmpty()) {
                // The clinician's notes on the video's timeline, in time order.
                w.keepTogether(12 + 16 * Math.min(r.noteRows().size() + 1, 6));
                w.text(BOLD, 12, "Notes on the timeline");
                w.table(List.of("Time", "Note", "By"), r.noteRows(), NOTE_COLUMNS);
                w.gap(8);
            }
            if (r.drawingRows() != null && !r.drawingRows().isEmpty()) {
                // Drawn on the key frame only when made near its time; every drawing is listed here with its time and value.
                w.keepTogether(12 + 16 * Math.min(r.drawingRows().size() + 1, 6));
                w.text(BOLD, 12, "Drawings on frames");
                w.table(List.of("Time", "Drawing", "Value", "Text"), r.drawingRows(), DRAWING_COLUMNS);
                w.gap(8);
            }
            w.keepTogether(40);
            w.text(BOLD, 12, "All figures");
            List<List<String>> all = new ArrayList<>();
            for (SessionReport.Figure f : r.figures()) all.add(List.of(f.label(), f.value(), f.quality(), f.note()));
            if (all.isEmpty()) w.text(REGULAR, 10, "This analysis gave no session-wide figures.");
            else w.table(List.of("Figure", "Value", "Quality", "Why / definition"), all, ALL_COLUMNS);
            w.close();
            doc.save(out);
        }
    }

    static JFreeChart angleChart(List<Curve> curves, List<Band> bands) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name(), false, true);
            for (int i = 0; i < c.x().length; i++) s.add(c.x()[i], Double.isFinite(c.y()[i]) ? c.y()[i] : null);
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "time (s)", "angle (°)", data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdee2e6));
        plot.setRangeGridlinePaint(new Color(0xdee2e6));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            renderer.setSeriesPaint(i, Color.decode(ChartOptions.PALETTE.get(i % ChartOptions.PALETTE.size())));
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        plot.setRenderer(renderer);
        for (Band b : bands) {
            IntervalMarker m = new IntervalMarker(b.from(), b.to(), new Color(28, 126, 214, 30));
            m.setLabel(b.label());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        return chart;
    }

    /** A cursor down the page that starts a new page when the next block does not fit. */
    private static final class Writer {
        private final PDDocument doc;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) cs.close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void need(float h) throws IOException { if (y - h < MARGIN) newPage(); }

        void gap(float h) { y -= h; }

        /** A heading and the first rows of its table stay on one page. */
        void keepTogether(float h) throws IOException { need(h + 20); }

        void text(PDType1Font font, float size, String s) throws IOException {
            need(size + 6);
            y -= size + 4;
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN, y);
            cs.showText(safe(s));
            cs.endText();
        }

        void image(PDImageXObject img, float w, float h) throws IOException {
            need(h + 4);
            y -= h + 4;
            cs.drawImage(img, MARGIN, y, w, h);
        }

        /** A paragraph wrapped to the page width. */
        void paragraph(PDType1Font font, float size, String text) throws IOException {
            for (String line : wrap(text, font, size, PDRectangle.A4.getWidth() - 2 * MARGIN)) text(font, size, line);
        }

        /**
         * A table whose cells wrap within their column; {@code weights} are relative column widths (null: equal). The
         * header repeats on a new page.
         */
        void table(List<String> header, List<List<String>> rows, float[] weights) throws IOException {
            float[] widths = widths(header.size(), weights);
            need(rowHeight(header, widths, BOLD) + (rows.isEmpty() ? 0 : rowHeight(rows.getFirst(), widths, REGULAR)));
            row(header, widths, BOLD, true);
            for (List<String> r : rows) {
                if (y - rowHeight(r, widths, REGULAR) < MARGIN) {
                    newPage();
                    row(header, widths, BOLD, true);
                }
                row(r, widths, REGULAR, false);
            }
        }

        private static float[] widths(int n, float[] weights) {
            float total = 0;
            for (int i = 0; i < n; i++) total += weights == null ? 1 : weights[i];
            float[] w = new float[n];
            for (int i = 0; i < n; i++) w[i] = (PDRectangle.A4.getWidth() - 2 * MARGIN) * (weights == null ? 1 : weights[i]) / total;
            return w;
        }

        private static float rowHeight(List<String> cells, float[] widths, PDType1Font font) throws IOException {
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) lines = Math.max(lines, wrap(cells.get(i), font, CELL_SIZE, widths[i] - 2 * PAD).size());
            return lines * LINE + 5;
        }

        private void row(List<String> cells, float[] widths, PDType1Font font, boolean shaded) throws IOException {
            float h = rowHeight(cells, widths, font);
            if (shaded) {
                float total = 0;
                for (float w : widths) total += w;
                cs.setNonStrokingColor(new Color(0xf1f3f5));
                cs.addRect(MARGIN, y - h, total, h);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
            }
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                List<String> lines = wrap(cells.get(i), font, CELL_SIZE, widths[i] - 2 * PAD);
                for (int l = 0; l < lines.size(); l++) {
                    cs.beginText();
                    cs.setFont(font, CELL_SIZE);
                    cs.newLineAtOffset(x + PAD, y - LINE + 1 - l * LINE);
                    cs.showText(lines.get(l));
                    cs.endText();
                }
                x += widths[i];
            }
            y -= h;
        }

        void close() throws IOException { cs.close(); }

    }

    /**
     * {@code text} in lines no wider than {@code width} points in that font: broken between words, and a word wider
     * than the column broken where it must be. Already made safe for the standard fonts.
     */
    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text == null ? "" : text).split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) lines.add(line.toString());
            line.setLength(0);
            String rest = word;
            while (width(rest, font, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) cut--;
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    static float width(String s, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    static PDType1Font regular() { return REGULAR; }

    /** The standard fonts know WinAnsi only; replace what they cannot show rather than fail the report. */
    static String safe(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '−') b.append('-');
            else if (c == '·' || c == '°' || c == '×' || c == '—' || c == '–' || (c >= 32 && c < 127) || (c >= 160 && c <= 255)) b.append(c);
            else if (c == '“' || c == '”') b.append('"');
            else b.append('?');
        }
        return b.toString();
    }
}
