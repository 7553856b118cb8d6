package org.poseanalytics.web.report;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import org.poseanalytics.web.chart.Band;
import org.poseanalytics.web.chart.Curve;

/**
 * Everything a session report shows, gathered under the user's rights before the PDF is written.
 * {@code keyFrame} is a frame with the skeleton already drawn on it (null when no frame could be read).
 */
public record SessionReport(String clinicName, String subjectName, LocalDate date, String exercise, String videoName,
                            String angleNote, BufferedImage keyFrame, List<Curve> curves, List<Band> repetitions,
                            List<String> repetitionHeader, List<List<String>> repetitionRows,
                            List<Comparison> comparison, LocalDate previousDate, String generatedBy) {

    /** A metric of this session beside the previous session's value. */
    public record Comparison(String metric, String unit, double current, Double previous) {
        public String change() {
            if (previous == null) return "—";
            double d = current - previous;
            return (d >= 0 ? "+" : "−") + String.format(java.util.Locale.ROOT, "%.1f", Math.abs(d));
        }
    }
}
