package org.poseanalytics.web.share;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.poseanalytics.web.report.SessionReport;

/**
 * A session report as a patient reads it on a phone: the same content as the PDF (key frame, headline figures with
 * their quality and the previous session's value, repetitions, notes, every figure), stacked in one column.
 */
final class SharedReport {
    private static final int FRAME_WIDTH = 720;

    private SharedReport() {}

    static Component of(SessionReport r) {
        Div page = new Div();
        page.setId("shared-report");
        page.setWidthFull();
        H2 title = new H2("Session report");
        title.setId("shared-title");
        page.add(title, new Paragraph(r.subjectName() + " · " + r.date() + " · " + r.exercise() + " · " + r.clinicName()));
        if (r.keyFrame() != null) {
            Image frame = new Image(dataUri(r.keyFrame()), "Key frame of the video with the measured skeleton");
            frame.setId("shared-key-frame");
            frame.getStyle().set("max-width", "100%").set("height", "auto");
            page.add(frame);
        } else if (r.keyFrameNote() != null) {
            // no picture (keypoints imported without a video, or a frame that could not be read): say so, as the PDF does
            Paragraph note = new Paragraph(r.keyFrameNote());
            note.setId("shared-key-frame-note");
            page.add(note);
        }
        page.add(new Paragraph(r.viewNote() + " " + r.scaleNote()));
        if (!r.headlines().isEmpty()) {
            page.add(new H3("Main figures" + (r.previousDate() == null ? "" : " (previous session: " + r.previousDate() + ")")));
            for (SessionReport.Figure f : r.headlines()) page.add(figure(f, true));
        }
        if (!r.repetitionRows().isEmpty()) {
            page.add(new H3("Repetitions"));
            for (List<String> row : r.repetitionRows()) page.add(row(r.repetitionHeader(), row));
        }
        if (!r.noteRows().isEmpty()) {
            page.add(new H3("Notes from your clinician"));
            for (List<String> n : r.noteRows()) page.add(line(n.get(0) + ": " + n.get(1)));
        }
        if (r.correctionNote() != null && !r.correctionNote().isBlank()) page.add(new Paragraph(r.correctionNote()));
        if (!r.figures().isEmpty()) {
            page.add(new H3("All figures"));
            for (SessionReport.Figure f : r.figures()) page.add(figure(f, false));
        }
        return page;
    }

    private static Div figure(SessionReport.Figure f, boolean withPrevious) {
        Div d = line(null);
        d.addClassName("shared-figure");
        Div label = new Div(f.label());
        label.getStyle().set("font-weight", "600");
        Div value = new Div(f.value() + " · " + f.quality()
                + (withPrevious && !"—".equals(f.previous()) ? " · previous " + f.previous() + " (" + f.change() + ")" : ""));
        d.add(label, value);
        if (!f.note().isBlank()) {
            Div note = new Div(f.note());
            note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            d.add(note);
        }
        return d;
    }

    private static Div row(List<String> header, List<String> row) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.size() && i < header.size(); i++) {
            if (row.get(i).isBlank()) continue;
            if (!text.isEmpty()) text.append(" · ");
            text.append(header.get(i)).append(' ').append(row.get(i));
        }
        return line(text.toString());
    }

    static Div line(String text) {
        Div d = text == null ? new Div() : new Div(text);
        d.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return d;
    }

    /** The key frame inline (the page's CSP allows data: images), scaled to a phone's width so the page stays light. */
    private static String dataUri(BufferedImage frame) {
        BufferedImage img = frame;
        if (frame.getWidth() > FRAME_WIDTH) {
            int h = Math.round(frame.getHeight() * (FRAME_WIDTH / (float) frame.getWidth()));
            img = new BufferedImage(FRAME_WIDTH, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(frame, 0, 0, FRAME_WIDTH, h, null);
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
