package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long analysis goes to the overlay player a window at a time (an hour's whole would be ~100 MB of JSON); each
 * window holds exactly the frames, keypoints, labels and other people the whole would hold for its times.
 */
class PlayerDataWindowTest extends DatabaseTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired AnalysisStore store;
    @Autowired VideoAnalysisService analyses;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void aLongAnalysisGoesAWindowAtATime_aShortOneWhole() {
        TestClinic clinic = TestClinic.create(jdbc);
        long longVideo = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 9, 1), "squat"));
        long shortVideo = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 9, 2), "squat"));
        int frames = 12_000; // 400 s at 30 fps: windows of minutes 0..6
        store.save(clinic.clinicId(), longVideo, UUID.randomUUID(), null, SyntheticResults.of(frames, 33, 2, 4, 5));
        store.save(clinic.clinicId(), shortVideo, UUID.randomUUID(), null, SyntheticResults.of(1_800, 33, 2, 4, 5));
        clinic.signIn(Role.CLINICIAN);

        VideoAnalysis a = analyses.latest(longVideo).orElseThrow();
        List<String> shown = a.defaultAngleColumns();
        assertThat(shown).isNotEmpty();
        JsonNode whole = JSON.readTree(PlayerData.ofWindow(a, shown, analyses.people(a).stream()
                .filter(t -> t.trackId() != a.analysis().subjectTrackId()).toList(), -1));
        assertThat(whole.has("window")).isFalse();
        assertThat(whole.get("t").size()).isEqualTo(frames);

        // the first minute, with half a minute after it; nothing before it to ask for
        JsonNode first = JSON.readTree(analyses.playerData(a, shown, 0));
        assertThat(first.get("window").get("from").isNull()).isTrue();
        assertThat(first.get("window").get("to").asDouble()).isEqualTo(60.0);
        assertWindowMatchesWhole(first, whole, 0, 90);

        // the player at 3:20 gets minute 3 with half a minute either side
        JsonNode middle = JSON.readTree(analyses.playerData(a, shown, 200.0));
        assertThat(middle.get("window").get("from").asDouble()).isEqualTo(180.0);
        assertThat(middle.get("window").get("to").asDouble()).isEqualTo(240.0);
        assertWindowMatchesWhole(middle, whole, 150, 270);

        // the last minute: nothing after it to ask for; past the end (a seek to the video's end) is the last minute too
        JsonNode last = JSON.readTree(analyses.playerData(a, shown, 399.0));
        assertThat(last.get("window").get("to").isNull()).isTrue();
        assertThat(last.get("window").get("from").asDouble()).isEqualTo(360.0);
        assertWindowMatchesWhole(last, whole, 330, 400);
        assertThat(analyses.playerData(a, shown, 10_000.0)).isEqualTo(analyses.playerData(a, shown, 399.0));
        assertThat(analyses.playerData(a, shown, -5.0)).isEqualTo(analyses.playerData(a, shown, 0));

        // a short analysis is sent whole, as before
        VideoAnalysis s = analyses.latest(shortVideo).orElseThrow();
        JsonNode shortData = JSON.readTree(analyses.playerData(s, s.defaultAngleColumns(), 30.0));
        assertThat(shortData.has("window")).isFalse();
        assertThat(shortData.get("t").size()).isEqualTo(1_800);
    }

    /** The window holds the whole's samples with times in [from, to), the same in every field. */
    private static void assertWindowMatchesWhole(JsonNode window, JsonNode whole, double from, double to) {
        JsonNode t = window.get("t"), wt = whole.get("t");
        int offset = 0;
        while (wt.get(offset).asDouble() < from) offset++;
        int end = offset;
        while (end < wt.size() && wt.get(end).asDouble() < to) end++;
        assertThat(t.size()).as("frames from %s to %s s", from, to).isEqualTo(end - offset);
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.get(i)).isEqualTo(wt.get(offset + i));
            assertThat(window.get("f").get(i)).isEqualTo(whole.get("f").get(offset + i));
            assertThat(window.get("kp").get(i)).isEqualTo(whole.get("kp").get(offset + i));
        }
        assertThat(window.get("labels").size()).isEqualTo(whole.get("labels").size()).isPositive();
        for (int l = 0; l < window.get("labels").size(); l++) {
            JsonNode values = window.get("labels").get(l).get("values"), wv = whole.get("labels").get(l).get("values");
            assertThat(values.size()).isEqualTo(t.size());
            for (int i = 0; i < values.size(); i++) assertThat(values.get(i)).isEqualTo(wv.get(offset + i));
        }
        assertThat(window.get("others").size()).isEqualTo(whole.get("others").size()).isPositive();
        for (int p = 0; p < window.get("others").size(); p++) {
            JsonNode pt = window.get("others").get(p).get("t");
            assertThat(pt.get(0).asDouble()).isGreaterThanOrEqualTo(from);
            assertThat(pt.get(pt.size() - 1).asDouble()).isLessThan(to);
            assertThat(window.get("others").get(p).get("kp").size()).isEqualTo(pt.size());
        }
    }
}
