package org.poseanalytics.pose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time and call count per named pipeline stage ("decode", "detect", "landmarks", ...). Stage names differ
 * between engines, hence names rather than fields. Not thread-safe: one per thread, merged by the caller.
 */
public final class StageTimings {
    /** Totals of one stage. */
    public record Stage(long nanos, long calls) {
        public double totalS() { return nanos / 1e9; }

        public double meanMs() { return calls == 0 ? 0 : nanos / 1e6 / calls; }
    }

    private final Map<String, long[]> stages = new LinkedHashMap<>();

    public void add(String stage, long nanos) { add(stage, nanos, 1); }

    public void add(String stage, long nanos, long calls) {
        long[] t = stages.computeIfAbsent(stage, k -> new long[2]);
        t[0] += nanos;
        t[1] += calls;
    }

    public Stage stage(String stage) {
        long[] t = stages.get(stage);
        return t == null ? new Stage(0, 0) : new Stage(t[0], t[1]);
    }

    public Map<String, Stage> all() {
        Map<String, Stage> out = new LinkedHashMap<>();
        stages.forEach((k, v) -> out.put(k, new Stage(v[0], v[1])));
        return Collections.unmodifiableMap(out);
    }
}
