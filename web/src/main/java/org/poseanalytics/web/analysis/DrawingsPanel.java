package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.ScaleText;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.Video;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Drawing and measuring on a paused frame (issue 19): the clinician presses what to draw, then clicks on the frame: a line, an angle (three clicks, the middle one its vertex, the angle
 * written), a distance (two clicks, in metres when the analysis has a scale, else in pixels and said so) or a text (one
 * click). Each is saved at the frame's time, drawn on the video near that time while it plays, and listed (a click plays
 * from there); clinicians change a drawing's text or delete it, viewers see them.
 */
class DrawingsPanel extends VerticalLayout {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OverlayPlayer player;
    private final Video video;
    private final FrameDrawings drawings;
    private final Scale scale;
    private final Grid<FrameDrawing> grid = new Grid<>();
    private final Span empty = new Span("No drawings on this video yet.");
    private final Span state = new Span();
    private final TextField label = new TextField("Text");
    private FrameDrawing.Kind kind = FrameDrawing.Kind.ANGLE;
    private final Button saveText = new Button("Save text");
    private final Button cancel = new Button("Cancel");
    private final List<FrameDrawing.Point> clicks = new ArrayList<>();
    private double clickedAt = Double.NaN;
    private FrameDrawing editing;

    DrawingsPanel(OverlayPlayer player, Video video, FrameDrawings drawings, Scale scale, boolean canEdit) {
        this.player = player;
        this.video = video;
        this.drawings = drawings;
        this.scale = scale;
        setPadding(false);
        setSpacing(false);
        setId("drawings-panel");
        Span unit = new Span(scale != null && scale.known() ? "Distances in metres (" + ScaleText.describe(scale) + ")."
                : "No scale: distances in pixels. Draw a scale line above to measure in metres.");
        unit.setId("drawing-unit");
        unit.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        grid.setId("drawings");
        grid.addColumn(FrameDrawing::when).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.kind().label()).setHeader("Drawing").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> Ui.orDash(d.value(scale))).setHeader("Value").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(FrameDrawing::label).setHeader("Text").setFlexGrow(1);
        grid.addColumn(d -> Ui.orDash(d.createdBy())).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        if (canEdit) grid.addComponentColumn(d -> {
            Button edit = new Button(VaadinIcon.EDIT.create(), e -> edit(d));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.setAriaLabel("Change this drawing's text");
            edit.addClassName("edit-drawing");
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                drawings.delete(video, d.id());
                Ui.success("Drawing deleted.");
                refresh();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            delete.setAriaLabel("Delete this drawing");
            delete.addClassName("delete-drawing");
            return new HorizontalLayout(edit, delete);
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> UI.getCurrent().getPage().executeJs("document.getElementById($0).seek($1)",
                player.getId().orElseThrow(), e.getItem().timeS() + 0.001));
        add(unit, empty, grid);

        label.setId("drawing-label");
        label.setMaxLength(FrameDrawings.MAX_LABEL);
        label.setPlaceholder("optional, e.g. knee at landing");
        label.setWidth("min(100%, 22em)");
        // One button per kind: a click on it, then the clicks on the frame.
        HorizontalLayout starts = new HorizontalLayout();
        for (FrameDrawing.Kind k : FrameDrawing.Kind.values()) {
            Button b = new Button(k.label(), VaadinIcon.PENCIL.create(), e -> begin(k));
            b.setId("draw-" + k.code());
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
            starts.add(b);
        }
        saveText.setId("drawing-save-text");
        saveText.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        saveText.addClickListener(e -> saveText());
        saveText.setVisible(false);
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        cancel.addClickListener(e -> stop(""));
        cancel.setVisible(false);
        state.setId("drawing-state");
        state.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout form = new HorizontalLayout(label, starts, saveText, cancel);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        form.setVisible(canEdit);
        state.setVisible(canEdit);
        add(form, state);

        player.addPickListener(e -> {
            if (!OverlayPlayer.PICK_DRAW.equals(e.purpose())) return;
            if (clicks.isEmpty()) clickedAt = e.t();
            clicks.add(new FrameDrawing.Point(e.x(), e.y()));
            FrameDrawing.Kind k = kind;
            if (clicks.size() < k.points()) {
                state.setText(clickHint(k, clicks.size()));
                return;
            }
            try {
                FrameDrawing d = drawings.add(video, clickedAt, k, List.copyOf(clicks), label.getValue());
                stop(d.kind().label() + " saved at " + d.when() + (d.value(scale).isEmpty() ? "." : ": " + d.value(scale) + "."));
                label.clear();
                refresh();
            } catch (UserInputException ex) {
                stop("");
                label.setErrorMessage(ex.getMessage());
                label.setInvalid(true);
            }
        });
        refresh();
    }

    private void begin(FrameDrawing.Kind k) {
        kind = k;
        editing = null;
        saveText.setVisible(false);
        label.setInvalid(false);
        clicks.clear();
        player.pause();
        player.setPicking(true, OverlayPlayer.PICK_DRAW);
        cancel.setVisible(true);
        state.setText(clickHint(k, 0));
    }

    private static String clickHint(FrameDrawing.Kind k, int done) {
        return switch (k) {
            case ANGLE -> new String[] {"Click the first end of the angle.", "Now click its vertex (e.g. the knee).", "Now click its other end."}[done];
            case LINE, DISTANCE -> done == 0 ? "Click where it starts." : "Now click where it ends.";
            case TEXT -> "Click where the text goes.";
        };
    }

    private void stop(String message) {
        player.setPicking(false);
        clicks.clear();
        cancel.setVisible(false);
        saveText.setVisible(false);
        editing = null;
        state.setText(message);
    }

    private void edit(FrameDrawing d) {
        stop("Change the text of the " + d.kind().label().toLowerCase() + " at " + d.when() + " and save it.");
        editing = d;
        label.setValue(d.label());
        saveText.setVisible(true);
        cancel.setVisible(true);
        label.focus();
    }

    private void saveText() {
        if (editing == null) return;
        label.setInvalid(false);
        try {
            drawings.relabel(video, editing.id(), label.getValue());
            Ui.success("Drawing changed.");
            label.clear();
            stop("");
            refresh();
        } catch (UserInputException ex) {
            label.setErrorMessage(ex.getMessage());
            label.setInvalid(true);
        }
    }

    private void refresh() {
        List<FrameDrawing> shown = drawings.of(video.id());
        grid.setItems(shown);
        grid.recalculateColumnWidths();
        grid.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
        ArrayNode a = JSON.createArrayNode();
        for (FrameDrawing d : shown) {
            var o = a.addObject().put("t", d.timeS()).put("kind", d.kind().code()).put("label", d.label()).put("value", d.value(scale));
            ArrayNode pts = o.putArray("pts");
            for (FrameDrawing.Point p : d.points()) pts.add(p.x()).add(p.y());
        }
        player.setDrawings(a.toString());
    }
}
