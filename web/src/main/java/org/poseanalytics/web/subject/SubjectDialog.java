package org.poseanalytics.web.subject;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.function.Function;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.DateInput;

/** Create or edit a subject; the dialog closes only once the service has accepted the input. */
class SubjectDialog extends Dialog {
    SubjectDialog(String title, Subject existing, Function<SubjectDetails, Subject> save, java.util.function.Consumer<Subject> onSaved) {
        setHeaderTitle(title);
        TextField name = new TextField("Name");
        name.setId("subject-name");
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("Full name, initials or a pseudonym");
        TextField externalId = new TextField("External id (optional)");
        externalId.setId("subject-external-id");
        externalId.setHelperText("e.g. your patient record number");
        DatePicker birth = new DatePicker("Birth date (optional)");
        birth.setId("subject-birth-date");
        birth.setMax(LocalDate.now());
        DateInput.accept(birth, UI.getCurrent().getLocale());
        TextField sport = new TextField("Sport or condition (optional)");
        sport.setId("subject-sport");
        sport.setHelperText("e.g. football, ACL reconstruction, hip arthroplasty");
        RadioButtonGroup<InvolvedSide> side = new RadioButtonGroup<>("Involved side");
        side.setItems(InvolvedSide.values());
        side.setItemLabelGenerator(InvolvedSide::label);
        side.setValue(InvolvedSide.NONE);
        TextField height = new TextField("Standing height in m (optional)");
        height.setId("subject-height");
        height.setHelperText("e.g. 1.75; scales distances to metres when no line was drawn on the video");
        height.setAllowedCharPattern("[0-9.,]");
        TextArea notes = new TextArea("Notes (optional)");
        notes.setMaxLength(4000);

        if (existing != null) {
            name.setValue(existing.displayName());
            externalId.setValue(existing.externalId() == null ? "" : existing.externalId());
            birth.setValue(existing.birthDate());
            sport.setValue(existing.sportOrCondition() == null ? "" : existing.sportOrCondition());
            side.setValue(existing.involvedSide());
            notes.setValue(existing.notes() == null ? "" : existing.notes());
            height.setValue(existing.heightM() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", existing.heightM()));
        }
        FormLayout form = new FormLayout(name, externalId, birth, sport, height, side, notes);
        form.setColspan(side, 2);
        form.setColspan(notes, 2);
        add(form);

        Button ok = new Button(existing == null ? "Add subject" : "Save", e -> {
            try {
                if (birth.isInvalid()) {
                    throw new UserInputException("Not a date. " + DateInput.hint(UI.getCurrent().getLocale()) + ", or leave it empty.", "birthDate");
                }
                Subject saved = save.apply(new SubjectDetails(name.getValue(), externalId.getValue(), birth.getValue(),
                        sport.getValue(), side.getValue(), notes.getValue(), Heights.parse(height.getValue())));
                close();
                onSaved.accept(saved);
            } catch (UserInputException ex) {
                HasValidationProperties at = "birthDate".equals(ex.field()) ? birth : "heightM".equals(ex.field()) ? height : name;
                at.setErrorMessage(ex.getMessage());
                at.setInvalid(true);
            }
        });
        ok.setId("save-subject");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
        setWidth("40em");
    }
}
