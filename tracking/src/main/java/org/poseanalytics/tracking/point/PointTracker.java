package org.poseanalytics.tracking.point;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.getRectSubPix;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;
import static org.bytedeco.opencv.global.opencv_video.OPTFLOW_USE_INITIAL_FLOW;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.poseanalytics.pose.video.GrayFrame;
import org.poseanalytics.pose.video.GrayFrames;

/**
 * Follows a user-picked point (bar end, racket head, knee) forwards and backwards from the time it was picked.
 *
 * <p>Each step is OpenCV's pyramidal Lucas–Kanade optical flow, started from a constant-velocity prediction so that
 * large motion between frames (phone videos at 5–10 fps, fast bars) stays within the pyramid's reach. A step is
 * checked twice: the point tracked back must land within {@code maxForwardBackwardErrorPx} of where it started
 * (forward–backward consistency), and the patch around it must still look like the picked patch (normalised cross-correlation).
 * When a step fails, the frame is searched by template matching around the predicted position; if neither finds
 * the point the frame is flagged occluded, no position is invented, and each later frame searches a window that
 * widens with time, resuming when the point is found.
 *
 * <p>A point on a plain surface (black leggings, a white wall) has nothing for the flow or the template to hold
 * on to at the default window; the window then grows around the picked point, up to {@code maxWindowPx}, until
 * it takes in enough texture (edges in two directions) to be followed.
 *
 * <p>Memory stays at a few frames: forwards is one pass; backwards re-reads the video in chunks of
 * {@code backwardChunkFrames}, tracking each chunk in reverse.
 */
public final class PointTracker {

    /**
     * @param windowPx                   smallest LK window and appearance patch side (odd)
     * @param maxWindowPx                largest window tried for a point on a plain surface (odd)
     * @param pyramidLevels              LK pyramid levels above the full image (fewer when the image is small)
     * @param maxForwardBackwardErrorPx  a step whose round trip misses by more is rejected (at the smallest window;
     *                                   in proportion for a grown one)
     * @param minTexture                 weakest-direction mean squared gradient (grey levels² per px²) a window
     *                                   needs; below it the window grows
     * @param minAppearance              NCC with the picked patch below this: the point is hidden (or was not found)
     * @param reacquireAppearance        NCC needed to pick the point up again by template search alone
     * @param minDistinctness            how much better than the next-best place (NCC) such a match must be, so a
     *                                   repeating background is not taken for the point
     * @param searchRadiusPx             how far from the predicted position template search looks at first (the
     *                                   largest motion between frames expected); it widens while the point is lost
     * @param backwardChunkFrames        frames held in memory while tracking backwards
     */
    public record Config(int windowPx, int maxWindowPx, int pyramidLevels, double maxForwardBackwardErrorPx,
                         double minTexture, double minAppearance, double reacquireAppearance, double minDistinctness,
                         int searchRadiusPx, int backwardChunkFrames) {
        public Config {
            if (windowPx < 5 || windowPx % 2 == 0) throw new IllegalArgumentException("LK window must be odd and >= 5 px, got " + windowPx);
            if (maxWindowPx < windowPx || maxWindowPx % 2 == 0) throw new IllegalArgumentException("largest window must be odd and >= the window, got " + maxWindowPx);
            if (pyramidLevels < 0) throw new IllegalArgumentException("pyramid levels must be >= 0, got " + pyramidLevels);
            if (!(maxForwardBackwardErrorPx > 0)) throw new IllegalArgumentException("forward-backward limit must be > 0 px");
            if (!(minTexture >= 0)) throw new IllegalArgumentException("minimum texture must be >= 0");
            if (!(minAppearance < reacquireAppearance && reacquireAppearance <= 1)) {
                throw new IllegalArgumentException("need min appearance < reacquire appearance <= 1");
            }
            if (!(minDistinctness >= 0)) throw new IllegalArgumentException("distinctness must be >= 0");
            if (searchRadiusPx < 1) throw new IllegalArgumentException("search radius must be >= 1 px, got " + searchRadiusPx);
            if (backwardChunkFrames < 2) throw new IllegalArgumentException("backward chunk must be >= 2 frames");
        }

        public static Config defaults() { return new Config(31, 91, 4, 2.0, 10, 0.5, 0.85, 0.1, 96, 64); }
    }

