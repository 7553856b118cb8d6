package org.poseanalytics.web.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.poseanalytics.web.UserInputException;

/** Where an invite link leads: the new user chooses their password, and the link stops working. */
@Route(value = "invite", autoLayout = false)
@PageTitle("Choose your password · Pose Analytics")
@AnonymousAllowed
public class InviteView extends VerticalLayout implements HasUrlParameter<String> {
    private final AccountService accounts;

    public InviteView(AccountService accounts) {
        this.accounts = accounts;
        setMaxWidth("28em");
        getStyle().set("margin", "var(--lumo-space-xl) auto");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        removeAll();
        var invite = accounts.findInvite(token);
        if (invite.isEmpty()) {
            add(new H2("This link does not work"),
                    new Paragraph("The invite link is invalid, already used, or older than 7 days. Ask your clinic admin for a new one."),
                    new Anchor("login", "Go to sign in"));
            return;
        }
        Account account = invite.get();
        PasswordField password = new PasswordField("New password");
        password.setId("password");
        password.setHelperText("At least " + Passwords.MIN_LENGTH + " characters; a short sentence works well.");
        password.setWidthFull();
        PasswordField repeat = new PasswordField("Repeat the password");
        repeat.setId("password-repeat");
        repeat.setWidthFull();
        Button save = new Button("Set password", e -> {
            try {
                accounts.acceptInvite(token, password.getValue(), repeat.getValue());
                removeAll();
                add(new H2("Password set"), new Paragraph("You can now sign in as “" + account.username() + "”."),
                        new Anchor("login", "Sign in"));
            } catch (UserInputException ex) {
                password.setInvalid(true);
                password.setErrorMessage(ex.getMessage());
            }
        });
        save.setId("set-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Welcome, " + account.displayName()),
                new Paragraph("Choose a password for your user name “" + account.username() + "”."),
                password, repeat, save);
    }
}
