package org.poseanalytics.web.analysis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.TrackedPoint;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.report.ExportService;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Points tracked on the analysis page are stored with the analysis, read back exactly (hidden frames stay NaN),
 * numbered for the page, clinic-scoped, removable by a clinician (audited), exported as points.csv, and erased with
 * the video.
 */
class TrackedPointsTest extends DatabaseTest {
    @Autowired TrackedPoints points;
    @Autowired PointTrackingService tracking;
    @Autowired ExportService exports;
    @Autowired VideoService videos;
    @Autowired AnalysisStore store;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    static PointTrajectory path(float x0) {
        return new PointTrajectory(0, new PointSpec(x0, 20, 0.2), 1, List.of(
                new TrackedPoint(0, 0, x0, 20, 0.9f, false),
                new TrackedPoint(1, 0.2, Double.NaN, Double.NaN, 0, true),
                new TrackedPoint(2, 0.4, x0 + 2.5f, 18.25f, 0.8f, false)));
    }

    @Test
    void storedReadBackNumberedExportedRemovedAndErasedWithTheVideo() throws Exception {
        TestClinic owner = TestClinic.create(jdbc);
        long videoId = owner.video(jdbc, owner.session(jdbc, LocalDate.now(), "squat"));
        long analysis = store.save(owner.clinicId(), videoId, UUID.randomUUID(), null, SyntheticResults.of(3, 33, 1, 2, 1)).analysisId();
        owner.signIn(Role.CLINICIAN);
        TrackedPath first = points.add(analysis, path(100));
        TrackedPath second = points.add(analysis, path(300));
        assertThat(List.of(first.number(), second.number())).containsExactly(1, 2);
        assertThat(first.createdBy()).isEqualTo(jdbc.sql("select display_name from account where id = :a").param("a", owner.accountId()).query(String.class).single());

        List<TrackedPath> read = points.list(analysis);
        assertThat(read).hasSize(2);
        PointTrajectory back = read.getFirst().trajectory();
        assertThat(back.points()).extracting(TrackedPoint::frame).containsExactly(0L, 1L, 2L);
        assertThat(back.points().get(0).xPx()).isEqualTo(100f);
        assertThat(back.points().get(1).xPx()).isNaN();
        assertThat(back.points().get(2).yPx()).isEqualTo(18.25f);
        assertThat(back.framesSeen()).isEqualTo(2);

        // A re-analysis of the video (another model or person) keeps the tracked points: they follow pixels, not poses.
        long again = store.save(owner.clinicId(), videoId, UUID.randomUUID(), null, SyntheticResults.of(3, 33, 1, 2, 1)).analysisId();
        assertThat(points.list(again)).extracting(TrackedPath::number).containsExactly(1, 2);
        assertThat(points.list(again).get(1).trajectory().points().get(2).xPx()).isEqualTo(302.5f);
        assertThat(points.list(analysis)).hasSize(2);

        // A viewer sees them and can download them, as the command line's points.csv.
        owner.signIn(Role.VIEWER);
        assertThat(points.list(analysis)).hasSize(2);
        assertThatThrownBy(() -> points.add(analysis, path(5))).isInstanceOf(AccessDeniedException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.pointsCsv(videoId, out);
        List<String> csv = out.toString(StandardCharsets.UTF_8).lines().toList();
        // the analysis has no scale: the metre columns are there, empty
        assertThat(csv.getFirst()).isEqualTo("point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s");
        assertThat(csv).hasSize(1 + 6).contains("1,1,0.2,,,0,1,,,,,", "2,2,0.4,302.5,18.25,0.8,0,,,,,");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'exported' and video_id = :v and detail like 'tracked points CSV%'")
                .param("v", videoId).query(Integer.class).single()).isEqualTo(1);

        // Removing is a clinician's, audited; numbers are not reused, so "Point 2" keeps meaning the same point.
        owner.signIn(Role.CLINICIAN);
        Video video = videos.get(videoId);
        tracking.remove(video, first);
        assertThat(points.list(analysis)).extracting(TrackedPath::number).containsExactly(2);
        assertThat(points.add(analysis, path(7)).number()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'deleted' and video_id = :v and detail like 'tracked point 1 removed%'")
                .param("v", videoId).query(Integer.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> tracking.remove(video, first)).isInstanceOf(NotFoundException.class);

        // Erased with the video.
        jdbc.sql("delete from video where id = :v").param("v", videoId).update();
        assertThat(jdbc.sql("select count(*) from analysis_tracked_point where analysis_id in (:a, :b)").param("a", analysis).param("b", again).query(Integer.class).single()).isZero();
    }

    @Test
    void anotherClinicNeitherSeesNorAddsNorRemoves() {
        TestClinic owner = TestClinic.create(jdbc);
        TestClinic other = TestClinic.create(jdbc);
        long videoId = owner.video(jdbc, owner.session(jdbc, LocalDate.now(), "squat"));
        long analysis = store.save(owner.clinicId(), videoId, UUID.randomUUID(), null, SyntheticResults.of(3, 33, 1, 2, 1)).analysisId();
        owner.signIn(Role.CLINICIAN);
        TrackedPath mine = points.add(analysis, path(100));
        other.signIn(Role.ADMIN);
        assertThat(points.list(analysis)).isEmpty();
        assertThatThrownBy(() -> points.add(analysis, path(1))).isInstanceOf(NotFoundException.class);
        assertThat(points.remove(analysis, mine.id())).isFalse();
        assertThatThrownBy(() -> exports.pointsCsv(videoId, new ByteArrayOutputStream())).isInstanceOf(NotFoundException.class);
        owner.signIn(Role.VIEWER);
        assertThat(points.list(analysis)).hasSize(1);
    }
}
