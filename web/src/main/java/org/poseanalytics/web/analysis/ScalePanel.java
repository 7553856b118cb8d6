package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.ScaleText;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.Video;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metres instead of pixels: the scale the shown analysis used ("Scale: line 1.20 m, 0.0031 m/px", or "No scale:
 * distances in pixels"), and the video's scale line. A clinician pauses on a frame where something of known length
 * lies in the plane of the movement (a plate's diameter, a stick on the floor), clicks its two ends on the video, enters
 * its real length in metres, and analyses again with it; the line is drawn on the video, and can be given another
 * length, drawn again or removed. A bad line (too short, outside the frame, a length not above 0) is refused with the
 * reason, under the length field, and nothing is stored.
 */
class ScalePanel extends VerticalLayout {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OverlayPlayer player;
    private final Video video;
    private final ScaleLines lines;
    private final Span lineState = new Span();
    private final TextField length = new TextField("Real length of the line (m)");
    private final Button save = new Button("Save scale line");
    private final Button draw = new Button("Draw a scale line…", VaadinIcon.RESIZE_H.create());
    private final Button cancel = new Button("Cancel");
    private final Button edit = new Button("Change length");
    private final Button remove = new Button("Remove", VaadinIcon.TRASH.create());
    private final Button analyse = new Button("Analyse again with this line");
    private final boolean canEdit;
    /** The ends clicked so far while drawing (pixels of the displayed frame), and when. */
    private double[] first, second;
    private double drawnAt = Double.NaN;

    /**
     * @param reanalyse asks for the video's analysis again with a scale source (the page shows its progress)
     */
    ScalePanel(OverlayPlayer player, Video video, Scale used, ScaleLines lines, boolean canEdit, Consumer<Scale.Source> reanalyse) {
        this.player = player;
        this.video = video;
        this.lines = lines;
        this.canEdit = canEdit;
        setPadding(false);
        setSpacing(false);
        setId("scale-panel");
        Span usedText = new Span(ScaleText.describe(used));
        usedText.setId("analysis-scale");
        usedText.getStyle().set("font-weight", "600");
        add(usedText);
        for (String warning : used.warnings()) {
            Span w = new Span(warning);
            w.addClassName("scale-warning");
            w.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))");
            add(w);
        }
        lineState.setId("scale-line-state");
        lineState.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        length.setId("scale-length");
        length.setAllowedCharPattern("[0-9.,]");
        length.setHelperText("e.g. 0.45 for a plate's diameter");
        length.setWidth("16em");
        save.setId("save-scale-line");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        draw.setId("draw-scale-line");
        draw.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        edit.setId("edit-scale-length");
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        remove.setId("remove-scale-line");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        analyse.setId("analyse-with-scale");
        analyse.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout buttons = new HorizontalLayout(draw, cancel, edit, remove, analyse);
        buttons.setAlignItems(FlexComponent.Alignment.CENTER);
        buttons.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout entry = new HorizontalLayout(length, save);
        entry.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(lineState, buttons, entry);

        draw.addClickListener(e -> {
            first = second = null;
            player.setPicking(true, OverlayPlayer.PICK_SCALE);
            lineState.setText("Click one end of something of known length on the video.");
            show(false);
            cancel.setVisible(true);
        });
        cancel.addClickListener(e -> {
            player.setPicking(false);
            first = second = null;
            refresh();
        });
        player.addPickListener(e -> {
            if (!OverlayPlayer.PICK_SCALE.equals(e.purpose())) return;
            if (first == null) {
                first = new double[] {e.x(), e.y()};
                drawnAt = e.t();
                lineState.setText("Now click its other end.");
                return;
            }
            second = new double[] {e.x(), e.y()};
            player.setPicking(false);
            lineState.setText(String.format(Locale.ROOT, "Line of %.0f px drawn. Enter its real length in metres and save.",
                    Math.hypot(second[0] - first[0], second[1] - first[1])));
            player.setScaleLine(json(first[0], first[1], second[0], second[1], ""));
            entry(true);
        });
        edit.addClickListener(e -> lines.of(video.id()).ifPresent(l -> {
            ScaleSpec.Line line = l.line();
            first = new double[] {line.x1(), line.y1()};
            second = new double[] {line.x2(), line.y2()};
            drawnAt = l.timeS() == null ? Double.NaN : l.timeS();
            length.setValue(ScaleText.metres(line.metres()));
            entry(true);
        }));
        save.addClickListener(e -> save());
        remove.addClickListener(e -> {
            lines.remove(video);
            Ui.success("Scale line removed. Analyses made with it keep their scale.");
            refresh();
        });
        analyse.addClickListener(e -> {
            try {
                reanalyse.accept(Scale.Source.LINE);
                lineState.setText("Being analysed again with this scale line; these results stay shown until the new ones are ready.");
            } catch (UserInputException ex) {
                Ui.error(ex.getMessage());
            }
        });
        refresh();
    }

    private void save() {
        length.setInvalid(false);
        try {
            double metres = parseMetres(length.getValue());
            if (first == null || second == null) throw new UserInputException("Click both ends of the line on the video first.", "scaleLine");
            ScaleLine stored = lines.draw(video, first[0], first[1], second[0], second[1], metres, drawnAt);
            first = second = null;
            Ui.success("Scale line saved: " + ScaleText.metres(stored.line().metres()) + " m.");
            refresh();
            lineState.setText(lineState.getText() + " Analyse again with it to get distances and speeds in metres.");
        } catch (UserInputException ex) {
            length.setErrorMessage(ex.getMessage());
            length.setInvalid(true);
        }
    }

    /** The stored line, drawn on the video with its length, and the buttons that fit it. */
    private void refresh() {
        Optional<ScaleLine> now = lines.of(video.id());
        entry(false);
        cancel.setVisible(false);
        show(now.isPresent());
        if (now.isEmpty()) {
            player.setScaleLine(null);
            lineState.setText(canEdit ? "No scale line drawn. Pause where something of known length lies in the plane of the movement,"
                    + " then draw a line along it." : "No scale line drawn on this video.");
            return;
        }
        ScaleSpec.Line line = now.get().line();
        player.setScaleLine(json(line.x1(), line.y1(), line.x2(), line.y2(), ScaleText.metres(line.metres()) + " m"));
        lineState.setText(String.format(Locale.ROOT, "Scale line: %s m over %.0f px (%.4f m/px)%s%s.", ScaleText.metres(line.metres()),
                line.lengthPx(), line.metresPerPx(),
                now.get().timeS() == null ? "" : String.format(Locale.ROOT, ", drawn at %.2f s", now.get().timeS()),
                now.get().createdBy() == null ? "" : " by " + now.get().createdBy()));
    }

    private void show(boolean hasLine) {
        draw.setText(hasLine ? "Draw again…" : "Draw a scale line…");
        draw.setVisible(canEdit);
        edit.setVisible(canEdit && hasLine);
        remove.setVisible(canEdit && hasLine);
        analyse.setVisible(canEdit && hasLine);
    }

    private void entry(boolean on) {
        length.setVisible(on);
        save.setVisible(on);
        if (on) length.focus();
        else length.setInvalid(false);
    }

    static double parseMetres(String text) {
        if (text == null || text.isBlank()) throw new UserInputException("Enter the line's real length in metres, e.g. 0.45.", "scaleLine");
        try {
            return Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new UserInputException("“" + text.trim() + "” is not a length. Enter it in metres, e.g. 0.45.", "scaleLine");
        }
    }

    private static String json(double x1, double y1, double x2, double y2, String label) {
        return JSON.createObjectNode().put("x1", x1).put("y1", y1).put("x2", x2).put("y2", y2).put("label", label).toString();
    }
}
