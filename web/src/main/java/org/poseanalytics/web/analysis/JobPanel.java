package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.web.ui.ScaleText;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.Video;

/**
 * A video's analysis job on a page: state, stage, a live progress bar with the time left, the reason of a failure,
 * and for clinicians “Cancel” while it runs and “Analyse again…” (another model or exercise template) otherwise.
 * Updates arrive by server push ({@link JobProgressPush#follow}) from whichever node runs the job.
 */
public class JobPanel extends VerticalLayout {
    private final AnalysisJobs jobs;
    private final Video video;
    private final boolean canEdit;
    private final Consumer<JobProgress> onChange;
    private final Span text = new Span();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Button cancel = new Button("Cancel analysis");
    private final Button again = new Button("Analyse again…");
    private JobProgress current;

    /** @param onChange also told of every change (e.g. to refresh a status badge or a results link) */
    public JobPanel(AnalysisJobs jobs, JobProgressPush push, CurrentUser currentUser, Video video, Consumer<JobProgress> onChange) {
        this.jobs = jobs;
        this.video = video;
        this.canEdit = currentUser.has(Role.CLINICIAN);
        this.onChange = onChange;
        setPadding(false);
        setSpacing(false);
        addClassName("analysis-job");
        text.addClassName("analysis-job-text");
        text.getStyle().set("font-size", "var(--lumo-font-size-s)");
        bar.setWidth("320px");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> cancel());
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        again.addClickListener(e -> openAnalyseAgain());
        again.addClassName("analyse-again");
        HorizontalLayout row = new HorizontalLayout(bar, cancel, again);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        add(text, row);
        show(jobs.latest(video.id()).orElse(null));
        push.follow(this, video.id(), current, this::show);
    }

    public void show(JobProgress p) {
        current = p;
        boolean active = p != null && p.state().active();
        bar.setVisible(active);
        if (active) {
            bar.setIndeterminate(p.state() == JobState.QUEUED);
            bar.setValue(Math.max(0, Math.min(1, p.fraction())));
        }
        text.setText(p == null ? "Not analysed yet." : p.describe());
        text.getStyle().set("color", p != null && p.state() == JobState.FAILED ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
        cancel.setVisible(canEdit && active);
        again.setVisible(canEdit && !active);
        if (p != null) onChange.accept(p);
    }

    private void cancel() {
        jobs.cancel(video.id()).ifPresent(this::show);
    }

    private void openAnalyseAgain() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Analyse “" + video.originalName() + "” again");
        Select<String> model = new Select<>();
        model.setLabel("Pose model");
        LinkedHashSet<String> models = new LinkedHashSet<>();
        models.add("");
        models.addAll(jobs.modelNames());
        model.setItems(new ArrayList<>(models));
        model.setItemLabelGenerator(m -> m.isEmpty() ? "Default of the workers" : m);
        model.setValue(current != null && current.model() != null ? current.model() : "");
        Select<String> exercise = new Select<>();
        exercise.setLabel("Exercise template");
        List<String> codes = new ArrayList<>();
        for (Exercise e : Exercise.values()) codes.add(e.id());
        exercise.setItems(codes);
        exercise.setItemLabelGenerator(c -> Exercise.parse(c).label());
        exercise.setValue(current != null && current.exercise() != null && codes.contains(current.exercise()) ? current.exercise() : codes.getFirst());
        Select<Scale.Source> scale = new Select<>();
        scale.setLabel("Distances and speeds");
        scale.setId("analyse-scale");
        scale.setItems(Scale.Source.values());
        scale.setItemLabelGenerator(ScaleText::sourceLabel);
        scale.setValue(jobs.defaultScaleSource(video.id()));
        Span note = new Span("The current results stay shown until the new analysis is complete; both are kept.");
        note.getStyle().set("font-size", "var(--lumo-font-size-s)");
        dialog.add(new VerticalLayout(model, exercise, scale, note));
        Button start = new Button("Analyse", e -> {
            try {
                show(jobs.analyseAgain(video.id(), model.getValue(), exercise.getValue(), null, scale.getValue()));
                dialog.close();
            } catch (UserInputException ex) {
                if ("scale".equals(ex.field())) {
                    scale.setErrorMessage(ex.getMessage());
                    scale.setInvalid(true);
                } else {
                    Ui.error(ex.getMessage());
                }
            }
        });
        start.setId("start-analysis");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), start);
        dialog.open();
    }
}
