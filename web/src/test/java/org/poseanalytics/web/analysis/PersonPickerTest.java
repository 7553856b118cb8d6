package org.poseanalytics.web.analysis;

import java.util.Arrays;
import java.util.List;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonPickerTest {
    /**
     * A person of 3 landmarks standing in the box [x0, x0+100] × [100, 400] on frames 0..9 (0.1 s apart); the
     * skeleton's other landmarks are gaps.
     */
    static TrackSeries person(int id, float x0, long firstFrame) {
        int n = 10, l = Skeleton.COCO_17.size();
        long[] frames = new long[n];
        double[] t = new double[n];
        float[][] x = new float[l][n], y = new float[l][n], z = new float[l][n], v = new float[l][n];
        for (float[] row : x) Arrays.fill(row, Float.NaN);
        for (float[] row : y) Arrays.fill(row, Float.NaN);
        for (int s = 0; s < n; s++) {
            frames[s] = firstFrame + s;
            t[s] = frames[s] * 0.1;
            float[][] pts = {{x0 + 50, 100}, {x0, 250}, {x0 + 100, 400}};
            for (int j = 0; j < pts.length; j++) {
                x[j][s] = pts[j][0];
                y[j][s] = pts[j][1];
                v[j][s] = 0.9f;
            }
        }
        return new TrackSeries(id, KeypointSeries.of(Skeleton.COCO_17, frames, t, x, y, z, v, null, null, null, "raw"));
    }

    final List<TrackSeries> two = List.of(person(1, 100, 0), person(2, 600, 0));

    @Test
    void aClickOnAPersonPicksThem() {
        assertThat(PersonPicker.at(two, 150, 300, 0.5, 1280, 720)).map(PersonPicker.Pick::trackId).contains(1);
        assertThat(PersonPicker.at(two, 640, 200, 0.5, 1280, 720)).map(PersonPicker.Pick::trackId).contains(2);
        // beside a body, nearer to person 2's box than to person 1's
        assertThat(PersonPicker.at(two, 560, 250, 0.5, 1280, 720)).map(PersonPicker.Pick::trackId).contains(2);
    }

    @Test
    void aClickFarFromEveryoneOrWhenNobodyIsThereIsNobody() {
        assertThat(PersonPicker.at(two, 1250, 700, 0.5, 1280, 720)).isEmpty();
        assertThat(PersonPicker.at(two, 150, 300, 5.0, 1280, 720)).as("after both tracks end").isEmpty();
        List<TrackSeries> late = List.of(person(1, 100, 0), person(2, 600, 50));
        assertThat(PersonPicker.at(late, 640, 200, 0.5, 1280, 720)).as("person 2 appears only at 5 s").isEmpty();
        assertThat(PersonPicker.at(late, 640, 200, 5.2, 1280, 720)).map(PersonPicker.Pick::trackId).contains(2);
    }

    @Test
    void overlappingBoxesGoToTheNearestLandmark() {
        List<TrackSeries> overlapping = List.of(person(1, 100, 0), person(2, 150, 0));
        // inside both boxes; person 2's left landmark (150, 250) is nearest
        assertThat(PersonPicker.at(overlapping, 155, 250, 0.3, 1280, 720)).map(PersonPicker.Pick::trackId).contains(2);
        // person 1's right landmark (200, 400) is nearer than person 2's (250, 400)
        assertThat(PersonPicker.at(overlapping, 195, 395, 0.3, 1280, 720)).map(PersonPicker.Pick::trackId).contains(1);
    }
}
