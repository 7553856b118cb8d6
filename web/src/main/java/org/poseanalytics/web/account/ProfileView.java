package org.poseanalytics.web.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.Ui;

/**
 * The signed-in user's profile: their personal API tokens for scripts (issue 18). A token is named, valid for a chosen
 * number of days, with the user's rights or read-only; its secret is shown once in a dialog, never again; revoking
 * stops it at once. The API and its description are linked from here.
 */
@Route("profile")
@Menu(title = "API tokens", order = 4, icon = "vaadin:code")
@PageTitle("API tokens · Pose Analytics")
@PermitAll
public class ProfileView extends VerticalLayout {
    static final List<Integer> VALIDITY_DAYS = List.of(7, 30, ApiTokens.DEFAULT_DAYS, 180, ApiTokens.MAX_DAYS);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ApiTokens tokens;
    private final Grid<ApiToken> grid = new Grid<>();

    public ProfileView(ApiTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        setMaxWidth("1100px");
        getStyle().set("margin", "0 auto");
        AccountPrincipal me = currentUser.get();
        Paragraph who = new Paragraph(me.displayName() + " (" + me.getUsername() + "), " + me.role().label() + ", " + me.clinicName() + ".");
        Paragraph about = new Paragraph("Scripts (Python, R, curl) reach the app's API with a personal token, sent as "
                + "“Authorization: Bearer …”. A token acts as you, in your clinic, with your role or, if read-only, a viewer's; "
                + "if your role is lowered or your account disabled, its tokens follow at once. Every use is in the audit log.");
        HorizontalLayout links = new HorizontalLayout(new Anchor("/api/docs", "API description (Swagger UI)"),
                new Anchor("/api/v1/openapi.json", "OpenAPI JSON"));

        TextField name = new TextField("Token name");
        name.setId("token-name");
        name.setPlaceholder("e.g. gait study script");
        name.setMaxLength(100);
        Select<Integer> days = new Select<>();
        days.setId("token-days");
        days.setLabel("Valid for");
        days.setItems(VALIDITY_DAYS);
        days.setItemLabelGenerator(d -> d + " days");
        days.setValue(ApiTokens.DEFAULT_DAYS);
        Checkbox readOnly = new Checkbox("Read-only (a viewer's rights)");
        readOnly.setId("token-read-only");
        Button create = new Button("Make token", VaadinIcon.PLUS.create(), e -> {
            try {
                ApiTokens.NewApiToken made = tokens.create(name.getValue(), days.getValue(), readOnly.getValue());
                name.clear();
                showOnce(made);
                refresh();
            } catch (UserInputException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getMessage());
            }
        });
        create.setId("make-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, days, readOnly, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("tokens");
        grid.addColumn(ApiToken::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token");
        grid.addColumn(t -> t.readOnly() ? "read-only" : t.role().label()).setHeader("Rights");
        grid.addColumn(t -> WHEN.format(t.createdAt())).setHeader("Made");
        grid.addColumn(t -> WHEN.format(t.expiresAt())).setHeader("Expires");
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : WHEN.format(t.lastUsedAt())).setHeader("Last used");
        grid.addColumn(t -> t.revoked() ? "revoked" : t.expired(Instant.now()) ? "expired" : "active").setHeader("State");
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(t.id());
                Ui.success("“" + t.name() + "” is revoked: it no longer works.");
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setEnabled(t.usable(Instant.now()));
            return revoke;
        }).setHeader("");
        grid.setAllRowsVisible(true);
        add(new H2("API tokens"), who, about, links, new H3("New token"), form, new H3("Your tokens"), grid);
        refresh();
    }

    private void refresh() { grid.setItems(tokens.mine()); }

    /** The secret, once: copy it now; the app keeps only its hash. */
    private void showOnce(ApiTokens.NewApiToken made) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Token “" + made.token().name() + "”");
        TextField secret = new TextField();
        secret.setId("token-secret");
        secret.setValue(made.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Paragraph note = new Paragraph("Copy it now: it is shown only this once. Valid until "
                + WHEN.format(made.token().expiresAt()) + ", " + (made.token().readOnly() ? "read-only" : "with your rights") + ".");
        Button close = new Button("Done", e -> d.close());
        close.setId("token-done");
        d.add(new VerticalLayout(note, secret));
        d.getFooter().add(close);
        d.setWidth("640px");
        d.open();
    }
}
