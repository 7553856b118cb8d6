package org.poseanalytics.web.analysis;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.web.UserInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoseModelChoicesTest {
    final PoseModelChoices models = new PoseModelChoices(Map.of("hrnet-w32", "/srv/models/hrnet_w32_256x192.onnx"), "blazepose-full");

    @Test
    void offersTheBlazePoseVariantsAndTheConfiguredHrnetByName() throws Exception {
        assertThat(models.names()).containsExactlyInAnyOrder("blazepose-lite", "blazepose-full", "blazepose-heavy", "hrnet-w32");
        assertThat(models.offered("blazepose-heavy")).isEqualTo("blazepose-heavy");
        assertThat(models.offered(" hrnet-w32 ")).isEqualTo("hrnet-w32");
        assertThat(models.offered("")).isNull();
        assertThat(models.forPipeline("hrnet-w32")).isEqualTo("hrnet=/srv/models/hrnet_w32_256x192.onnx");
        assertThat(models.forPipeline(null)).isEqualTo("blazepose-full");
    }

    @Test
    void aPathOrUnknownNameIsRefusedWithoutEchoingIt() {
        for (String bad : new String[] {"hrnet=/etc/passwd", "hrnet=/srv/models/hrnet_w32_256x192.onnx", "../../models/x.onnx", "hrnet", "HRNET-W32"}) {
            assertThatThrownBy(() -> models.offered(bad)).as(bad).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("not offered").hasMessageNotContaining("/").hasMessageContaining("blazepose-lite");
        }
    }

    @Test
    void aStoredJobNamingAPathFailsOnTheWorkerWithoutSayingWhere() {
        assertThatThrownBy(() -> models.forPipeline("hrnet=/etc/passwd")).isInstanceOf(AnalysisException.class)
                .hasMessageNotContaining("/etc").hasMessageNotContaining("/srv");
    }

    @Test
    void badConfiguredNamesStopTheStart() {
        assertThatThrownBy(() -> new PoseModelChoices(Map.of("blazepose-full", "/x.onnx"), "blazepose-full")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoseModelChoices(Map.of("Has Space", "/x.onnx"), "blazepose-full")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverPathsLeaveMessages() {
        assertThat(ServerPaths.scrub("cannot open /home/pa/.local/share/pose-analytics/videos/3f2a.mp4 for reading"))
                .isEqualTo("cannot open (a file on the server) for reading");
        assertThat(ServerPaths.scrub("model C:\\models\\hrnet.onnx missing")).isEqualTo("model (a file on the server) missing");
        assertThat(ServerPaths.scrub("30 fps and 1/2 of the frames; knee/hip angle")).isEqualTo("30 fps and 1/2 of the frames; knee/hip angle");
    }
}
