package org.poseanalytics.kinematics.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poseanalytics.kinematics.rating.RatedTables.between;
import static org.poseanalytics.kinematics.rating.RatedTables.issues;

import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.AnatomicalPlane;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.view.CameraView;

/** The metric quality rule on windows with known issues: ≥ 80 % valid → valid; ≥ 50 % usable → low; else invalid. */
class QualityRuleTest {
    private static final QualityRule.Context NONE = QualityRule.Context.NONE;

    @Test
    void eightyPercentValidIsValid() {
        assertThat(QualityRule.rate(issues(100, between(0, 20, SampleIssue.HIDDEN)), NONE)).isEqualTo(Rating.VALID);
        assertThat(QualityRule.rate(issues(100, between(0, 21, SampleIssue.HIDDEN)), NONE).quality()).isEqualTo(Quality.LOW);
    }

    @Test
    void halfUsableIsLowWithTheMostFrequentIssueAndItsShare() {
        // 30 % interpolated (low) and 20 % hidden (invalid): 80 % usable, 50 % valid.
        SampleIssue[] s = issues(100, i -> i < 30 ? SampleIssue.INTERPOLATED : i < 50 ? SampleIssue.HIDDEN : SampleIssue.NONE);
        Rating r = QualityRule.rate(s, NONE);
        assertThat(r.quality()).isEqualTo(Quality.LOW);
        assertThat(r.reason()).isEqualTo("interpolated over a short gap in 30 % of the frames");
        Rating half = QualityRule.rate(issues(100, between(0, 50, SampleIssue.HIDDEN)), NONE);
        assertThat(half.quality()).isEqualTo(Quality.LOW);
        assertThat(half.reason()).isEqualTo("keypoint hidden or out of view in 50 % of the frames");
    }

    @Test
    void mostlyUnusableIsInvalidWithTheDominantInvalidatingIssue() {
        SampleIssue[] s = issues(100, i -> i < 60 ? SampleIssue.HIDDEN : i < 70 ? SampleIssue.IMPLAUSIBLE : i < 90 ? SampleIssue.INTERPOLATED : SampleIssue.NONE);
        Rating r = QualityRule.rate(s, NONE);
        assertThat(r.quality()).isEqualTo(Quality.INVALID);
        assertThat(r.reason()).isEqualTo("keypoint hidden or out of view in 60 % of the frames");
        assertThat(QualityRule.rate(issues(10, i -> SampleIssue.IMPLAUSIBLE), NONE).reason()).isEqualTo("outside the physiological range in all frames");
    }

    @Test
    void anEdgeOnPlaneIsNamedWithTheView() {
        SampleIssue[] s = issues(50, i -> SampleIssue.EDGE_ON_PLANE);
        assertThat(QualityRule.rate(s, new QualityRule.Context(AnatomicalPlane.FRONTAL, RatedTables.view(CameraView.SAGITTAL_LEFT))).reason())
                .isEqualTo("frontal-plane angle from a side view");
        assertThat(QualityRule.rate(s, new QualityRule.Context(AnatomicalPlane.SAGITTAL, RatedTables.view(CameraView.FRONTAL_ANTERIOR))).reason())
                .isEqualTo("sagittal-plane angle from a front view");
    }

    @Test
    void onlyAWindowCounts() {
        SampleIssue[] s = issues(100, between(40, 60, SampleIssue.NOT_TRACKED));
        assertThat(QualityRule.rate(s, 0, 39, NONE)).isEqualTo(Rating.VALID);
        assertThat(QualityRule.rate(s, 40, 59, NONE).quality()).isEqualTo(Quality.INVALID);
        assertThat(QualityRule.rate(s, 20, 59, NONE).quality()).isEqualTo(Quality.LOW);
    }

    @Test
    void aSessionIsRatedOverTheSubjectsTimeInView() {
        // Not in view for the first 40 and the last 25 samples (the camera ran before they stepped in and after they
        // left); 10 hidden in between: 10 of 35 samples in view are invalid, so the session is low, not invalid.
        SampleIssue[] s = issues(100, i -> i < 40 || i >= 75 ? SampleIssue.NOT_TRACKED : i < 50 ? SampleIssue.HIDDEN : SampleIssue.NONE);
        assertThat(QualityRule.presence(s)).containsExactly(40, 74);
        Rating r = QualityRule.rate(s, NONE);
        assertThat(r.quality()).isEqualTo(Quality.LOW);
        assertThat(r.reason()).isEqualTo("keypoint hidden or out of view in 29 % of the frames");
        // A gap while in view still counts: lost for 30 of the 60 samples between two sightings is not hidden away.
        SampleIssue[] lost = issues(100, i -> i < 40 || (i >= 55 && i < 85) ? SampleIssue.NOT_TRACKED : SampleIssue.NONE);
        assertThat(QualityRule.presence(lost)).containsExactly(40, 99);
        assertThat(QualityRule.rate(lost, NONE).quality()).isEqualTo(Quality.LOW);
        // Never in view: the whole series, rated as such.
        SampleIssue[] never = issues(10, i -> SampleIssue.NOT_TRACKED);
        assertThat(QualityRule.presence(never)).containsExactly(0, 9);
        assertThat(QualityRule.rate(never, NONE).reason()).isEqualTo("not tracked in all frames");
    }

    @Test
    void aNaNIsNeverAMeasurementEvenWhenUnrated() {
        double[] v = {1, Double.NaN, 3};
        SampleIssue[] unrated = {SampleIssue.NONE, SampleIssue.NONE, SampleIssue.IMPLAUSIBLE};
        assertThat(QualityRule.withGaps(v, unrated)).containsExactly(SampleIssue.NONE, SampleIssue.NOT_TRACKED, SampleIssue.IMPLAUSIBLE);
        assertThat(QualityRule.usable(v, unrated)[2]).isNaN();
    }

    @Test
    void aFigureIsAsGoodAsTheWorseOfTwo() {
        Rating low = Rating.low("a"), invalid = Rating.invalid("b");
        assertThat(Rating.VALID.worst(low)).isEqualTo(low);
        assertThat(low.worst(invalid)).isEqualTo(invalid);
        assertThat(invalid.worst(Rating.VALID)).isEqualTo(invalid);
    }

    @Test
    void aReasonNamesTheKeypointMostOftenBehindItsIssue() {
        SampleIssue[] s = issues(100, between(0, 62, SampleIssue.HIDDEN));
        String[] keypoints = new String[100];
        for (int i = 0; i < 62; i++) keypoints[i] = i < 50 ? "left_ankle" : "left_knee";
        Rating r = QualityRule.rate(s, QualityRule.Context.NONE.withKeypoints(keypoints));
        assertThat(r.quality()).isEqualTo(Quality.INVALID);
        assertThat(r.reason()).isEqualTo("left ankle hidden or out of view in 62 % of the frames");
        // Without the keypoints the same samples still give a reason, only less precise.
        assertThat(QualityRule.rate(s, QualityRule.Context.NONE).reason()).isEqualTo("keypoint hidden or out of view in 62 % of the frames");
    }
}
