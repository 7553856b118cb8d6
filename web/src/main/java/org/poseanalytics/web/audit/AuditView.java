package org.poseanalytics.web.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.poseanalytics.web.ui.Ui;

/** The clinic's audit trail of patient media: who viewed, uploaded, exported or deleted what, and when. */
@Route("audit")
@Menu(title = "Audit log", order = 3, icon = "vaadin:list")
@PageTitle("Audit log · Pose Analytics")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int SHOWN = 1000;

    public AuditView(AuditService audit) {
        setSizeFull();
        List<AuditEvent> events = audit.latest(SHOWN);
        Paragraph about = new Paragraph("Who viewed, uploaded, exported or deleted which subject's media, newest first (the latest "
                + SHOWN + " entries). Entries stay after a subject is erased.");
        about.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Audit log"), about);
        if (events.isEmpty()) {
            add(Ui.emptyState("Nothing recorded yet", "Entries appear when someone uploads, views or deletes a video."));
            return;
        }
        Grid<AuditEvent> grid = new Grid<>();
        grid.setId("audit");
        grid.addColumn(e -> TIME.format(e.at().atZoneSameInstant(java.time.ZoneId.systemDefault()))).setHeader("When").setWidth("11em").setFlexGrow(0);
        grid.addColumn(AuditEvent::username).setHeader("User").setFlexGrow(1);
        grid.addColumn(e -> e.action().code()).setHeader("Action").setWidth("7em").setFlexGrow(0);
        grid.addColumn(e -> Ui.orDash(e.subjectName())).setHeader("Subject").setFlexGrow(1);
        grid.addColumn(e -> Ui.orDash(e.detail())).setHeader("What").setFlexGrow(3);
        grid.setItems(events);
        add(grid);
    }
}
