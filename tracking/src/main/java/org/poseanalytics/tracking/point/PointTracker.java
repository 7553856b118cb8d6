package org.poseanalytics.tracking.point;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.getRectSubPix;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Follows a user-picked point (bar end, racket head, ball) forwards and backwards from the time it was picked,
 * with OpenCV's pyramidal Lucas–Kanade optical flow. Each step is checked twice: the point tracked back must
 * land within {@code maxForwardBackwardErrorPx} of where it started (forward–backward consistency), and the
 * patch around it must still look like the patch picked by the user (normalised cross-correlation). A step
 * failing either is an occlusion: the frame is flagged, no position is invented, and each later frame searches
 * for the picked patch by template matching in a window that widens with time, resuming when it is found.
 *
 * <p>Memory stays at a few frames: forwards is one pass; backwards re-reads the video in chunks of
 * {@code backwardChunkFrames}, tracking each chunk in reverse.
 */
public final class PointTracker {

    /**
     * @param windowPx                   LK window side (odd)
     * @param pyramidLevels              LK pyramid levels above the full image
     * @param maxForwardBackwardErrorPx  a step whose round trip misses by more is rejected
     * @param templatePx                 side of the appearance patch (odd)
     * @param minAppearance              NCC with the picked patch below this means the point is hidden
     * @param reacquireAppearance        NCC needed to pick the point up again after an occlusion
     * @param backwardChunkFrames        frames held in memory while tracking backwards
     */
    public record Config(int windowPx, int pyramidLevels, double maxForwardBackwardErrorPx, int templatePx,
                         double minAppearance, double reacquireAppearance, int backwardChunkFrames) {
        public Config {
            if (windowPx < 5 || windowPx % 2 == 0) throw new IllegalArgumentException("LK window must be odd and >= 5 px, got " + windowPx);
            if (templatePx < 5 || templatePx % 2 == 0) throw new IllegalArgumentException("template must be odd and >= 5 px, got " + templatePx);
            if (pyramidLevels < 0) throw new IllegalArgumentException("pyramid levels must be >= 0, got " + pyramidLevels);
            if (!(maxForwardBackwardErrorPx > 0)) throw new IllegalArgumentException("forward-backward limit must be > 0 px");
            if (!(minAppearance < reacquireAppearance && reacquireAppearance <= 1)) {
                throw new IllegalArgumentException("need min appearance < reacquire appearance <= 1");
            }
            if (backwardChunkFrames < 2) throw new IllegalArgumentException("backward chunk must be >= 2 frames");
        }

        public static Config defaults() { return new Config(21, 3, 1.0, 31, 0.5, 0.8, 64); }
    }

    private final Config config;

    public PointTracker(Config config) { this.config = config; }

    public PointTracker() { this(Config.defaults()); }

    /** Tracks each point over the whole video; point ids are 1, 2, ... in the order given. */
    public List<PointTrajectory> track(VideoFrames video, List<PointSpec> specs) {
        if (specs.isEmpty()) return List.of();
        List<double[]> times = new ArrayList<>();
        int width = 0, height = 0;
        try (FrameSource src = video.open()) {
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
        Mat template;
        GrayFrame anchorFrame;
        // Forward pass, which also takes the picked patch from the anchor frame.
        try (FrameSource src = video.open()) {
            anchorFrame = skipTo(src, anchor);
            Mat prev = toMat(anchorFrame);
            template = patch(prev, spec.xPx(), spec.yPx());
            result[anchor] = new TrackedPoint(anchorFrame.index(), anchorFrame.timeS(), spec.xPx(), spec.yPx(), 1, false);
            State st = new State(spec.xPx(), spec.yPx());
            for (int i = anchor + 1; i < count; i++) {
                GrayFrame f = src.next().orElseThrow(() -> new IllegalStateException("video ended early on the second read"));
                Mat next = toMat(f);
                result[i] = step(prev, next, f, st, template);
                prev.close();
                prev = next;
            }
            prev.close();
        }
        // Backward pass in chunks ending at the anchor.
        State st = new State(spec.xPx(), spec.yPx());
        int end = anchor;
        while (end > 0) {
            int start = Math.max(0, end - config.backwardChunkFrames() + 1);
            Deque<GrayFrame> chunk = new ArrayDeque<>();
            try (FrameSource src = video.open()) {
                chunk.push(skipTo(src, start));
                for (int i = start + 1; i <= end; i++) chunk.push(src.next().orElseThrow(() -> new IllegalStateException("video ended early on re-read")));
            }
            Mat prev = toMat(chunk.pop());
            while (!chunk.isEmpty()) {
                GrayFrame f = chunk.pop();
                Mat next = toMat(f);
                result[start + chunk.size()] = step(prev, next, f, st, template);
                prev.close();
                prev = next;
            }
            prev.close();
            end = start;
        }
        template.close();
        return new PointTrajectory(id, spec, anchorFrame.index(), List.of(result));
    }

    private static GrayFrame skipTo(FrameSource src, int position) {
        GrayFrame f = null;
        for (int i = 0; i <= position; i++) {
            f = src.next().orElseThrow(() -> new IllegalStateException("video has fewer frames on re-read than on the first read"));
        }
        return f;
    }

    private static final class State {
        double x, y;
        boolean lost;
        int lostFrames;

        State(double x, double y) { this.x = x; this.y = y; }
    }

    private TrackedPoint step(Mat prev, Mat next, GrayFrame f, State st, Mat template) {
        try (PointerScope scope = new PointerScope()) {
            if (!st.lost) {
                double[] fwd = flow(prev, next, st.x, st.y);
                double[] back = fwd == null ? null : flow(next, prev, fwd[0], fwd[1]);
                if (fwd != null && back != null && inside(fwd, f)) {
                    double fb = Math.hypot(back[0] - st.x, back[1] - st.y);
                    double ncc = ncc(next, fwd[0], fwd[1], template);
                    if (fb <= config.maxForwardBackwardErrorPx() && ncc >= config.minAppearance()) {
                        st.x = fwd[0];
                        st.y = fwd[1];
                        double conf = Math.max(0, Math.min(1, ncc)) * (1 - 0.5 * fb / config.maxForwardBackwardErrorPx());
                        return new TrackedPoint(f.index(), f.timeS(), st.x, st.y, conf, false);
                    }
                }
                st.lost = true;
                st.lostFrames = 0;
            }
            st.lostFrames++;
            double[] found = search(next, st, template);
            if (found != null) {
                st.lost = false;
                st.x = found[0];
                st.y = found[1];
                return new TrackedPoint(f.index(), f.timeS(), st.x, st.y, found[2], false);
            }
            return new TrackedPoint(f.index(), f.timeS(), Double.NaN, Double.NaN, 0, true);
        }
    }

    private double[] flow(Mat from, Mat to, double x, double y) {
        Mat p0 = new Mat(1, 1, CV_32FC2);
        try (FloatIndexer ix = p0.createIndexer()) {
            ix.put(0, 0, 0, (float) x);
            ix.put(0, 0, 1, (float) y);
        }
        Mat p1 = new Mat();
        Mat status = new Mat();
        Mat err = new Mat();
        calcOpticalFlowPyrLK(from, to, p0, p1, status, err, new Size(config.windowPx(), config.windowPx()),
                config.pyramidLevels(), new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 30, 0.01), 0, 1e-4);
        if (status.data().get(0) == 0) return null;
        try (FloatIndexer ix = p1.createIndexer()) {
            return new double[]{ix.get(0, 0, 0), ix.get(0, 0, 1)};
        }
    }

