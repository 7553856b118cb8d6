package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

/**
 * The video with the skeleton and angle labels drawn over it in the browser (a canvas, so it can be switched off
 * and the video itself is never altered). Frame stepping, slow motion and the chart cursor run client-side.
 */
@Tag("pa-analysis-player")
@JsModule("./pa-ui/pa-analysis-player.js")
public class OverlayPlayer extends Component implements HasSize {
    public OverlayPlayer(String id) {
        setId(id);
        setWidthFull();
        setHeight("420px");
    }

    public void setSource(String url) { getElement().callJsFunction("setSource", url); }

    /** See pa-analysis-player.js for the shape: times, keypoints [x, y, visibility], bones, labels, window. */
    public void setData(String json) { getElement().callJsFunction("setData", json); }

    /**
     * The player's time left the window of data it holds (a long analysis, {@link PlayerData}): answer with
     * {@link #setData} for the window around {@link WindowEvent#t()}.
     */
    public Registration addWindowListener(com.vaadin.flow.component.ComponentEventListener<WindowEvent> l) {
        return addListener(WindowEvent.class, l);
    }

    @DomEvent("player-window")
    public static class WindowEvent extends ComponentEvent<OverlayPlayer> {
        private final double t;

        public WindowEvent(OverlayPlayer source, boolean fromClient, @EventData("event.detail.t") double t) {
            super(source, fromClient);
            this.t = t;
        }

        /** The player's time, seconds. */
        public double t() { return t; }
    }

    /** Tracked points' paths: [{id, color, t: [s], x: [px or null], y: [px or null]}]. */
    public void setPaths(String json) { getElement().callJsFunction("setPaths", json); }

    public void showPaths(boolean on) { getElement().callJsFunction("showPaths", on); }

    public void step(int direction) { getElement().callJsFunction("step", direction); }

    public void play() { getElement().callJsFunction("play"); }

    public void pause() { getElement().callJsFunction("pause"); }

    public void setRate(double rate) { getElement().callJsFunction("setRate", rate); }

    public void showSkeleton(boolean on) { getElement().callJsFunction("showSkeleton", on); }

    public void showAngles(boolean on) { getElement().callJsFunction("showAngles", on); }

    /** The time shown now, answered asynchronously (seconds). */
    public void currentTime(com.vaadin.flow.function.SerializableConsumer<Double> then) {
        getElement().callJsFunction("currentTime").then(Double.class, then);
    }

    /** Timeline notes: [{t, to (s, null for a moment), text}], ticked above the picture and written on it near their time. */
    public void setNotes(String json) { getElement().callJsFunction("setNotes", json); }

    /** Drawings on frames, as [{t, kind, pts: [x1, y1, ...], label, value}], drawn near their time. */
    public void setDrawings(String json) { getElement().callJsFunction("setDrawings", json); }

    public void seek(double seconds) { getElement().callJsFunction("seek", seconds); }

    /** What a click on the picture is for: following a point, choosing the analysed person, or an end of a scale line. */
    public static final String PICK_POINT = "point", PICK_PERSON = "person", PICK_SCALE = "scale";
    /** Pressing on a keypoint of the analysed person picks it, dragging moves it ({@link KeypointPickEvent}). */
    public static final String PICK_CORRECT = "correct";
    /** Clicks that place a drawing's points (the player shows them joined as they come). */
    public static final String PICK_DRAW = "draw";

    /** Corrections to mark on the video: [{frame, landmark, hidden, t, from, to (s), x0, y0}]. */
    public void setCorrections(String json) { getElement().callJsFunction("setCorrections", json); }

    public Registration addKeypointPickListener(com.vaadin.flow.component.ComponentEventListener<KeypointPickEvent> l) {
        return addListener(KeypointPickEvent.class, l);
    }

    /** A keypoint of the analysed person pressed (moved: dragged to x, y; else only selected) on a frame. */
    @DomEvent("keypoint-pick")
    public static class KeypointPickEvent extends ComponentEvent<OverlayPlayer> {
        private final long frame;
        private final int landmark;
        private final double x, y, t;
        private final boolean moved;

        public KeypointPickEvent(OverlayPlayer source, boolean fromClient, @EventData("event.detail.frame") double frame,
                                 @EventData("event.detail.landmark") int landmark, @EventData("event.detail.x") double x,
                                 @EventData("event.detail.y") double y, @EventData("event.detail.moved") boolean moved,
                                 @EventData("event.detail.t") double t) {
            super(source, fromClient);
            this.frame = Math.round(frame);
            this.landmark = landmark;
            this.x = x;
            this.y = y;
            this.moved = moved;
            this.t = t;
        }

        public long frame() { return frame; }
        public int landmark() { return landmark; }
        public double x() { return x; }
        public double y() { return y; }
        public boolean moved() { return moved; }
        public double t() { return t; }
    }

    /** The video's scale line, {x1, y1, x2, y2 (pixels of the displayed frame), label}; null for none. */
    public void setScaleLine(String json) { getElement().callJsFunction("setScaleLine", json); }

    /** Clicks on the picture are reported (in video pixels) while picking is on, for following a point. */
    public void setPicking(boolean on) { setPicking(on, PICK_POINT); }

    /** Clicks are reported with their purpose, so each panel answers only the clicks meant for it. */
    public void setPicking(boolean on, String purpose) { getElement().callJsFunction("setPicking", on, purpose); }

    /** Draws another person (by track id) highlighted, e.g. the one about to be chosen; null for none. */
    public void setHighlight(Integer trackId) { getElement().callJsFunction("setHighlight", trackId); }

    public Registration addPickListener(com.vaadin.flow.component.ComponentEventListener<PickEvent> l) {
        return addListener(PickEvent.class, l);
    }

    @DomEvent("video-pick")
    public static class PickEvent extends ComponentEvent<OverlayPlayer> {
        private final double x, y, t;
        private final String purpose;

        public PickEvent(OverlayPlayer source, boolean fromClient, @EventData("event.detail.x") double x,
                         @EventData("event.detail.y") double y, @EventData("event.detail.t") double t,
                         @EventData("event.detail.purpose") String purpose) {
            super(source, fromClient);
            this.x = x;
            this.y = y;
            this.t = t;
            this.purpose = purpose == null ? PICK_POINT : purpose;
        }

        /** {@link #PICK_POINT}, {@link #PICK_PERSON} or {@link #PICK_SCALE}. */
        public String purpose() { return purpose; }

        public double x() { return x; }
        public double y() { return y; }
        public double t() { return t; }
    }
}
