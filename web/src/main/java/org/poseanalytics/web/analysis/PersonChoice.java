package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.Video;

/**
 * Who was analysed when several people are in the video, and for clinicians the way to choose another: “Choose the
 * person…”, click them on the video (the nearest body at the frame shown, {@link PersonPicker}), then confirm
 * “Analyse person N instead”, which queues a re-analysis with that track as the subject. The current results stay
 * shown until the new ones are complete (the page's job panel shows the progress).
 */
class PersonChoice extends VerticalLayout {
    private final Span state = new Span();
    private final Button confirm = new Button();
    private final Button cancel = new Button("Cancel");
    private Integer picked;

    /**
     * @param people   every person followed in the video, the analysed one among them
     * @param onQueued told of the re-analysis job once it is queued
     */
    PersonChoice(Video video, Analysis analysis, List<TrackSeries> people, OverlayPlayer player, AnalysisJobs jobs,
                 boolean canEdit, Consumer<JobProgress> onQueued) {
        setPadding(false);
        setSpacing(false);
        setId("person-choice");
        Integer subject = analysis.subjectTrackId();
        Span note = new Span(people.size() + " people were seen in this video. ");
        note.setId("people-note");
        Span who = new Span(subject == null ? "?" : String.valueOf(subject));
        who.setId("subject-track");
        String how = analysis.subjectChosenByUser()
                ? "chosen by " + (analysis.requestedBy() == null ? "a user" : analysis.requestedBy())
                : "picked automatically as the person most in view and nearest the centre";
        Span rest = new Span(" is analysed (" + how + ") and drawn in green; the others are grey with their number."
                + (canEdit ? " If that is the wrong person, press “Choose the person…” and click the right one on the video."
                        : " A clinician can choose another person."));
        Span text = new Span(note, new Span("Person "), who, rest);
        text.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(text);
        if (!canEdit) return;

        Button choose = new Button("Choose the person…", VaadinIcon.USER_CHECK.create());
        choose.setId("choose-person");
        choose.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        state.setId("person-pick-state");
        confirm.setId("confirm-person");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        reset(player);
        HorizontalLayout row = new HorizontalLayout(choose, state, confirm, cancel);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.getStyle().set("flex-wrap", "wrap");
        add(row);

        choose.addClickListener(e -> {
            reset(player);
            player.setPicking(true, OverlayPlayer.PICK_PERSON);
            cancel.setVisible(true);
            state.setText("Pause where the person is in view, then click them on the video.");
        });
        cancel.addClickListener(e -> {
            player.setPicking(false);
            reset(player);
        });
        player.addPickListener(e -> {
            if (!OverlayPlayer.PICK_PERSON.equals(e.purpose())) return;
            Optional<PersonPicker.Pick> pick = PersonPicker.at(people, e.x(), e.y(), e.t(), video.width(), video.height());
            if (pick.isEmpty()) {
                state.setText("Nobody is drawn there at this moment: click on a person's skeleton.");
                return;
            }
            int id = pick.get().trackId();
            if (subject != null && id == subject) {
                state.setText("Person " + id + " is the analysed person already. Click another person.");
                player.setHighlight(null);
                confirm.setVisible(false);
                return;
            }
            picked = id;
            player.setPicking(false);
            player.setHighlight(id);
            state.setText("Person " + id + " (in yellow).");
            confirm.setText("Analyse person " + id + " instead");
            confirm.setVisible(true);
            cancel.setVisible(true);
        });
        confirm.addClickListener(e -> {
            if (picked == null) return;
            try {
                // Same model and template as the shown results, so only the person changes (a guessed template is
                // guessed again: the new person may do another movement), and the same scale source.
                JobProgress job = jobs.analyseAgain(video.id(), analysis.model(), analysis.exerciseGuessed() ? null : analysis.exercise(), picked,
                        analysis.scale().source());
                int id = picked;
                reset(player);
                state.setText("Person " + id + " is being analysed; these results stay shown until the new ones are ready.");
                onQueued.accept(job);
            } catch (UserInputException ex) {
                Ui.error(ex.getMessage());
            }
        });
    }

    private void reset(OverlayPlayer player) {
        picked = null;
        player.setHighlight(null);
        state.setText("");
        confirm.setVisible(false);
        cancel.setVisible(false);
    }
}
