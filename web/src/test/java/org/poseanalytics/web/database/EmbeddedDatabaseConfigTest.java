package org.poseanalytics.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start finds after a crash: a pid file of a dead process, or another copy still holding the data. */
class EmbeddedDatabaseConfigTest {
    @TempDir Path pgdata;

    @Test
    void aPidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(pgdata.resolve("postmaster.pid"), gone.pid() + "\n" + pgdata + "\n");
        EmbeddedDatabaseConfig.removeStalePidFile(pgdata);
        assertThat(pgdata.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void dataHeldByAnotherCopyIsLeftAloneWithAMessage() throws Exception {
        Files.writeString(pgdata.resolve("postmaster.pid"), "1\n");
        try (FileChannel channel = FileChannel.open(pgdata.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertThatThrownBy(() -> EmbeddedDatabaseConfig.removeStalePidFile(pgdata))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("Another pose-analytics is running");
        }
        assertThat(pgdata.resolve("postmaster.pid")).exists();
    }

    @Test
    void theStoredPortIsReusedWhenFree() throws Exception {
        Path portFile = pgdata.resolve("pgdata.port");
        int first = EmbeddedDatabaseConfig.storedOrFreePort(portFile);
        assertThat(Files.readString(portFile).trim()).isEqualTo(Integer.toString(first));
        assertThat(EmbeddedDatabaseConfig.storedOrFreePort(portFile)).isEqualTo(first);
    }
}
