package org.poseanalytics.web.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.poseanalytics.web.NotFoundException;

/** A subject, session or video that does not exist, or belongs to another clinic: the two look the same. */
@PermitAll
@ParentLayout(MainLayout.class)
public class RecordNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2("Not found");
        title.setId("not-found");
        add(title, new Paragraph(parameter.getException().getMessage()), new Anchor("", "Back to the subjects"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
