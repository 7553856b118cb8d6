package org.poseanalytics.web.account;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.poseanalytics.web.setup.SetupService;
import org.poseanalytics.web.setup.SetupView;

/** Sign-in. Before the first clinic exists there is nobody to sign in, so it sends the user to setup. */
@Route("login")
@PageTitle("Sign in · Pose Analytics")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    private final SetupService setup;
    private final LoginForm login = new LoginForm();

    public LoginView(SetupService setup) {
        this.setup = setup;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("User name");
        i18n.getErrorMessage().setTitle("User name or password not right");
        i18n.getErrorMessage().setMessage("Check both and try again. Forgot your password? Ask your clinic admin for a new sign-in link.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        H1 title = new H1("Pose Analytics");
        title.getStyle().set("margin-bottom", "0");
        Paragraph what = new Paragraph("Joint angles and movement metrics from training and therapy videos.");
        what.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        Paragraph help = new Paragraph("No account yet? Your clinic admin creates one and sends you a link to choose your password.");
        help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)").set("max-width", "22em").set("text-align", "center");
        add(title, what, login, help);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (setup.isSetupNeeded()) {
            event.forwardTo(SetupView.class);
            return;
        }
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
