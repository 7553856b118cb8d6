package org.poseanalytics.web.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.UserInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Errors from a button or form end up here: the user gets a message that says what to do instead of a
 * silent failure; unexpected ones are logged with their stack trace.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Throwable t = event.getThrowable();
        while (t.getCause() != null && !(t instanceof UserInputException || t instanceof NotFoundException
                || t instanceof AccessDeniedException)) {
            t = t.getCause();
        }
        String message;
        if (t instanceof UserInputException || t instanceof NotFoundException) {
            message = t.getMessage();
        } else if (t instanceof AccessDeniedException) {
            message = "Your role does not allow this. Ask your clinic admin if you need it.";
        } else {
            log.error("Unexpected error in the UI", event.getThrowable());
            message = "Something went wrong and was not saved (" + t.getClass().getSimpleName()
                    + "). Try again; if it happens again, tell your administrator the time it happened.";
        }
        if (UI.getCurrent() != null) UI.getCurrent().access(() -> Ui.error(message));
    }
}
