package org.poseanalytics.archfixture.library;

import com.vaadin.flow.component.html.Div;

/** A "library" class that imports a Vaadin type. */
public class VaadinKnowing {
    public Div show(String text) {
        return new Div(text);
    }
}