    /** How one frame's position was found, for diagnostics: by the flow, by template search, or not at all. */
    public enum Method { ANCHOR, FLOW, SEARCH, LOST }

    /**
     * One step as the tracker saw it. {@code forwardBackwardPx} and {@code appearance} are NaN when not measured;
     * {@code reason} says why a flow step was rejected (empty when accepted).
     */
    public record Step(int pointId, long frame, Method method, double xPx, double yPx, double forwardBackwardPx,
                       double appearance, int windowPx, String reason) {}

    private final Config config;
    private final Consumer<Step> log;

    public PointTracker(Config config, Consumer<Step> log) {
        this.config = config;
        this.log = log;
    }

    public PointTracker(Config config) { this(config, s -> { }); }

    public PointTracker() { this(Config.defaults()); }

    /** Tracks each point over the whole video; point ids are 1, 2, ... in the order given. */
    public List<PointTrajectory> track(VideoFrames video, List<PointSpec> specs) {
        if (specs.isEmpty()) return List.of();
        List<double[]> times = new ArrayList<>();
        int width = 0, height = 0;
        try (GrayFrames src = video.open()) {
            for (Optional<GrayFrame> f = src.next(); f.isPresent(); f = src.next()) {
                times.add(new double[]{f.get().index(), f.get().timeS()});
                width = f.get().width();
                height = f.get().height();
            }
        }
        if (times.isEmpty()) throw new IllegalArgumentException("the video has no frames to track points in");
        List<PointTrajectory> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            PointSpec spec = specs.get(i);
            if (spec.xPx() >= width || spec.yPx() >= height) {
                throw new IllegalArgumentException("point " + spec + " lies outside the " + width + "x" + height + " frame");
            }
            int anchor = nearest(times, spec.timeS());
            double lastT = times.get(times.size() - 1)[1];
            double step = times.size() > 1 ? lastT - times.get(times.size() - 2)[1] : 0;
            if (spec.timeS() > lastT + step + 1e-9) {
                throw new IllegalArgumentException("point " + spec + " is at " + spec.timeS() + " s but the video ends at " + lastT + " s");
            }
            out.add(trackOne(video, spec, i + 1, anchor, times.size()));
        }
        return out;
    }

    private static int nearest(List<double[]> times, double t) {
        int best = 0;
        for (int i = 1; i < times.size(); i++) if (Math.abs(times.get(i)[1] - t) < Math.abs(times.get(best)[1] - t)) best = i;
        return best;
    }

    private PointTrajectory trackOne(VideoFrames video, PointSpec spec, int id, int anchor, int count) {
        TrackedPoint[] result = new TrackedPoint[count];
        Look look;
        GrayFrame anchorFrame;
        // Forward pass, which also sizes the window and takes the picked patch from the anchor frame.
        try (GrayFrames src = video.open()) {
            anchorFrame = skipTo(src, anchor);
            Mat prev = toMat(anchorFrame);
            int window = windowFor(prev, spec.xPx(), spec.yPx());
            look = new Look(window, patch(prev, spec.xPx(), spec.yPx(), window), textured(prev, spec.xPx(), spec.yPx(), window));
            Mat picked = prev;
            result[anchor] = new TrackedPoint(anchorFrame.index(), anchorFrame.timeS(), spec.xPx(), spec.yPx(), 1, false);
            log.accept(new Step(id, anchorFrame.index(), Method.ANCHOR, spec.xPx(), spec.yPx(), Double.NaN, 1, window,
                    look.textured() ? "" : "little texture even at the largest window"));
            State st = new State(id, spec.xPx(), spec.yPx(), look);
            st.remember(picked);
            for (int i = anchor + 1; i < count; i++) {
                GrayFrame f = src.next().orElseThrow(() -> new IllegalStateException("video ended early on the second read"));
                Mat next = toMat(f);
                result[i] = step(prev, next, f, st);
                prev.close();
                prev = next;
            }
            prev.close();
            st.recent.close();
        }
        // Backward pass in chunks ending at the anchor.
        State st = new State(id, spec.xPx(), spec.yPx(), look);
        look.template().copyTo(st.recent);
        int end = anchor;
        while (end > 0) {
            int start = Math.max(0, end - config.backwardChunkFrames() + 1);
            Deque<GrayFrame> chunk = new ArrayDeque<>();
            try (GrayFrames src = video.open()) {
                chunk.push(skipTo(src, start));
                for (int i = start + 1; i <= end; i++) chunk.push(src.next().orElseThrow(() -> new IllegalStateException("video ended early on re-read")));
            }
            Mat prev = toMat(chunk.pop());
            while (!chunk.isEmpty()) {
                GrayFrame f = chunk.pop();
                Mat next = toMat(f);
                result[start + chunk.size()] = step(prev, next, f, st);
                prev.close();
                prev = next;
            }
            prev.close();
            end = start;
        }
        st.recent.close();
        look.template().close();
        return new PointTrajectory(id, spec, anchorFrame.index(), List.of(result));
    }

    private static GrayFrame skipTo(GrayFrames src, int position) {
        GrayFrame f = null;
        for (int i = 0; i <= position; i++) {
            f = src.next().orElseThrow(() -> new IllegalStateException("video has fewer frames on re-read than on the first read"));
        }
        return f;
    }

    /** What the picked point looks like: window side, the patch at the anchor, whether it has texture to follow. */
    private record Look(int window, Mat template, boolean textured) {}

    /** One pass's running state: position and last step's motion (the prediction). */
    private static final class State {
        final int id;
        final Look look;
        /**
         * The patch at the last confidently followed position: a body point's look changes as the body bends, and after
         * a loss this recent look is what the point resembles, more than the picked one. Never used to accept a flow
         * step (that would let the point settle on whatever it last saw); only to find the point again.
         */
        final Mat recent = new Mat();
        double x, y, vx, vy;
        boolean lost;
        int lostFrames;

        State(int id, double x, double y, Look look) {
            this.id = id;
            this.x = x;
            this.y = y;
            this.look = look;
        }

        double predictedX() { return x + vx; }

        double predictedY() { return y + vy; }

        void remember(Mat image) {
            getRectSubPix(image, new Size(look.window(), look.window()), new Point2f((float) x, (float) y), recent);
        }

        void accept(double nx, double ny, boolean keepMotion) {
            vx = keepMotion ? nx - x : 0;
            vy = keepMotion ? ny - y : 0;
            x = nx;
            y = ny;
            lost = false;
            lostFrames = 0;
        }
    }

    /** A flow step that passed or failed its checks; reason is empty when it passed. */
    private record FlowResult(double x, double y, double forwardBackwardPx, double appearance, String reason) {
        boolean passed() { return reason.isEmpty(); }
    }

    /**
     * One frame: (1) the flow from the predicted position; (2) unless its match is already strong, a template search
     * around the prediction, which overrules the flow when it finds the picked patch clearly better elsewhere (the
     * flow can settle on a similar-looking background after a fast move) and then restarts the flow there;
     * (3) while lost, only a strong, unique template match picks the point up again.
     */
    private TrackedPoint step(Mat prev, Mat next, GrayFrame f, State st) {
        try (PointerScope scope = new PointerScope()) {
            FlowResult flow = null;
            if (!st.lost) {
                flow = flowStep(prev, next, f, st, st.predictedX(), st.predictedY(), fwd -> new double[]{fwd[0] - st.vx, fwd[1] - st.vy});
                if (flow.passed() && flow.appearance() >= config.reacquireAppearance()) return accept(f, next, st, flow, Method.FLOW, "");
            }
            st.lostFrames++;
            Candidate found = search(next, st);
            // Clearly: a much better match, and unique (along a long edge, e.g. a shirt's hem, the template fits everywhere).
            boolean clearlyElsewhere = found != null && flow != null && flow.passed()
                    && found.score() >= config.reacquireAppearance() && found.distinctness() >= config.minDistinctness()
                    && found.score() >= flow.appearance() + config.minDistinctness()
                    && Math.hypot(found.x() - flow.x(), found.y() - flow.y()) > config.maxForwardBackwardErrorPx();
            if (flow != null && flow.passed() && !clearlyElsewhere) return accept(f, next, st, flow, Method.FLOW, "");
            String reason = flow == null ? "lost earlier" : flow.passed() ? "the picked patch is clearly elsewhere" : flow.reason();
            if (found != null && !st.lost) {
                // Start the flow again from where the patch was found; a jump needs the evidence of a re-acquisition.
                FlowResult again = flowStep(prev, next, f, st, found.x(), found.y(), fwd -> new double[]{st.x, st.y});
                if (again.passed() && Math.max(again.appearance(), ncc(next, again.x(), again.y(), st.recent)) >= config.reacquireAppearance()) {
                    return accept(f, next, st, again, Method.SEARCH, reason + "; flow restarted at the template match");
                }
                // A look-alike the flow cannot reach consistently (a band of the same colours lower down): keep the flow.
                if (flow.passed()) return accept(f, next, st, flow, Method.FLOW, "");
            }
            // After an occlusion there is no previous view to check against: only a clear, unique match counts.
            if (found != null && found.score() >= config.reacquireAppearance() && found.distinctness() >= config.minDistinctness()) {
                // One frame after the last position the jump is one step's motion; after longer, predict none.
                boolean oneStep = !st.lost;
                st.accept(found.x(), found.y(), oneStep);
                st.remember(next);
                log.accept(new Step(st.id, f.index(), Method.SEARCH, st.x, st.y, Double.NaN, found.score(), st.look.window(), reason + "; found by template"));
                return new TrackedPoint(f.index(), f.timeS(), st.x, st.y, found.score(), false);
            }
            st.lost = true;
            log.accept(new Step(st.id, f.index(), Method.LOST, Double.NaN, Double.NaN,
                    flow == null ? Double.NaN : flow.forwardBackwardPx(), flow == null ? Double.NaN : flow.appearance(), st.look.window(), reason));
            return new TrackedPoint(f.index(), f.timeS(), Double.NaN, Double.NaN, 0, true);
        }
    }

    /**
     * The round-trip limit grows with the window: a window grown over a plain surface is held by edges further
     * from the point, and a body point's surroundings bend between frames, so its round trip is less exact.
     */
    private double maxForwardBackwardPx(int window) {
        return config.maxForwardBackwardErrorPx() * Math.max(1.0, (double) window / config.windowPx());
    }

    private TrackedPoint accept(GrayFrame f, Mat next, State st, FlowResult r, Method method, String reason) {
        st.accept(r.x(), r.y(), true);
        if (r.forwardBackwardPx() <= maxForwardBackwardPx(st.look.window()) / 2) st.remember(next);
        double conf = Math.max(0, Math.min(1, r.appearance())) * (1 - 0.5 * r.forwardBackwardPx() / maxForwardBackwardPx(st.look.window()));
        log.accept(new Step(st.id, f.index(), method, st.x, st.y, r.forwardBackwardPx(), r.appearance(), st.look.window(), reason));
        return new TrackedPoint(f.index(), f.timeS(), st.x, st.y, conf, false);
    }

    /** LK from the current position starting at the guess, tracked back (from backGuess) and compared with the picked patch. */
    private FlowResult flowStep(Mat prev, Mat next, GrayFrame f, State st, double gx, double gy,
                                java.util.function.UnaryOperator<double[]> backGuess) {
        double[] fwd = flow(prev, next, st.x, st.y, gx, gy, st.look.window());
        if (fwd == null) return new FlowResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN, "flow found no match");
        if (!inside(fwd, f)) return new FlowResult(fwd[0], fwd[1], Double.NaN, Double.NaN, "left the frame");
        double[] g = backGuess.apply(fwd);
        double[] back = flow(next, prev, fwd[0], fwd[1], g[0], g[1], st.look.window());
        if (back == null) return new FlowResult(fwd[0], fwd[1], Double.NaN, Double.NaN, "no way back");
        double fb = Math.hypot(back[0] - st.x, back[1] - st.y);
        double look = ncc(next, fwd[0], fwd[1], st.look.template());
        String reason = fb > maxForwardBackwardPx(st.look.window()) ? "forward-backward error"
                : look < config.minAppearance() ? "looks different" : "";
        return new FlowResult(fwd[0], fwd[1], fb, look, reason);
    }

    /** LK from (x, y), starting the search at the guess (gx, gy); null when the flow reports no match. */
    private double[] flow(Mat from, Mat to, double x, double y, double gx, double gy, int window) {
        Mat p0 = new Mat(1, 1, CV_32FC2);
        try (FloatIndexer ix = p0.createIndexer()) {
            ix.put(0, 0, 0, (float) x);
            ix.put(0, 0, 1, (float) y);
        }
        Mat p1 = new Mat(1, 1, CV_32FC2);
        try (FloatIndexer ix = p1.createIndexer()) {
            ix.put(0, 0, 0, (float) gx);
            ix.put(0, 0, 1, (float) gy);
        }
        Mat status = new Mat();
        Mat err = new Mat();
        calcOpticalFlowPyrLK(from, to, p0, p1, status, err, new Size(window, window), levels(from, window),
                new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 30, 0.01), OPTFLOW_USE_INITIAL_FLOW, 1e-4);
        if (status.data().get(0) == 0) return null;
        try (FloatIndexer ix = p1.createIndexer()) {
            return new double[]{ix.get(0, 0, 0), ix.get(0, 0, 1)};
        }
    }

    /** Pyramid levels, fewer where the coarsest level would be smaller than the window (nothing left to match). */
    private int levels(Mat image, int window) {
        int levels = config.pyramidLevels();
        while (levels > 0 && Math.min(image.cols(), image.rows()) >> levels < window) levels--;
        return levels;
    }

    /** Normalised cross-correlation of the patch at (x, y) with a template of the same size. */
    private static double ncc(Mat image, double x, double y, Mat template) {
        Mat p = new Mat();
        getRectSubPix(image, new Size(template.cols(), template.rows()), new Point2f((float) x, (float) y), p);
        Mat r = new Mat();
        matchTemplate(p, template, r, TM_CCOEFF_NORMED);
        try (FloatIndexer ix = r.createIndexer()) {
            double v = ix.get(0, 0);
            return Double.isFinite(v) ? v : 0;
        }
    }

    /** A template match: centre, NCC score, and how far it beats the best match elsewhere in the search window. */
    private record Candidate(double x, double y, double score, double distinctness) {}

    /**
     * Looks for the picked patch around the predicted position; null when nothing matches.
     * A patch without texture matches noise anywhere, so it is never searched for: its point only follows the flow.
     */
    private Candidate search(Mat image, State st) {
        if (!st.look.textured()) return null;
        Candidate picked = search(image, st, st.look.template());
        Candidate recent = search(image, st, st.recent);
        Candidate best = picked == null ? recent : recent == null || picked.score() >= recent.score() ? picked : recent;
        return best != null && best.score() >= config.minAppearance() ? best : null;
    }

    private Candidate search(Mat image, State st, Mat template) {
        int t = template.cols();
        // Around both the last position and the predicted one (the point may have stopped or turned), widening by half
        // the radius for each frame the point has been lost.
        int radius = Math.min(Math.max(image.cols(), image.rows()),
                Math.max(config.searchRadiusPx(), t) * (st.lostFrames + 1) / 2);
        double px = st.predictedX(), py = st.predictedY();
        int x0 = Math.max(0, (int) Math.floor(Math.min(st.x, px)) - radius - t / 2);
        int y0 = Math.max(0, (int) Math.floor(Math.min(st.y, py)) - radius - t / 2);
        int x1 = Math.min(image.cols(), (int) Math.ceil(Math.max(st.x, px)) + radius + t / 2 + 1);
        int y1 = Math.min(image.rows(), (int) Math.ceil(Math.max(st.y, py)) + radius + t / 2 + 1);
        if (x1 - x0 < t || y1 - y0 < t) return null;
        Mat region = new Mat(image, new Rect(x0, y0, x1 - x0, y1 - y0));
        Mat r = new Mat();
        matchTemplate(region, template, r, TM_CCOEFF_NORMED);
        DoublePointer min = new DoublePointer(1), max = new DoublePointer(1);
        Point minLoc = new Point(), maxLoc = new Point();
        minMaxLoc(r, min, max, minLoc, maxLoc, null);
        double score = max.get();
        if (!Double.isFinite(score)) return null;
        // Sub-pixel peak by a parabola through the neighbours, so re-acquired positions are not snapped to the grid.
        double dx = 0, dy = 0, second = -1;
        int mx = maxLoc.x(), my = maxLoc.y();
        try (FloatIndexer ix = r.createIndexer()) {
            if (mx > 0 && mx < r.cols() - 1) dx = peak(ix.get(my, mx - 1), ix.get(my, mx), ix.get(my, mx + 1));
            if (my > 0 && my < r.rows() - 1) dy = peak(ix.get(my - 1, mx), ix.get(my, mx), ix.get(my + 1, mx));
            // The best score away from this peak (further than half a patch).
            for (int y = 0; y < r.rows(); y++) {
                for (int x = 0; x < r.cols(); x++) {
                    if (Math.abs(x - mx) <= t / 2 && Math.abs(y - my) <= t / 2) continue;
                    float v = ix.get(y, x);
                    if (v > second) second = v;
                }
            }
        }
        return new Candidate(x0 + mx + dx + t / 2, y0 + my + dy + t / 2, Math.min(1, score), score - second);
    }

    private static double peak(double a, double b, double c) {
        double d = a - 2 * b + c;
        return d < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / d)) : 0;
    }

    private static boolean inside(double[] p, GrayFrame f) {
        return p[0] >= 0 && p[1] >= 0 && p[0] <= f.width() - 1 && p[1] <= f.height() - 1;
    }

    /** The smallest window, growing by half each time, whose patch has texture in both directions. */
    private int windowFor(Mat image, double x, double y) {
        int w = config.windowPx();
        while (w < config.maxWindowPx() && !textured(image, x, y, w)) w = Math.min(config.maxWindowPx(), (w * 3 / 2) | 1);
        return w;
    }

    private boolean textured(Mat image, double x, double y, int window) {
        try (PointerScope scope = new PointerScope()) {
            return texture(patch(image, x, y, window)) >= config.minTexture();
        }
    }

    /**
     * The smaller eigenvalue of the patch's structure tensor per pixel (mean squared gradient in its weakest
     * direction): large only where there are edges in two directions, the condition for LK to be well posed.
     */
    static double texture(Mat patch) {
        int w = patch.cols(), h = patch.rows();
        byte[] px = new byte[w * h];
        Mat c = patch.isContinuous() ? patch : patch.clone();
        c.data().get(px);
        double sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double gx = ((px[y * w + x + 1] & 0xff) - (px[y * w + x - 1] & 0xff)) / 2.0;
                double gy = ((px[(y + 1) * w + x] & 0xff) - (px[(y - 1) * w + x] & 0xff)) / 2.0;
                sxx += gx * gx;
                syy += gy * gy;
                sxy += gx * gy;
                n++;
            }
        }
        if (n == 0) return 0;
        sxx /= n;
        syy /= n;
        sxy /= n;
        return (sxx + syy) / 2 - Math.sqrt((sxx - syy) * (sxx - syy) / 4 + sxy * sxy);
    }

    private static Mat patch(Mat image, double x, double y, int side) {
        Mat p = new Mat();
        getRectSubPix(image, new Size(side, side), new Point2f((float) x, (float) y), p);
        return p;
    }

    static Mat toMat(GrayFrame f) {
        Mat m = new Mat(f.height(), f.width(), CV_8UC1);
        m.data().put(f.pixels());
        return m;
    }
}
