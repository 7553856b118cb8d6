package org.poseanalytics.web.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * The progress page reads a subject's trends in two steps (the list, then the visits of the one shown) where the API
 * and the shared page read them all at once: both must show the same trends with the same figures and changes.
 */
public final class ProgressReads {
    private ProgressReads() {}

    /** The choices are {@link ProgressService#trends}' trends, in its order, and each one's visits are that trend's. */
    public static List<TrendChoice> assertSameTrendsBothWays(ProgressService progress, long subjectId) {
        List<MetricTrend> all = progress.trends(subjectId);
        List<TrendChoice> choices = progress.choices(subjectId);
        assertThat(choices).extracting(TrendChoice::exercise, TrendChoice::key, TrendChoice::label, TrendChoice::unit,
                        TrendChoice::view, TrendChoice::headlineRank, TrendChoice::kept, TrendChoice::setVelocity)
                .containsExactlyElementsOf(all.stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.exercise(), t.key(), t.label(),
                        t.unit(), t.view(), t.headlineRank(), t.kept().size(), t.setVelocity())).toList());
        for (int i = 0; i < choices.size(); i++) {
            // records compare their doubles as Double.compare does: NaN (an invalid visit) equals NaN
            assertThat(progress.trend(subjectId, choices.get(i))).as(choices.get(i).key()).isEqualTo(all.get(i));
            assertThat(choices.get(i).heading().visits()).isEqualTo(all.get(i).visits().size());
        }
        return choices;
    }
}
