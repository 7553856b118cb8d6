package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionTilesTest {
    private static final DetectionTiles TILES = new DetectionTiles(0.8, 0.3);

    @Test
    void aFullHdFrameGetsThreeByTwoSquareTilesInsideTheFrame() {
        List<Roi> tiles = TILES.cover(1920, 1080);
        assertThat(tiles).hasSize(6);
        for (Roi t : tiles) {
            assertThat(t.size()).isEqualTo(864);
            assertThat(t.rotation()).isZero();
            assertThat(t.centerX() - t.size() / 2).isGreaterThanOrEqualTo(0);
            assertThat(t.centerX() + t.size() / 2).isLessThanOrEqualTo(1920);
            assertThat(t.centerY() - t.size() / 2).isGreaterThanOrEqualTo(0);
            assertThat(t.centerY() + t.size() / 2).isLessThanOrEqualTo(1080);
        }
        // Edge to edge, evenly spread: columns at 432, 960, 1488; rows at 432, 648.
        assertThat(tiles).extracting(Roi::centerX).containsExactly(432.0, 960.0, 1488.0, 432.0, 960.0, 1488.0);
        assertThat(tiles).extracting(Roi::centerY).containsExactly(432.0, 432.0, 432.0, 648.0, 648.0, 648.0);
    }

    @Test
    void neighboursOverlapByAtLeastTheGivenShareSoAnythingThatSizeLiesWhollyInOneTile() {
        for (int[] frame : new int[][]{{1920, 1080}, {3840, 2160}, {1280, 720}, {720, 1280}, {4000, 1000}}) {
            List<Roi> tiles = TILES.cover(frame[0], frame[1]);
            double side = tiles.get(0).size();
            double object = 0.3 * side;
            // Every object of that size, wherever it is in the frame, fits in some tile.
            for (double x = 0; x + object <= frame[0]; x += 7) {
                for (double y = 0; y + object <= frame[1]; y += 7) {
                    double ox = x, oy = y;
                    assertThat(tiles).as("a tile holding %.0f×%.0f at (%.0f, %.0f) in %dx%d", object, object, ox, oy, frame[0], frame[1])
                            .anyMatch(t -> t.centerX() - side / 2 <= ox + 1e-9 && ox + object <= t.centerX() + side / 2 + 1e-9
                                    && t.centerY() - side / 2 <= oy + 1e-9 && oy + object <= t.centerY() + side / 2 + 1e-9);
                }
            }
        }
    }

    @Test
    void portraitAndFourKFramesGetAsManyTilesAsTheirShape() {
        assertThat(TILES.cover(720, 1280)).hasSize(6);   // 2 across, 3 down
        assertThat(TILES.cover(3840, 2160)).hasSize(6);  // as Full HD: tiles scale with the frame
        assertThat(new DetectionTiles(1, 0.3).cover(1000, 1000)).containsExactly(new Roi(500, 500, 1000, 0));
    }

    @Test
    void rejectsTilesThatCannotCover() {
        assertThatThrownBy(() -> new DetectionTiles(0, 0.3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetectionTiles(0.8, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
