package org.poseanalytics.pose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for whether a spill file may be opened: the caller's own need against the temporary directory's free space. */
class SpillFilesTest {

    @Test
    void aTinyRequestFitsAndAnAbsurdOneDoesNot() {
        assertThat(SpillFiles.hasRoomFor(1)).isTrue();
        assertThat(SpillFiles.hasRoomFor(Long.MAX_VALUE)).isFalse();
    }
}
