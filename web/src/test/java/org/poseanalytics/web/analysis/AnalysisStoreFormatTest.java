package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;
import org.poseanalytics.tracking.series.SeriesBuilder;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored format since issue 17 (series written by {@code COPY … (FORMAT binary)}, the subject's raw series stored
 * once as their track, the tracks' and subject's series in page-sized parts since V46) against the one before (batched
 * inserts of the bytes {@link #previousKeypoints} and its neighbours encode, a raw row of its own, the series in the
 * row's column): the same bytes, and rows stored before read back exactly as they did.
 */
class AnalysisStoreFormatTest extends DatabaseTest {
    @Autowired AnalysisStore store;
    @Autowired AnalysisQueries queries;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void copiedRowsHoldTheBytesTheInsertsWroteBefore() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 12, 2), "squat"));
        AnalysisResult r = SyntheticResults.of(90, 33, 2, 6, 2);
        long id = store.save(clinic.clinicId(), video, UUID.randomUUID(), null, r).analysisId();

        KeypointSeries filtered = r.subject().filtered().series();
        // Since V46 in parts (90 frames: 11,880 keypoint values, 6 parts; 8,910 world values, 5 parts), the row's columns null.
        assertThat(bytes("select analysis_series_bytes(:id, 'filtered')", id)).isEqualTo(previousKeypoints(filtered));
        assertThat(bytes("select analysis_series_bytes(:id, 'filtered world')", id)).isEqualTo(previousWorld(filtered));
        assertThat(jdbc.sql("select count(*) from analysis_series_part where analysis_id = :id and series = 'filtered'").param("id", id)
                .query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select max(length(bytes)) from analysis_series_part where analysis_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(SeriesPartCodec.PART_FLOATS * Float.BYTES);
        assertThat(jdbc.sql("""
                        select count(*) from analysis_subject_series where analysis_id = :id and (keypoints is not null or world is not null)
                        union all select count(*) from analysis_track where analysis_id = :id and keypoints is not null""")
                .param("id", id).query(Long.class).list()).containsExactly(0L, 0L);
        assertThat(jdbc.sql("select frames from analysis_subject_series where analysis_id = :id and kind = 'filtered'").param("id", id)
                .query((rs, n) -> SqlArrays.longs(rs, "frames")).single()).containsExactly(filtered.frames());
        assertThat(jdbc.sql("select times_s from analysis_subject_series where analysis_id = :id and kind = 'filtered'").param("id", id)
                .query((rs, n) -> SqlArrays.doubles(rs, "times_s")).single()).containsExactly(filtered.timesS());
        // each track as the previous TrackCodec encoded it: its poses on the frames where it was seen
        assertThat(bytes("select analysis_series_bytes(:id, 'track 2')", id))
                .isEqualTo(previousKeypoints(SeriesBuilder.raw(r.tracks(), 2)));
        AngleSeries angle = r.kinematics().angles().series().get(2);
        assertThat(bytes("select values_deg from analysis_angle where analysis_id = :id and ord = 2", id))
                .isEqualTo(previousFloats(angle.valuesDeg()));
        assertThat(bytes("select velocity_deg_per_s from analysis_angle where analysis_id = :id and ord = 2", id))
                .isEqualTo(previousFloats(angle.velocityDegPerS()));
    }

    @Test
    void theRawSeriesIsStoredOnceAsTheSubjectsTrackAndReadBackAsBuilt() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 12, 2), "squat"));
        AnalysisResult full = SyntheticResults.of(60, 33, 2, 4, 1);
        // The subject (track 1) leaves the picture for frames 10 to 19: gaps in the raw series, absent from the track row.
        List<TrackedFrame> frames = new ArrayList<>();
        for (TrackedFrame f : full.tracks().frames()) {
            List<TrackedPerson> persons = f.persons().stream().filter(p -> p.trackId() != 1 || f.frameIndex() < 10 || f.frameIndex() > 19).toList();
            frames.add(new TrackedFrame(f.frameIndex(), f.timeS(), f.width(), f.height(), persons));
        }
        Tracks tracks = new Tracks(frames, java.util.Set.of(1, 2));
        TrackingStage.Subject subject = TrackingStage.Subject.ofTrack(full.subject().choice(), tracks, full.subject().filtered());
        AnalysisResult r = new AnalysisResult(full.video(), full.model(), full.modelDescription(), full.poses(), tracks, subject,
                full.kinematics(), full.points(), full.timings(), full.warnings(), full.scale());
        long id = store.save(clinic.clinicId(), video, UUID.randomUUID(), null, r).analysisId();

        assertThat(jdbc.sql("select count(*) from analysis_subject_series where analysis_id = :id and kind = 'raw'").param("id", id)
                .query(Long.class).single()).isZero();
        clinic.signIn(Role.VIEWER);
        KeypointSeries raw = queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.RAW).orElseThrow();
        KeypointSeries built = subject.raw();
        assertThat(raw.filter()).isEqualTo("raw");
        assertThat(raw.frames()).containsExactly(built.frames());
        assertThat(raw.timesS()).containsExactly(built.timesS());
        assertSameRows(raw.x(), built.x());
        assertSameRows(raw.y(), built.y());
        assertSameRows(raw.z(), built.z());
        assertSameRows(raw.visibility(), built.visibility());
        assertThat(raw.isGap(0, 15)).isTrue();
        assertThat(raw.x().get(0, 20)).isEqualTo(built.x().get(0, 20)).isNotNaN();
        assertThat(raw.hasWorld()).isFalse();

        // A clinician's corrected analysis keeps the model's raw series: the subject's track, copied with the tracks.
        TestClinic.signOut();
        long corrected = store.saveCorrected(clinic.clinicId(), video, id, null, r.kinematics(), r.subject().filtered().series(),
                r.scale(), 0.1).orElseThrow().analysisId();
        clinic.signIn(Role.VIEWER);
        KeypointSeries rawOfCorrected = queries.subjectKeypoints(corrected, SubjectSeriesCodec.Kind.RAW).orElseThrow();
        assertSameRows(rawOfCorrected.x(), built.x());
        assertSameRows(rawOfCorrected.visibility(), built.visibility());
    }

    @Test
    void aRawRowStoredBeforeReadsBackExactlyWithItsWorldLandmarks() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 12, 2), "squat"));
        AnalysisResult r = SyntheticResults.of(40, 33, 1, 4, 1);
        long id = store.save(clinic.clinicId(), video, UUID.randomUUID(), null, r).analysisId();
        // As the store wrote every analysis until issue 17: a raw row of its own, with world landmarks.
        KeypointSeries f = r.subject().filtered().series();
        KeypointSeries old = SyntheticResults.keypoints(f.skeleton(), f.frames(), f.timesS(), 7, "raw", true);
        jdbc.sql("""
                        insert into analysis_subject_series (analysis_id, kind, filter, frames, times_s, keypoints, world)
                        values (:id, 'raw', 'raw', :frames, :times, :keypoints, :world)""")
                .param("id", id).param("frames", SqlArrays.ints(old.frames())).param("times", old.timesS())
                .param("keypoints", previousKeypoints(old)).param("world", previousWorld(old)).update();

        clinic.signIn(Role.VIEWER);
        KeypointSeries raw = queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.RAW).orElseThrow();
        assertSameRows(raw.x(), old.x());
        assertSameRows(raw.y(), old.y());
        assertSameRows(raw.z(), old.z());
        assertSameRows(raw.visibility(), old.visibility());
        assertSameRows(raw.worldX(), old.worldX());
        assertSameRows(raw.worldY(), old.worldY());
        assertSameRows(raw.worldZ(), old.worldZ());
    }

    @Test
    void seriesStoredInTheirRowsBeforeV46ReadBackExactly() {
        TestClinic clinic = TestClinic.create(jdbc);
        long video = clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 12, 2), "squat"));
        AnalysisResult r = SyntheticResults.of(70, 33, 2, 4, 1);
        long id = store.save(clinic.clinicId(), video, UUID.randomUUID(), null, r).analysisId();
        clinic.signIn(Role.VIEWER);
        KeypointSeries filteredFromParts = queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.FILTERED).orElseThrow();
        KeypointSeries rawFromParts = queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.RAW).orElseThrow();
        List<TrackSeries> tracksFromParts = queries.tracks(id);
        TestClinic.signOut();

        // As the store wrote every analysis until V46: the bytes in the rows' own columns, no parts.
        KeypointSeries filtered = r.subject().filtered().series();
        jdbc.sql("update analysis_subject_series set keypoints = :k, world = :w where analysis_id = :id and kind = 'filtered'")
                .param("k", previousKeypoints(filtered)).param("w", previousWorld(filtered)).param("id", id).update();
        for (int track : new int[] {1, 2})
            jdbc.sql("update analysis_track set keypoints = :k where analysis_id = :id and track_id = :t")
                    .param("k", previousKeypoints(SeriesBuilder.raw(r.tracks(), track))).param("id", id).param("t", track).update();
        assertThat(jdbc.sql("delete from analysis_series_part where analysis_id = :id").param("id", id).update()).isPositive();

        clinic.signIn(Role.VIEWER);
        KeypointSeries filteredFromRow = queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.FILTERED).orElseThrow();
        for (KeypointSeries read : List.of(filteredFromParts, filteredFromRow)) {
            assertSameRows(read.x(), filtered.x());
            assertSameRows(read.y(), filtered.y());
            assertSameRows(read.z(), filtered.z());
            assertSameRows(read.visibility(), filtered.visibility());
            assertSameRows(read.worldX(), filtered.worldX());
            assertSameRows(read.worldY(), filtered.worldY());
            assertSameRows(read.worldZ(), filtered.worldZ());
        }
        KeypointSeries rawFromRow = queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.RAW).orElseThrow();
        KeypointSeries rawBuilt = r.subject().raw();
        for (KeypointSeries read : List.of(rawFromParts, rawFromRow)) {
            assertSameRows(read.x(), rawBuilt.x());
            assertSameRows(read.visibility(), rawBuilt.visibility());
        }
        List<TrackSeries> tracksFromRow = queries.tracks(id);
        assertThat(tracksFromRow).hasSize(2);
        assertThat(tracksFromParts).hasSize(2);
        for (int t = 0; t < 2; t++) {
            KeypointSeries built = SeriesBuilder.raw(r.tracks(), t + 1);
            for (KeypointSeries read : List.of(tracksFromParts.get(t).series(), tracksFromRow.get(t).series())) {
                assertSameRows(read.x(), built.x());
                assertSameRows(read.y(), built.y());
                assertSameRows(read.z(), built.z());
                assertSameRows(read.visibility(), built.visibility());
            }
        }
    }

    @Test
    void partsGoWithTheirAnalysis() {
        TestClinic clinic = TestClinic.create(jdbc);
        long id = store.save(clinic.clinicId(), clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 12, 2), "squat")),
                UUID.randomUUID(), null, SyntheticResults.of(30, 33, 1, 2, 1)).analysisId();
        long other = store.save(clinic.clinicId(), clinic.video(jdbc, clinic.session(jdbc, LocalDate.of(2026, 12, 3), "squat")),
                UUID.randomUUID(), null, SyntheticResults.of(30, 33, 1, 2, 1)).analysisId();
        assertThat(parts(id)).isPositive();
        jdbc.sql("delete from analysis where id = :id").param("id", id).update();
        assertThat(parts(id)).isZero();
        assertThat(parts(other)).isPositive();
    }

    private long parts(long analysisId) {
        return jdbc.sql("select count(*) from analysis_series_part where analysis_id = :id").param("id", analysisId).query(Long.class).single();
    }

    private byte[] bytes(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query((rs, n) -> rs.getBytes(1)).single();
    }

    // The encoders the store used until issue 17 (FloatArrays.keypoints, world, toBytes), kept here as the reference.

    private static byte[] previousKeypoints(KeypointSeries s) {
        int n = s.length(), l = s.skeleton().size();
        ByteBuffer buffer = ByteBuffer.allocate(n * l * 4 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer f = buffer.asFloatBuffer();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++)
                f.put((float) s.x().get(j, i)).put((float) s.y().get(j, i)).put((float) s.z().get(j, i)).put((float) s.visibility().get(j, i));
        return buffer.array();
    }

    private static byte[] previousWorld(KeypointSeries s) {
        int n = s.length(), l = s.skeleton().size();
        ByteBuffer buffer = ByteBuffer.allocate(n * l * 3 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer f = buffer.asFloatBuffer();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++) f.put((float) s.worldX().get(j, i)).put((float) s.worldY().get(j, i)).put((float) s.worldZ().get(j, i));
        return buffer.array();
    }

    private static byte[] previousFloats(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer f = buffer.asFloatBuffer();
        for (double v : values) f.put((float) v);
        return buffer.array();
    }

    /** [landmark][sample] arrays equal row by row, NaN (a gap) equal to NaN. */
    private static void assertSameRows(SeriesChannel actualChannel, SeriesChannel expectedChannel) {
        float[][] actual = actualChannel.toArray(), expected = expectedChannel.toArray();
        assertThat(actual).hasSameDimensionsAs(expected);
        for (int j = 0; j < expected.length; j++) assertThat(actual[j]).as("landmark " + j).containsExactly(expected[j]);
    }
}