    /** Normalised cross-correlation of the patch at (x, y) with the picked patch. */
    private double ncc(Mat image, double x, double y, Mat template) {
        Mat p = new Mat();
        getRectSubPix(image, new Size(config.templatePx(), config.templatePx()), new Point2f((float) x, (float) y), p);
        Mat r = new Mat();
        matchTemplate(p, template, r, TM_CCOEFF_NORMED);
        try (FloatIndexer ix = r.createIndexer()) {
            double v = ix.get(0, 0);
            return Double.isFinite(v) ? v : 0;
        }
    }

    /** Looks for the picked patch around the last known position; returns x, y, score or null. */
    private double[] search(Mat image, State st, Mat template) {
        int t = config.templatePx();
        int radius = Math.min(Math.max(image.cols(), image.rows()), 2 * t + st.lostFrames * t / 4);
        int x0 = Math.max(0, (int) Math.round(st.x) - radius - t / 2);
        int y0 = Math.max(0, (int) Math.round(st.y) - radius - t / 2);
        int x1 = Math.min(image.cols(), (int) Math.round(st.x) + radius + t / 2 + 1);
        int y1 = Math.min(image.rows(), (int) Math.round(st.y) + radius + t / 2 + 1);
        if (x1 - x0 < t || y1 - y0 < t) return null;
        Mat region = new Mat(image, new Rect(x0, y0, x1 - x0, y1 - y0));
        Mat r = new Mat();
        matchTemplate(region, template, r, TM_CCOEFF_NORMED);
        DoublePointer min = new DoublePointer(1), max = new DoublePointer(1);
        Point minLoc = new Point(), maxLoc = new Point();
        minMaxLoc(r, min, max, minLoc, maxLoc, null);
        double score = max.get();
        if (!(score >= config.reacquireAppearance())) return null;
        // Sub-pixel peak by a parabola through the neighbours, so re-acquired positions are not snapped to the grid.
        double dx = 0, dy = 0;
        int mx = maxLoc.x(), my = maxLoc.y();
        try (FloatIndexer ix = r.createIndexer()) {
            if (mx > 0 && mx < r.cols() - 1) dx = peak(ix.get(my, mx - 1), ix.get(my, mx), ix.get(my, mx + 1));
            if (my > 0 && my < r.rows() - 1) dy = peak(ix.get(my - 1, mx), ix.get(my, mx), ix.get(my + 1, mx));
        }
        return new double[]{x0 + mx + dx + t / 2, y0 + my + dy + t / 2, Math.min(1, score)};
    }

    private static double peak(double a, double b, double c) {
        double d = a - 2 * b + c;
        return d < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / d)) : 0;
    }

    private static boolean inside(double[] p, GrayFrame f) {
        return p[0] >= 0 && p[1] >= 0 && p[0] <= f.width() - 1 && p[1] <= f.height() - 1;
    }

    private Mat patch(Mat image, double x, double y) {
        Mat p = new Mat();
        getRectSubPix(image, new Size(config.templatePx(), config.templatePx()), new Point2f((float) x, (float) y), p);
        return p;
    }

    static Mat toMat(GrayFrame f) {
        Mat m = new Mat(f.height(), f.width(), CV_8UC1);
        m.data().put(f.pixels());
        return m;
    }
}
