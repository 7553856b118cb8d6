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
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in. A wrong password, an unknown user and a disabled account get the same answer; a throttled attempt says
 * when to try again (that says nothing about the account either: unknown names are throttled alike). Before the
 * first clinic exists there is nobody to sign in, so it sends the user to setup.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Pose Analytics")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    /** The one answer to a wrong password, an unknown user, a disabled account and a pending invite alike. */
    static final String WRONG_TITLE = "User name or password not right";
    static final String WRONG_MESSAGE = "Check both and try again. Forgot your password? Ask your clinic admin for a new sign-in link.";

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
        i18n.getErrorMessage().setTitle(WRONG_TITLE);
        i18n.getErrorMessage().setMessage(WRONG_MESSAGE);
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
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("User name");
        if (error && lastFailure() instanceof SignInThrottledException throttled) {
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage().setMessage("For your account's safety, try again " + wait(throttled.retryAt())
                    + ". Forgot your password? Ask your clinic admin for a new sign-in link.");
        } else {
            i18n.getErrorMessage().setTitle(WRONG_TITLE);
            i18n.getErrorMessage().setMessage(WRONG_MESSAGE);
        }
        login.setI18n(i18n);
        login.setError(error);
    }

    /** Spring Security keeps the last sign-in failure in the HTTP session for the page it redirects to. */
    private static Object lastFailure() {
        HttpServletRequest request = VaadinServletRequest.getCurrent() == null ? null
                : VaadinServletRequest.getCurrent().getHttpServletRequest();
        HttpSession session = request == null ? null : request.getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    static String wait(Instant retryAt) {
        long seconds = Math.max(1, Duration.between(Instant.now(), retryAt).toSeconds() + 1);
        if (seconds < 60) return "in " + seconds + (seconds == 1 ? " second" : " seconds");
        long minutes = (seconds + 59) / 60;
        return "in " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
