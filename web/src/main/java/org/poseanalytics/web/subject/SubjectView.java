package org.poseanalytics.web.subject;

import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.kinematics.exercise.Exercise;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.ui.Ui;

/** One athlete or patient: details and sessions. */
@Route("subjects")
@PermitAll
public class SubjectView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
    private final SubjectService subjects;
    private final SessionService sessions;
    private final AuditService audit;
    private final boolean canEdit;
    private Subject subject;

    public SubjectView(SubjectService subjects, SessionService sessions, AuditService audit, CurrentUser currentUser) {
        this.subjects = subjects;
        this.audit = audit;
        this.sessions = sessions;
        this.canEdit = currentUser.has(Role.CLINICIAN);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        subject = subjects.get(id);
        audit.viewed(id, null, "subject page");
        render();
    }

    @Override
    public String getPageTitle() { return (subject == null ? "Subject" : subject.displayName()) + " · Pose Analytics"; }

    private void render() {
        removeAll();
        Anchor back = new Anchor("", "← All subjects");
        H2 title = new H2(subject.displayName());
        title.setId("subject-title");
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> new SubjectDialog("Edit subject", subject,
                d -> subjects.update(subject.id(), d), s -> { subject = s; render(); Ui.success("Saved."); }).open());
        edit.setId("edit-subject");
        Button delete = new Button("Delete…", VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("delete-subject");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        edit.setVisible(canEdit);
        delete.setVisible(canEdit);
        HorizontalLayout head = new HorizontalLayout(title, edit, delete);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);

        Div facts = new Div();
        fact(facts, "External id", subject.externalId());
        fact(facts, "Birth date", subject.birthDate());
        fact(facts, "Sport or condition", subject.sportOrCondition());
        fact(facts, "Involved side", subject.involvedSide().label());
        fact(facts, "Standing height", Heights.format(subject.heightM()));
        fact(facts, "Notes", subject.notes());
        facts.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");

        Button newSession = new Button("New session", VaadinIcon.PLUS.create(), e -> new SessionDialog(null,
                d -> sessions.create(subject.id(), d), s -> getUI().ifPresent(ui -> ui.navigate("sessions/" + s.id()))).open());
        newSession.setId("new-session");
        newSession.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newSession.setVisible(canEdit);
        HorizontalLayout sessionsHead = new HorizontalLayout(new H3("Sessions"), newSession);
        sessionsHead.setAlignItems(FlexComponent.Alignment.BASELINE);

        // Progress across visits (issue 7): one chart per metric, by session date.
        com.vaadin.flow.component.html.Anchor progress = new com.vaadin.flow.component.html.Anchor(
                "subjects/" + subject.id() + "/progress", "Progress across sessions →");
        progress.setId("to-progress");
        // Read-only links for the patient (issue 19): the share package's page, above this one, reached by URL.
        com.vaadin.flow.component.html.Anchor share = new com.vaadin.flow.component.html.Anchor(
                "subjects/" + subject.id() + "/share", "Share with the patient →");
        share.setId("to-share");
        add(back, head, facts, new HorizontalLayout(progress, share), sessionsHead);
        List<Session> list = sessions.listForSubject(subject.id());
        if (list.isEmpty()) {
            add(Ui.emptyState("No sessions yet", canEdit
                    ? "Record one with “New session”: pick the date and the exercise, then upload its videos."
                    : "Sessions appear here once a clinician records them."));
        } else {
            Grid<Session> grid = new Grid<>();
            grid.setId("sessions");
            grid.addColumn(Session::date).setHeader("Date");
            grid.addColumn(s -> s.exercise().label()).setHeader("Exercise");
            grid.addColumn(Session::videos).setHeader("Videos");
            grid.addColumn(s -> Ui.orDash(s.notes())).setHeader("Notes").setFlexGrow(3);
            grid.setItems(list);
            Ui.fitRows(grid, list.size());
            grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("sessions/" + e.getItem().id())));
            add(grid);
        }
    }

    private void confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Delete " + subject.displayName() + "?");
        dialog.setText("This erases the subject with all sessions and videos, including the video files. It cannot be undone. "
                + "The audit log keeps a record that you did it.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete everything");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            subjects.delete(subject.id());
            Ui.success(subject.displayName() + " and all their sessions and videos were deleted.");
            getUI().ifPresent(ui -> ui.navigate(SubjectsView.class));
        });
        dialog.open();
    }

    static void fact(Div facts, String label, Object value) {
        Div l = new Div(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div v = new Div(Ui.orDash(value));
        v.getStyle().set("white-space", "pre-wrap");
        facts.add(l, v);
    }
}
