package org.poseanalytics.web.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poseanalytics.web.ui.Ui;

/**
 * The clinic's audit log for its admins: who read or changed which subject's data, who managed which user, who signed
 * in, newest first; filtered by dates, user, action and subject id, and downloadable as CSV with the same filter.
 */
@Route("audit")
@Menu(title = "Audit log", order = 3, icon = "vaadin:list")
@PageTitle("Audit log · Pose Analytics")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final int SHOWN = 1000;

    private final AuditService audit;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final ComboBox<String> user = new ComboBox<>("User");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final IntegerField subject = new IntegerField("Subject id");
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Paragraph count = new Paragraph();
    private final Anchor csv = new Anchor("", "Download CSV");

    public AuditView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        Paragraph about = new Paragraph("Who read or changed which subject's data, managed users or signed in, newest first. "
                + "Subjects and videos are named by id (an erased subject leaves no name here); entries stay after an erasure. "
                + "Downloading the CSV is recorded too.");
        about.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Audit log"), about);

        from.setId("audit-from");
        to.setId("audit-to");
        user.setId("audit-user");
        user.setItems(audit.usernames());
        user.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setItems(Arrays.asList(AuditAction.values()));
        action.setItemLabelGenerator(AuditAction::code);
        action.setClearButtonVisible(true);
        subject.setId("audit-subject");
        subject.setMin(1);
        subject.setClearButtonVisible(true);
        Button clear = new Button("Clear", e -> { from.clear(); to.clear(); user.clear(); action.clear(); subject.clear(); });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        csv.setId("audit-csv");
        csv.getElement().setAttribute("download", true);
        csv.getElement().setAttribute("router-ignore", true);
        HorizontalLayout filters = new HorizontalLayout(from, to, user, action, subject, clear, csv);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        user.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        subject.addValueChangeListener(e -> refresh());

        grid.setId("audit");
        grid.addColumn(e -> TIME.format(e.at().atZoneSameInstant(ZoneId.systemDefault()))).setHeader("When").setWidth("11em").setFlexGrow(0);
        grid.addColumn(AuditEvent::username).setHeader("User").setFlexGrow(1);
        grid.addColumn(e -> e.action().code()).setHeader("Action").setWidth("10em").setFlexGrow(0);
        grid.addColumn(e -> e.subjectId() == null ? "—" : String.valueOf(e.subjectId())).setHeader("Subject").setWidth("6em").setFlexGrow(0);
        grid.addColumn(e -> e.videoId() == null ? "—" : String.valueOf(e.videoId())).setHeader("Video").setWidth("6em").setFlexGrow(0);
        grid.addColumn(e -> Ui.orDash(e.detail())).setHeader("What").setFlexGrow(3);
        count.setId("audit-count");
        add(filters, count, grid);
        refresh();
    }

    AuditFilter filter(int limit) {
        return new AuditFilter(from.getValue(), to.getValue(), user.getValue(), action.getValue(),
                subject.getValue() == null ? null : subject.getValue().longValue(), limit);
    }

    private void refresh() {
        List<AuditEvent> events = audit.search(filter(SHOWN));
        grid.setItems(events);
        count.setText(events.isEmpty() ? "No entries match." : events.size() == SHOWN
                ? "The latest " + SHOWN + " matching entries; narrow the filter or download the CSV for all."
                : events.size() + " matching entries.");
        csv.setHref(csvUrl(filter(SHOWN)));
    }

    /** The CSV download with the page's filter, relative to the app's base. */
    static String csvUrl(AuditFilter f) {
        List<String> q = new ArrayList<>();
        if (f.from() != null) q.add("from=" + f.from());
        if (f.to() != null) q.add("to=" + f.to());
        if (f.username() != null) q.add("user=" + URLEncoder.encode(f.username(), StandardCharsets.UTF_8));
        if (f.action() != null) q.add("action=" + f.action().code());
        if (f.subjectId() != null) q.add("subject=" + f.subjectId());
        return AuditCsvController.PATH.substring(1) + (q.isEmpty() ? "" : "?" + String.join("&", q));
    }
}
