package org.poseanalytics.web.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * An Apache ECharts chart (npm echarts, Apache-2.0; Vaadin Charts is commercial). The option is built on the
 * server as JSON ({@link ChartOptions}); linked to a player by id, its cursor follows the video and a click
 * seeks it, both in the browser so the cursor moves at video speed without a server round trip.
 */
@Tag("pa-echart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./pa-ui/pa-echart.js")
public class EChart extends Component implements HasSize, HasStyle {
    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    public void setOption(String optionJson) {
        getElement().callJsFunction("setOption", optionJson);
    }

    /** The id of the player element whose time this chart follows and seeks. */
    public void followPlayer(String playerId) {
        getElement().setAttribute("for-player", playerId);
    }

    /** Seconds added to the chart's x to get the player's time. */
    public void setOffset(double seconds) {
        getElement().callJsFunction("setOffset", seconds);
    }
}
