package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.chart.ChartOptions;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the analysis page's view reads and builds of a one-minute analysis (1,800 frames, two people, 12 angle
 * series), each part timed: as it was read for every view, and through {@link AnalysisCache} (docs/BENCHMARKS.md,
 * "Analysis page cached"). Only with -Dbenchmarks=true.
 */
@EnabledIfSystemProperty(named = "benchmarks", matches = "true")
class AnalysisPageTimingTest extends DatabaseTest {
    @Autowired AnalysisStore store;
    @Autowired AnalysisQueries queries;
    @Autowired VideoAnalysisService analyses;
    @Autowired CompareCandidates candidates;
    @Autowired TimelineNotes notes;
    @Autowired FrameDrawings drawings;
    @Autowired ScaleLines lines;
    @Autowired PointTrackingService tracking;
    @Autowired KeypointCorrections corrections;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void partsOfAView() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 9, 1), "squat"));
        long id = store.save(clinic.clinicId(), video, UUID.randomUUID(), null, SyntheticResults.of(1800, 33, 2, 12, 5)).analysisId();
        clinic.signIn(Role.CLINICIAN);
        for (int round = 0; round < 8; round++) {
            List<String> read = new ArrayList<>(), cached = new ArrayList<>(), rest = new ArrayList<>();
            // as every view read it before
            time(read, "keypoints", () -> queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.FILTERED));
            time(read, "angles", () -> queries.angles(id));
            time(read, "repetitions", () -> queries.repetitions(id));
            List<TrackSeries> people = time(read, "people", () -> queries.tracks(id));
            VideoAnalysis a = analyses.latest(video).orElseThrow();
            List<String> shown = a.defaultAngleColumns();
            List<TrackSeries> others = people.stream().filter(t -> a.analysis().subjectTrackId() == null || t.trackId() != a.analysis().subjectTrackId()).toList();
            String json = time(read, "player data", () -> PlayerData.of(a, shown, others, 0));
            // now
            VideoAnalysis now = time(cached, "latest (figures read)", () -> analyses.latest(video).orElseThrow());
            String nowJson = time(cached, "player data", () -> analyses.playerData(now, shown, 0));
            assertThat(nowJson).isEqualTo(json);
            // the rest of a view, unchanged
            time(rest, "chart", () -> ChartOptions.timeChart(shown.stream().map(now::curve).toList(), now.repetitionBands(), List.of(), "a", "t"));
            time(rest, "compare list", () -> candidates.forVideo(video, clinic.subjectId()));
            time(rest, "notes", () -> notes.of(video));
            time(rest, "drawings", () -> drawings.of(video));
            time(rest, "scale line", () -> lines.of(video));
            time(rest, "points", () -> tracking.stored(id));
            time(rest, "corrections", () -> corrections.state(id));
            System.out.printf(Locale.ROOT, "analysis page, round %d (player data %d KB): read %s | cached %s | rest %s%n", round,
                    json.length() / 1024, String.join(", ", read), String.join(", ", cached), String.join(", ", rest));
        }
    }

    private static <T> T time(List<String> out, String what, Supplier<T> s) {
        long t = System.nanoTime();
        T v = s.get();
        out.add(what + String.format(Locale.ROOT, " %.1f ms", (System.nanoTime() - t) / 1e6));
        return v;
    }
}
