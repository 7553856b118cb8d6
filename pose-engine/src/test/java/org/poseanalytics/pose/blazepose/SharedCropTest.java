package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.YuvImage;

/** A crop sampled by two threads in bands is the crop one thread samples, bit for bit, from RGB and from YUV planes. */
class SharedCropTest {
    @Test
    void equalsTheCropOfOneThread() {
        Random random = new Random(3);
        YuvImage planes = YuvImage.allocate(640, 360, 90);
        random.nextBytes(planes.y());
        random.nextBytes(planes.u());
        random.nextBytes(planes.v());
        CropSampler alone = new CropSampler(256), together = new CropSampler(256);
        FloatBuffer expected = FloatBuffer.allocate(256 * 256 * 3), actual = FloatBuffer.allocate(256 * 256 * 3);
        try (SharedCrop shared = new SharedCrop()) {
            for (Picture picture : new Picture[]{planes, planes.toRgb()}) {
                for (int i = 0; i < 40; i++) {
                    Roi roi = new Roi(random.nextDouble() * 360, random.nextDouble() * 640, 50 + random.nextDouble() * 600,
                            (random.nextDouble() - 0.5) * 2 * Math.PI);
                    alone.sample(picture, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, expected);
                    java.util.Arrays.fill(actual.array(), Float.NaN);
                    shared.sample(together, picture, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, actual);
                    assertThat(actual.array()).as("%s, %s", picture.getClass().getSimpleName(), roi).isEqualTo(expected.array());
                }
            }
        }
    }
}
