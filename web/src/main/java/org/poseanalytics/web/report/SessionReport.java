package org.poseanalytics.web.report;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import org.poseanalytics.web.chart.Band;
import org.poseanalytics.web.chart.Curve;

/**
 * Everything a session report shows, gathered under the user's rights before the PDF is written.
 * {@code keyFrame} is a frame with the skeleton already drawn on it (null when no frame could be read; then
 * {@code keyFrameNote} says why, in words for the reader).
 *
 * @param viewNote        "Camera view: side (left), 93 % of frames"
 * @param headlines       the exercise's lead figures, each beside the previous session's value when comparable
 * @param figures         every session figure with its quality
 * @param filmingGuidance how to film the exercise, when the view or visibility limited a headline figure; else null
 * @param previousDate    the session the headlines are compared with, null when there is none
 * @param scaleNote       "Scale: line 1.20 m, 0.0031 m/px" or "No scale: distances in pixels"
 * @param velocityRows    bar velocity per repetition of each tracked point, as {@link #VELOCITY_HEADER}; empty when none
 * @param drawingRows     the clinician's drawings on frames: time, kind, measured value ("" for none), text
 */
public record SessionReport(String clinicName, String subjectName, LocalDate date, String exercise, String videoName,
                            String angleNote, String viewNote, BufferedImage keyFrame, String keyFrameNote, List<Curve> curves, List<Band> repetitions,
                            List<String> repetitionHeader, List<List<String>> repetitionRows,
                            List<Figure> headlines, List<Figure> figures, String filmingGuidance,
                            LocalDate previousDate, String generatedBy, String scaleNote, List<List<String>> velocityRows,
                            String correctionNote, List<List<String>> noteRows, List<List<String>> drawingRows) {

    public static final List<String> VELOCITY_HEADER = List.of("Point", "Rep", "Displacement", "Mean concentric velocity",
            "Peak concentric velocity", "Mean eccentric velocity", "Quality", "Why");

    /**
     * One figure as printed: every part already text, the value "—" when not measured or invalid (never a number).
     *
     * @param quality  "valid", "low quality", "invalid" or "not rated"
     * @param note     why it is not valid, and what it means where its name does not say ("" when neither)
     * @param previous the previous session's value ("—" when none or not comparable)
     * @param change   this session minus the previous one ("—" when not comparable)
     */
    public record Figure(String label, String value, String quality, String note, String previous, String change) {}
}
