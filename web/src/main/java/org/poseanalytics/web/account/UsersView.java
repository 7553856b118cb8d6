package org.poseanalytics.web.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
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
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.Ui;

/** Clinic admins add colleagues (by invite link), change roles, reset passwords, disable accounts. */
@Route("users")
@Menu(title = "Users", order = 2, icon = "vaadin:key")
@PageTitle("Users · Pose Analytics")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final InviteLinks inviteLinks;
    private final Grid<Account> grid = new Grid<>();

    public UsersView(AccountService accounts, CurrentUser currentUser, InviteLinks inviteLinks) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.inviteLinks = inviteLinks;
        setSizeFull();
        Button invite = new Button("Add user", VaadinIcon.PLUS.create(), e -> inviteDialog());
        invite.setId("add-user");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout head = new HorizontalLayout(new H2("Users"), invite);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(Account::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(Account::username).setHeader("User name").setFlexGrow(2);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setFlexGrow(2);
        grid.addColumn(Account::state).setHeader("State");
        grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(3);
        Paragraph roles = new Paragraph("Roles: " + Role.ADMIN.label() + " " + Role.ADMIN.description() + ". "
                + Role.CLINICIAN.label() + " " + Role.CLINICIAN.description() + ". " + Role.VIEWER.label() + " " + Role.VIEWER.description() + ".");
        roles.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(head, roles, grid);
        refresh();
    }

    private void refresh() { grid.setItems(accounts.list()); }

    private Select<Role> roleSelect(Account a) {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(Role::label);
        select.setValue(a.role());
        select.setEnabled(a.id() != currentUser.get().accountId());
        select.addValueChangeListener(e -> {
            if (!e.isFromClient()) return;
            try {
                accounts.setRole(a.id(), e.getValue());
                Ui.success(a.displayName() + " is now " + e.getValue().label() + ". It applies from their next sign-in.");
            } catch (UserInputException ex) {
                Ui.error(ex.getMessage());
            }
            refresh();
        });
        return select;
    }

    private HorizontalLayout actions(Account a) {
        HorizontalLayout row = new HorizontalLayout();
        if (a.id() == currentUser.get().accountId()) return row;
        Button link = new Button(a.passwordSet() ? "Reset password" : "New invite link", e -> {
            Invitation inv = accounts.renewInvite(a.id());
            showLink(inv);
            refresh();
        });
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button enable = new Button(a.enabled() ? "Disable" : "Enable", e -> {
            accounts.setEnabled(a.id(), !a.enabled());
            refresh();
        });
        enable.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        if (a.enabled()) enable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        row.add(link, enable);
        return row;
    }

    private void inviteDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle("Add user");
        TextField name = new TextField("Name");
        name.setId("user-display-name");
        TextField username = new TextField("User name");
        username.setId("user-username");
        username.setHelperText("What they type to sign in; an e-mail address works well");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> r.label() + " — " + r.description());
        role.setValue(Role.CLINICIAN);
        d.add(new FormLayout(name, username, role),
                new Paragraph("You get a one-time link to send them; they choose their own password with it."));
        Button ok = new Button("Create invite link", e -> {
            try {
                Invitation inv = accounts.invite(username.getValue(), name.getValue(), role.getValue());
                d.close();
                refresh();
                showLink(inv);
            } catch (UserInputException ex) {
                username.setInvalid(true);
                username.setErrorMessage(ex.getMessage());
            }
        });
        ok.setId("create-invite");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.setWidth("36em");
        d.open();
    }

    /** The link exists only now: it is stored hashed and cannot be shown again. */
    private void showLink(Invitation inv) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Send this link to " + inv.account().displayName());
        TextField link = new TextField();
        link.setId("invite-link");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setValue(link(inv));
        d.add(new Paragraph("It lets them choose their password, works once, and expires in "
                + AccountService.INVITE_VALIDITY.toDays() + " days. Copy it now: it is not shown again."), link);
        d.getFooter().add(new Button("Done", e -> d.close()));
        d.setWidth("40em");
        d.open();
    }

    private String link(Invitation inv) {
        return VaadinServletRequest.getCurrent() instanceof VaadinServletRequest r
                ? inviteLinks.of(inv, r.getHttpServletRequest()) : inv.path();
    }
}
