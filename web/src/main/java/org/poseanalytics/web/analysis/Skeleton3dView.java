package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The triangulated skeleton in 3D (three.js, drawn in the browser): turned with the mouse or a finger (orbit
 * controls), on a floor grid of 0.5 m squares with the cameras marked, and following the time of a player on the page
 * as the angle chart does. three.js is loaded by pa-skeleton-3d.js only when this element is on a page, so pages
 * without a multi-camera analysis do not download it.
 */
@Tag("pa-skeleton-3d")
@JsModule("./pa-ui/pa-skeleton-3d.js")
@NpmPackage(value = "three", version = "0.187.0")
public class Skeleton3dView extends Component implements HasSize {
    public Skeleton3dView(String id, String followPlayerId) {
        setId(id);
        getElement().setAttribute("for-player", followPlayerId);
        setWidthFull();
        setHeight("420px");
    }

    /** See {@link MultiViewDrawing#skeleton3d} for the shape. */
    public void setData(String json) { getElement().callJsFunction("setData", json); }
}
