package org.poseanalytics.web.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.Ui;

/** First run: create the clinic and its first admin, proven by the setup token from the server log. */
@Route(value = "setup", autoLayout = false)
@PageTitle("Set up · Pose Analytics")
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver {
    private final SetupService setup;

    public SetupView(SetupService setup) {
        this.setup = setup;
        setMaxWidth("40em");
        getStyle().set("margin", "var(--lumo-space-l) auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        if (!setup.isSetupNeeded()) {
            add(new H1("Already set up"), new Paragraph("This Pose Analytics server already has its clinic. Sign in, or ask your clinic admin for an account."),
                    new Anchor("login", "Go to sign in"));
            return;
        }
        add(new H1("Welcome to Pose Analytics"),
                new Paragraph("Create your clinic (or team) and your own admin account. You will add colleagues, athletes and patients afterwards."));

        TextField token = new TextField("Setup token");
        token.setId("setup-token");
        token.setHelperText("Printed in the server log when the app started, and saved in " + setup.tokenFile()
                + ". It proves you run this server, and works once.");
        TextField clinic = new TextField("Clinic or team name");
        clinic.setId("clinic-name");
        TextField name = new TextField("Your name");
        name.setId("admin-name");
        name.setHelperText("As colleagues will see it, e.g. Dr. Ana Silva");
        TextField username = new TextField("User name");
        username.setId("admin-username");
        username.setHelperText("What you type to sign in; your e-mail address works well");
        PasswordField password = new PasswordField("Password");
        password.setId("admin-password");
        password.setHelperText("At least " + Passwords.MIN_LENGTH + " characters");
        PasswordField repeat = new PasswordField("Repeat the password");
        repeat.setId("admin-password-repeat");
        for (var f : new com.vaadin.flow.component.textfield.TextFieldBase<?, ?>[] {token, clinic, name, username, password, repeat}) {
            f.setRequiredIndicatorVisible(true);
        }

        FormLayout form = new FormLayout(token, clinic, name, username, password, repeat);
        form.setColspan(token, 2);
        form.setColspan(clinic, 2);
        Button create = new Button("Create clinic and admin account", e -> {
            try {
                setup.setUp(token.getValue(), clinic.getValue(), name.getValue(), username.getValue(), password.getValue(), repeat.getValue());
                Ui.success("Clinic created. Sign in with your new account.");
                getUI().ifPresent(ui -> ui.navigate(LoginView.class));
            } catch (UserInputException ex) {
                Ui.error(ex.getMessage());
            }
        });
        create.setId("create-clinic");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, create);
    }
}
