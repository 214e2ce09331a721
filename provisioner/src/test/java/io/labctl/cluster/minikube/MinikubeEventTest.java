package io.labctl.cluster.minikube;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit. Lines in minikube's `--output=json` format (CloudEvents with string data, as minikube's
 * pkg/minikube/out/register writes them; minikube cannot run on this machine to record new ones).
 */
class MinikubeEventTest {
    @Test
    void parse_step_givesCurrentAndTotal() {
        String line = "{\"data\":{\"currentstep\":\"3\",\"message\":\"Starting \\\"lab1\\\" primary control-plane node"
                + " in \\\"lab1\\\" cluster\\n\",\"name\":\"Starting Node\",\"totalsteps\":\"19\"},\"datacontenttype\":"
                + "\"application/json\",\"id\":\"1\",\"source\":\"https://minikube.sigs.k8s.io/\",\"specversion\":\"1.0\","
                + "\"type\":\"io.k8s.sigs.minikube.step\"}";

        MinikubeEvent event = MinikubeEvent.parse(line).orElseThrow();

        assertThat(event).isEqualTo(new MinikubeEvent.Step(3, 19, "Starting Node",
                "Starting \"lab1\" primary control-plane node in \"lab1\" cluster\n"));
        assertThat(((MinikubeEvent.Step) event).display()).isEqualTo("[3/19] Starting \"lab1\" primary control-plane node in \"lab1\" cluster");
    }

    @Test
    void parse_error_givesExitCodeMessageAndAdvice() {
        String line = "{\"data\":{\"advice\":\"Try one or more of the following to free up memory on the device\","
                + "\"exitcode\":\"23\",\"issues\":\"\",\"message\":\"Requested memory allocation (8192MB) is more than"
                + " your system limit (3936MB).\",\"name\":\"RSRC_OVER_ALLOC_MEM\",\"url\":\"\"},\"datacontenttype\":"
                + "\"application/json\",\"id\":\"2\",\"source\":\"https://minikube.sigs.k8s.io/\",\"specversion\":\"1.0\","
                + "\"type\":\"io.k8s.sigs.minikube.error\"}";

        assertThat(MinikubeEvent.parse(line)).contains(new MinikubeEvent.Error(23,
                "Requested memory allocation (8192MB) is more than your system limit (3936MB).",
                "Try one or more of the following to free up memory on the device"));
    }

    @Test
    void parse_warningAndDownload_areNotes() {
        assertThat(MinikubeEvent.parse("{\"data\":{\"message\":\"warning\"},\"type\":\"io.k8s.sigs.minikube.warning\"}"))
                .contains(new MinikubeEvent.Note("warning", "warning"));
        assertThat(MinikubeEvent.parse("{\"data\":{\"artifact\":\"kicbase\",\"progress\":\"0.5\",\"currentstep\":\"2\"},"
                + "\"type\":\"io.k8s.sigs.minikube.download.progress\"}"))
                .contains(new MinikubeEvent.Note("download.progress", "kicbase 0.5"));
    }

    @Test
    void parse_plainTextOrForeignJson_isIgnored() {
        assertThat(MinikubeEvent.parse("* minikube v1.34.0 on Debian 12")).isEmpty();
        assertThat(MinikubeEvent.parse("{\"type\":\"something.else\"}")).isEmpty();
        assertThat(MinikubeEvent.parse("{not json")).isEmpty();
    }

    @Test
    void exitCodes_byRange_explainTheCause() {
        assertThat(MinikubeExitCodes.cause(23)).isEqualTo("this machine lacks the CPU, memory or disk the requested nodes need");
        assertThat(MinikubeExitCodes.cause(56)).isEqualTo("the minikube driver is missing or failed");
        assertThat(MinikubeExitCodes.cause(69)).startsWith("the driver's platform");
        assertThat(MinikubeExitCodes.cause(104)).isEqualTo("the Kubernetes control plane did not come up");
        assertThat(MinikubeExitCodes.fix(23)).contains("fewer --workers");
    }
}
