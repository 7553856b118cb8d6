package org.poseanalytics.web.subject;

import org.poseanalytics.kinematics.exercise.Exercise;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.DateInput;

/** Create or edit a session: date (today by default), exercise, notes. */
public class SessionDialog extends Dialog {
    public SessionDialog(Session existing, Function<SessionDetails, Session> save, Consumer<Session> onSaved) {
        setHeaderTitle(existing == null ? "New session" : "Edit session");
        DatePicker date = new DatePicker("Date", existing == null ? LocalDate.now() : existing.date());
        date.setId("session-date");
        date.setRequiredIndicatorVisible(true);
        date.setMax(LocalDate.now().plusDays(1));
        DateInput.accept(date, UI.getCurrent().getLocale());
        ComboBox<Exercise> exercise = new ComboBox<>("Exercise");
        exercise.setId("session-exercise");
        exercise.setItems(Exercise.values());
        exercise.setItemLabelGenerator(Exercise::label);
        exercise.setRequiredIndicatorVisible(true);
        exercise.setHelperText(HELPER);
        // How to film the chosen exercise, under the field: the view decides which figures can be measured at all.
        exercise.addValueChangeListener(e -> exercise.setHelperText(filming(e.getValue())));
        TextArea notes = new TextArea("Notes (optional)");
        notes.setId("session-notes");
        notes.setMaxLength(4000);
        if (existing != null) {
            exercise.setValue(existing.exercise());
            notes.setValue(existing.notes() == null ? "" : existing.notes());
        }
        FormLayout form = new FormLayout(date, exercise, notes);
        form.setColspan(notes, 2);
        add(form);
        Button ok = new Button(existing == null ? "Create session" : "Save", e -> {
            try {
                if (date.isInvalid()) throw new UserInputException("Not a date. " + DateInput.hint(UI.getCurrent().getLocale()) + ".", "date");
                Session saved = save.apply(new SessionDetails(date.getValue(), exercise.getValue(), notes.getValue()));
                close();
                onSaved.accept(saved);
            } catch (UserInputException ex) {
                HasValidationProperties at = "date".equals(ex.field()) ? date : exercise;
                at.setErrorMessage(ex.getMessage());
                at.setInvalid(true);
            }
        });
        ok.setId("save-session");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
        setWidth("36em");
    }

    static final String HELPER = "What the videos of this session show; the analysis uses it";

    /** The exercise template's filming guidance ("Other" is the generic template), or the plain helper without one. */
    static String filming(Exercise e) {
        return e == null ? HELPER : "How to film it: " + e.filming();
    }
}
