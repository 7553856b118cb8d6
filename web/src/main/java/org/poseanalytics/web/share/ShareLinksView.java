package org.poseanalytics.web.share;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.PermitAll;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.InviteLinks;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.poseanalytics.web.analysis.VideoAnalysisService;

/**
 * A subject's links for the patient: clinicians make one (the progress page or one analysed video's report, days valid,
 * optional PIN), see it once to copy, and withdraw any; viewers see the list. {@code ?video=ID} preselects that report.
 */
@Route("subjects/:subjectId/share")
@PermitAll
public class ShareLinksView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** What a link can show: the progress page (no video) or one video's report. */
    record Target(Long videoId, String label) {}

    private final ShareLinks links;
    private final SubjectService subjects;
    private final SessionService sessions;
    private final VideoService videos;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final InviteLinks addresses;
    private final VideoAnalysisService analyses;
    private final Grid<ShareLink> grid = new Grid<>();
    private Subject subject;

    public ShareLinksView(ShareLinks links, SubjectService subjects, SessionService sessions, VideoService videos,
                          AuditService audit, CurrentUser currentUser, InviteLinks addresses,
                          VideoAnalysisService analyses) {
        this.analyses = analyses;
        this.links = links;
        this.subjects = subjects;
        this.sessions = sessions;
        this.videos = videos;
        this.audit = audit;
        this.currentUser = currentUser;
        this.addresses = addresses;
        setMaxWidth("1100px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("subjectId").orElseThrow());
        subject = subjects.get(id);
        audit.viewed(id, null, "share links page");
        Long preselect = event.getLocation().getQueryParameters().getSingleParameter("video").map(v -> {
            try { return Long.parseLong(v); } catch (NumberFormatException e) { return null; }
        }).orElse(null);
        render(preselect);
    }

    @Override
    public String getPageTitle() { return subject == null ? "Share · Pose Analytics" : "Share: " + subject.displayName() + " · Pose Analytics"; }

    private void render(Long preselect) {
        removeAll();
        H2 title = new H2("Share with " + subject.displayName());
        title.setId("share-links-title");
        add(new Anchor("subjects/" + subject.id(), "← " + subject.displayName()), title,
                new Paragraph("A link opens one report or the progress page, read-only, without an account, until it expires or you "
                        + "withdraw it. Every opening is in the audit log."));
        if (currentUser.has(Role.CLINICIAN)) add(form(preselect));
        grid.removeAllColumns(); // the same view may be entered again for another subject
        grid.addColumn(ShareLink::what).setHeader("Shows").setAutoWidth(true);
        grid.addColumn(l -> l.state(OffsetDateTime.now())).setHeader("State").setAutoWidth(true);
        grid.addColumn(l -> WHEN.format(l.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(l -> l.hasPin() ? "yes" : "no").setHeader("PIN");
        grid.addColumn(l -> WHEN.format(l.createdAt()) + (l.createdBy() == null ? "" : " by " + l.createdBy())).setHeader("Made").setAutoWidth(true);
        if (currentUser.has(Role.CLINICIAN)) {
            grid.addComponentColumn(l -> {
                Button revoke = new Button("Withdraw", e -> {
                    links.revoke(l.id());
                    refresh();
                });
                revoke.setId("revoke-" + l.id());
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                revoke.setEnabled(l.revokedAt() == null);
                return revoke;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true); // withdrawing stays in reach on a narrow screen
        }
        grid.setId("share-links");
        grid.setAllRowsVisible(true);
        add(new H3("Links"), grid);
        refresh();
    }

    private VerticalLayout form(Long preselect) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(null, "Progress page"));
        for (Session s : sessions.listForSubject(subject.id())) {
            for (Video v : videos.listForSession(s.id())) {
                if (analyses.latestId(v.id()).isPresent()) {
                    targets.add(new Target(v.id(), "Report: " + s.date() + " · " + s.exercise().label() + " · " + v.originalName()));
                }
            }
        }
        Select<Target> what = new Select<>();
        what.setLabel("What to share");
        what.setItems(targets);
        what.setItemLabelGenerator(Target::label);
        what.setValue(targets.stream().filter(t -> preselect != null && preselect.equals(t.videoId())).findFirst().orElse(targets.getFirst()));
        what.setId("share-what");
        what.setWidth("min(100%, 32em)");
        IntegerField days = new IntegerField("Valid for (days)");
        days.setValue(ShareLinks.DEFAULT_DAYS);
        days.setMin(1);
        days.setMax(ShareLinks.MAX_DAYS);
        days.setId("share-days");
        TextField pin = new TextField("PIN (optional)");
        pin.setHelperText("4–8 digits; tell it to the patient apart from the link");
        pin.setId("share-new-pin");
        TextField url = new TextField("Link (copy it now: it is shown only once)");
        url.setId("share-url");
        url.setReadOnly(true);
        url.setWidthFull();
        url.setVisible(false);
        Button create = new Button("Create link", e -> {
            try {
                CreatedShareLink made = links.create(subject.id(), what.getValue().videoId(),
                        days.getValue() == null ? ShareLinks.DEFAULT_DAYS : days.getValue(), pin.getValue());
                url.setValue(addresses.to(made.path(), VaadinServletRequest.getCurrent().getHttpServletRequest()));
                url.setVisible(true);
                pin.clear();
                pin.setInvalid(false);
                refresh();
            } catch (UserInputException ex) {
                pin.setInvalid(true);
                pin.setErrorMessage(ex.getMessage());
            }
        });
        create.setId("share-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(what, days, pin, create);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return new VerticalLayout(row, url);
    }

    private void refresh() { grid.setItems(links.forSubject(subject.id())); }
}
