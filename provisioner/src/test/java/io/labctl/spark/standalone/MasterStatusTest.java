package io.labctl.spark.standalone;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit, on a master JSON in Spark 3.5's /json/ format (see resources/spark/). */
class MasterStatusTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = MasterStatusTest.class.getResourceAsStream("/spark/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aliveWorkers_countsStateNotListLength_becauseDeadWorkersLinger() throws IOException {
        MasterStatus status = MasterStatus.parse(fixture("master-json-scaled-down.json"));
        assertThat(status.workers()).hasSize(3);
        assertThat(status.aliveWorkerCount()).isEqualTo(2);
        assertThat(status.aliveWorkers()).extracting(MasterStatus.Worker::host).containsExactly("10.88.0.13", "10.88.0.15");
        assertThat(status.isAlive()).isTrue();
    }

    @Test
    void app_findsCompletedApplicationsById() throws IOException {
        MasterStatus status = MasterStatus.parse(fixture("master-json-scaled-down.json"));
        assertThat(status.app("app-20261122101801-0000")).get().extracting(MasterStatus.App::state).isEqualTo("FINISHED");
        assertThat(status.app("app-unknown")).isEmpty();
    }

    @Test
    void parse_rejectsHtml() {
        assertThatThrownBy(() -> MasterStatus.parse("<html>Spark Master at spark://x</html>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
