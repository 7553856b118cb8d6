package org.poseanalytics.web.share;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.poseanalytics.web.progress.ProgressService;
import org.poseanalytics.web.report.ExportService;
import org.poseanalytics.web.subject.SubjectService;

/**
 * What a patient sees when opening a shared link: the one session report or progress page it names, without the app's
 * frame, menu or any link into the app, laid out for a phone. Expired, withdrawn and unknown links all get the same
 * page; a link with a PIN asks for it first (a reload asks again: nothing is remembered in the browser).
 */
@Route(value = SharedView.ROUTE, autoLayout = false)
@PageTitle("Shared by your clinic · Pose Analytics")
@AnonymousAllowed
public class SharedView extends VerticalLayout implements HasUrlParameter<String> {
    /** The one public path ({@code /share/{token}}), permitted by itself in {@code account/SecurityConfig}. */
    public static final String ROUTE = "share";

    private final ShareLinks links;
    private final ExportService exports;
    private final ProgressService progress;
    private final SubjectService subjects;
    private String clientAddress = "unknown";

    public SharedView(ShareLinks links, ExportService exports, ProgressService progress, SubjectService subjects) {
        this.links = links;
        this.exports = exports;
        this.progress = progress;
        this.subjects = subjects;
        setId("shared-page");
        setMaxWidth("42rem");
        setPadding(true);
        getStyle().set("margin", "0 auto").set("box-sizing", "border-box").set("overflow-wrap", "anywhere");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        removeAll();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) clientAddress = request.getRemoteAddr();
        Optional<OpenLink> open = links.find(token);
        if (open.isEmpty() || !links.usable(open.get())) {
            if (open.isPresent() && open.get().link().locked() && open.get().link().revokedAt() == null) locked();
            else gone();
            return;
        }
        if (open.get().link().hasPin()) askPin(open.get());
        else show(open.get());
    }

    private void askPin(OpenLink open) {
        PasswordField pin = new PasswordField("PIN");
        pin.setId("share-pin");
        pin.setHelperText("Your clinician gave you this PIN with the link.");
        pin.getElement().setAttribute("inputmode", "numeric");
        Button go = new Button("Open", e -> {
            switch (links.checkPin(open, pin.getValue())) {
                case ACCEPTED -> show(open);
                case WRONG -> {
                    pin.clear(); // before marking it: clearing validates the field again
                    pin.setErrorMessage("Wrong PIN. After " + ShareLinks.MAX_FAILED_PINS + " wrong PINs the link locks.");
                    pin.setInvalid(true);
                }
                case LOCKED -> locked();
                case GONE -> gone();
            }
        });
        go.setId("share-open");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        add(title("Enter your PIN"), new Paragraph("This page was shared with you by " + open.clinicName() + "."), pin, go);
    }

    private void show(OpenLink open) {
        removeAll();
        if (!links.usable(open)) {
            gone();
            return;
        }
        ShareLink link = open.link();
        Component content = link.report()
                ? SharedReport.of(links.readAs(open, () -> exports.sessionReport(link.videoId())))
                : SharedProgress.of(links.readAs(open, () -> subjects.get(link.subjectId()).displayName()), open.clinicName(),
                        links.readAs(open, () -> progress.trends(link.subjectId())));
        links.viewed(open, clientAddress);
        add(content, new Paragraph("Read-only copy, shared until " + link.expiresAt().toLocalDate() + ". Ask your clinician if something is unclear."));
    }

    private void gone() {
        removeAll();
        H2 title = title("This link has expired or was withdrawn");
        add(title, new Paragraph("Ask your clinician for a new link."));
    }

    private void locked() {
        removeAll();
        add(title("This link is locked"), new Paragraph("The PIN was entered wrongly too many times. Ask your clinician for a new link."));
    }

    private static H2 title(String text) {
        H2 h = new H2(text);
        h.setId("shared-title");
        return h;
    }
}
