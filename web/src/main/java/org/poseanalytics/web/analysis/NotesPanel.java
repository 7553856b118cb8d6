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
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.chart.Marker;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.Video;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Notes on the video's timeline ("knee valgus on landing"): listed with their time (a click plays from there), ticked
 * above the video and written on it near their time, and marked on the angle chart. Clinicians add one at the frame
 * shown (or over a span), edit and delete them; viewers read them.
 */
class NotesPanel extends VerticalLayout {
    static final String COLOR = "#1971c2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OverlayPlayer player;
    private final Video video;
    private final TimelineNotes notes;
    private final Runnable changed;
    private final Grid<TimelineNote> grid = new Grid<>();
    private final Span empty = new Span("No notes on this video yet.");
    private final TextField text = new TextField("Note");
    private final NumberField from = new NumberField("At (s)");
    private final NumberField to = new NumberField("Until (s, optional)");
    private final Button save = new Button("Add note");
    private final Button cancel = new Button("Cancel");
    private List<TimelineNote> shown = List.of();
    private TimelineNote editing;

    /** @param changed called after a note is added, changed or deleted (the chart's markers follow) */
    NotesPanel(OverlayPlayer player, Video video, TimelineNotes notes, boolean canEdit, Runnable changed) {
        this.player = player;
        this.video = video;
        this.notes = notes;
        this.changed = changed;
        setPadding(false);
        setSpacing(false);
        setId("notes-panel");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        grid.setId("notes");
        grid.addColumn(TimelineNote::when).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TimelineNote::body).setHeader("Note").setFlexGrow(1);
        grid.addColumn(n -> Ui.orDash(n.createdBy())).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        if (canEdit) grid.addComponentColumn(n -> {
            Button edit = new Button(VaadinIcon.EDIT.create(), e -> edit(n));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.setAriaLabel("Edit this note");
            edit.addClassName("edit-note");
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                notes.delete(video, n.id());
                Ui.success("Note deleted.");
                changed();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            delete.setAriaLabel("Delete this note");
            delete.addClassName("delete-note");
            return new HorizontalLayout(edit, delete);
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> UI.getCurrent().getPage().executeJs("document.getElementById($0).seek($1)",
                player.getId().orElseThrow(), e.getItem().startS() + 0.001));
        add(empty, grid);

        text.setId("note-text");
        text.setMaxLength(TimelineNotes.MAX_LENGTH);
        text.setPlaceholder("e.g. knee valgus on landing");
        text.setWidth("min(100%, 28em)");
        from.setId("note-from");
        from.setWidth("7em");
        from.setStep(0.01);
        to.setId("note-to");
        to.setWidth("9em");
        Button now = new Button("At the frame shown", VaadinIcon.CLOCK.create(), e -> player.currentTime(t -> from.setValue(Math.round(t * 100) / 100.0)));
        now.setId("note-now");
        now.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        save.setId("save-note");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.addClickListener(e -> save());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        cancel.addClickListener(e -> clear());
        cancel.setVisible(false);
        HorizontalLayout form = new HorizontalLayout(text, from, now, to, save, cancel);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        form.setVisible(canEdit);
        add(form);
        refresh();
    }

    private void save() {
        text.setInvalid(false);
        try {
            if (from.getValue() == null) throw new UserInputException("Give the note's time: pause where it belongs and press “At the frame shown”.", "note");
            if (editing == null) notes.add(video, from.getValue(), to.getValue(), text.getValue());
            else notes.change(video, editing.id(), from.getValue(), to.getValue(), text.getValue());
            Ui.success(editing == null ? "Note added." : "Note changed.");
            clear();
            changed();
        } catch (UserInputException ex) {
            text.setErrorMessage(ex.getMessage());
            text.setInvalid(true);
        }
    }

    private void edit(TimelineNote n) {
        editing = n;
        text.setValue(n.body());
        from.setValue(n.startS());
        to.setValue(n.endS());
        save.setText("Save note");
        cancel.setVisible(true);
        text.focus();
    }

    private void clear() {
        editing = null;
        text.clear();
        to.clear();
        save.setText("Add note");
        cancel.setVisible(false);
    }

    private void refresh() {
        shown = notes.of(video.id());
        grid.setItems(shown);
        grid.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
        ArrayNode a = JSON.createArrayNode();
        for (TimelineNote n : shown) {
            var o = a.addObject().put("t", n.startS()).put("text", n.body());
            if (n.endS() == null) o.putNull("to"); else o.put("to", n.endS());
        }
        player.setNotes(a.toString());
    }

    /** After a note was added, changed or deleted: the list and the video show it, then the chart. */
    private void changed() {
        refresh();
        changed.run();
    }

    /** The notes on the angle chart: a line at each, a faint band over a span. */
    List<Marker> markers() {
        return shown.stream().map(n -> new Marker(n.body().length() > 24 ? n.body().substring(0, 23) + "…" : n.body(), n.startS(), n.startS(),
                n.endS() == null ? n.startS() : n.endS(), COLOR)).toList();
    }
}
