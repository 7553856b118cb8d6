package org.poseanalytics.web.subject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.ui.Ui;

/** The start page: the clinic's athletes and patients. */
@Route("")
@RouteAlias("subjects")
@Menu(title = "Subjects", order = 1, icon = "vaadin:users")
@PageTitle("Subjects · Pose Analytics")
@PermitAll
public class SubjectsView extends VerticalLayout {
    private final SubjectService subjects;
    private final Grid<SubjectSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final VerticalLayout empty = new VerticalLayout();
    private final boolean canEdit;

    public SubjectsView(SubjectService subjects, CurrentUser currentUser) {
        this.subjects = subjects;
        this.canEdit = currentUser.has(Role.CLINICIAN);
        setSizeFull();

        search.setPlaceholder("Search by name, id, sport or condition");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("22em");
        search.addValueChangeListener(e -> refresh());

        Button add = new Button("New subject", VaadinIcon.PLUS.create(), e -> new SubjectDialog("New subject", null,
                subjects::create, s -> getUI().ifPresent(ui -> ui.navigate(SubjectView.class, s.id()))).open());
        add.setId("new-subject");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canEdit);

        HorizontalLayout toolbar = new HorizontalLayout(new H2("Subjects"), search, add);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);

        grid.addColumn(SubjectSummary::displayName).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(s -> Ui.orDash(s.externalId())).setHeader("External id");
        grid.addColumn(s -> Ui.orDash(s.sportOrCondition())).setHeader("Sport or condition").setFlexGrow(2);
        grid.addColumn(s -> s.involvedSide().label()).setHeader("Involved side");
        grid.addColumn(SubjectSummary::sessions).setHeader("Sessions");
        grid.addColumn(s -> Ui.orDash(s.lastSession())).setHeader("Last session");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SubjectView.class, e.getItem().id())));
        grid.setId("subjects");

        empty.setPadding(false);
        add(toolbar, empty, grid);
        refresh();
    }

    private void refresh() {
        List<SubjectSummary> list = subjects.list(search.getValue());
        grid.setItems(list);
        empty.removeAll();
        boolean none = list.isEmpty();
        if (none && search.getValue().isBlank()) {
            empty.add(Ui.emptyState("No athletes or patients yet",
                    canEdit ? "Add one with “New subject”. Then record a session for them and upload its videos."
                            : "A clinician of your clinic adds them; you will see them here."));
        } else if (none) {
            empty.add(Ui.emptyState("Nobody matches “" + search.getValue() + "”", "Try part of the name, or clear the search."));
        }
        empty.setVisible(none);
        grid.setVisible(!none);
    }
}
