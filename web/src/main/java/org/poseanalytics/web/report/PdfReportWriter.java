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
 * The session report as a PDF (Apache PDFBox): header, key frame with skeleton, the angle chart drawn on the
 * server with JFreeChart (the same colours as the page), the repetition table and the comparison with the
 * previous session. One A4 page per section that does not fit, never cut mid-table.
 */
public final class PdfReportWriter {
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final float MARGIN = 48;

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
            w.gap(8);
            if (r.keyFrame() != null) {
                PDImageXObject img = JPEGFactory.createFromImage(doc, r.keyFrame(), 0.85f);
                float maxW = 220, maxH = 260;
                float s = Math.min(maxW / img.getWidth(), maxH / img.getHeight());
                w.image(img, img.getWidth() * s, img.getHeight() * s);
            }
            w.gap(6);
            w.text(BOLD, 12, "Joint angles over time");
            BufferedImage chart = angleChart(r.curves(), r.repetitions()).createBufferedImage(1000, 420);
            PDImageXObject chartImg = LosslessFactory.createFromImage(doc, chart);
            w.image(chartImg, 500, 210);
            w.gap(8);
            w.keepTogether(12 + 16 * Math.min(r.repetitionRows().size() + 1, 6));
            w.text(BOLD, 12, "Repetitions");
            if (r.repetitionRows().isEmpty()) w.text(REGULAR, 10, "No repetitions were found in this video.");
            else w.table(r.repetitionHeader(), r.repetitionRows());
            w.gap(8);
            w.keepTogether(12 + 16 * Math.min(r.comparison().size() + 1, 6));
            w.text(BOLD, 12, r.previousDate() == null ? "Session metrics (no earlier session to compare with)"
                    : "Compared with the previous session (" + r.previousDate() + ")");
            List<List<String>> rows = new ArrayList<>();
            for (SessionReport.Comparison c : r.comparison()) {
                rows.add(List.of(c.metric(), fmt(c.current()) + " " + c.unit(),
                        c.previous() == null ? "—" : fmt(c.previous()) + " " + c.unit(), c.change()));
            }
            w.table(List.of("Metric", "This session", "Previous", "Change"), rows);
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

    static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

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

        void table(List<String> header, List<List<String>> rows) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            // The first column holds names: twice the width of the figures beside it.
            float col = width / (header.size() + 1);
            float rowH = 16;
            need(rowH * Math.min(rows.size() + 1, 8));
            row(header, col, rowH, BOLD, true);
            for (List<String> r : rows) {
                need(rowH);
                row(r, col, rowH, REGULAR, false);
            }
        }

        private void row(List<String> cells, float col, float rowH, PDType1Font font, boolean shaded) throws IOException {
            y -= rowH;
            if (shaded) {
                cs.setNonStrokingColor(new Color(0xf1f3f5));
                cs.addRect(MARGIN, y - 4, col * (cells.size() + 1), rowH);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
            }
            for (int i = 0; i < cells.size(); i++) {
                cs.beginText();
                cs.setFont(font, 9);
                cs.newLineAtOffset(MARGIN + (i == 0 ? 0 : (i + 1) * col) + 4, y);
                cs.showText(safe(cells.get(i)));
                cs.endText();
            }
        }

        void close() throws IOException { cs.close(); }

        /** The standard fonts know WinAnsi only; replace what they cannot show rather than fail the report. */
        private static String safe(String s) {
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
}
