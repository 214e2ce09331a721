package io.labctl.cluster.minikube;

import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.cluster.ClusterSpec;
import io.labctl.cluster.ProvisionedCluster;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: process (Commons Exec running a stand-in `minikube` script that replays minikube's JSON output format and
 * exit code; minikube itself cannot run here). What is tested is labctl's side: the command line it builds, the
 * progress it shows, the kubeconfig it picks up, and the plain message for a failure.
 */
class MinikubeProviderTest {
    @TempDir
    Path dir;

    private static final String STEP = "{\"data\":{\"currentstep\":\"%d\",\"message\":\"%s\",\"name\":\"x\",\"totalsteps\":\"4\"},"
            + "\"type\":\"io.k8s.sigs.minikube.step\",\"specversion\":\"1.0\"}";

    private MinikubeProvider providerWithStandIn(String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path minikube = bin.resolve("minikube");
        Files.writeString(minikube, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(minikube, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessRunner runner = new ProcessRunner(Map.of("PATH", bin + ":/usr/bin:/bin"));
        return new MinikubeProvider(new ProviderTools(runner, new ClusterRegistry(dir.resolve("state")), null, null, Map.of()));
    }

    @Test
    void startCommand_asksForOneMasterPlusWorkersWithJsonOutput() throws IOException {
        MinikubeProvider provider = providerWithStandIn("exit 0");
        ClusterSpec spec = new ClusterSpec("lab2", "minikube", 2, 2, 3072, null, null, Map.of("driver", "docker"));

        var start = provider.startCommand(spec, dir.resolve("k"));

        assertThat(start.display()).isEqualTo("minikube start -p lab2 --nodes 3 --cpus 2 --memory 3072mb --embed-certs"
                + " --output=json --driver docker");
        assertThat(start.environment()).containsEntry("KUBECONFIG", dir.resolve("k").toString());
    }

    @Test
    void up_showsStepsAndReturnsTheKubeconfigMinikubeWrote() throws IOException {
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            steps.append("echo '").append(String.format(STEP, i, "step " + i)).append("'\n");
        }
        String script = steps + "printf 'apiVersion: v1\\nkind: Config\\n' > \"$KUBECONFIG\"\necho \"$@\" > " + dir.resolve("args") + "\n";
        MinikubeProvider provider = providerWithStandIn(script);
        List<String> updates = new ArrayList<>();

        ProvisionedCluster cluster = provider.up(new ClusterSpec("lab2", "minikube", 1, 2, 2048, null, null, Map.of()),
                recording(updates));

        assertThat(updates).containsExactly("[1/4] step 1", "[2/4] step 2", "[3/4] step 3", "[4/4] step 4");
        assertThat(cluster.kubeconfigYaml()).isEqualTo("apiVersion: v1\nkind: Config\n");
        assertThat(cluster.details()).containsEntry("profile", "lab2");
        assertThat(Files.readString(dir.resolve("args"))).startsWith("start -p lab2 --nodes 2");
    }

    @Test
    void up_failure_explainsMinikubesExitCodeWithItsOwnMessage() throws IOException {
        String error = "{\"data\":{\"advice\":\"\",\"exitcode\":\"23\",\"message\":\"Requested memory allocation (8192MB)"
                + " is more than your system limit (3936MB).\"},\"type\":\"io.k8s.sigs.minikube.error\"}";
        MinikubeProvider provider = providerWithStandIn("printf '%s\\n' '" + error + "'\nexit 23\n");

        assertThatThrownBy(() -> provider.up(new ClusterSpec("lab2", "minikube", 1, 2, 8192, null, null, Map.of()), Progress.SILENT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("this machine lacks the CPU, memory or disk the requested nodes need"
                            + " (minikube exit 23): Requested memory allocation (8192MB) is more than your system limit (3936MB).");
                    assertThat(e.hint()).isEqualTo("use fewer --workers or smaller --cpus/--memory, or free memory and disk");
                });
    }

    @Test
    void runtimeState_readsMinikubeStatusJsonForEveryNode() throws IOException {
        String status = "[{\"Name\":\"lab2\",\"Host\":\"Running\",\"Kubelet\":\"Running\",\"APIServer\":\"Running\"},"
                + "{\"Name\":\"lab2-m02\",\"Host\":\"Stopped\",\"Kubelet\":\"Stopped\"}]";
        MinikubeProvider provider = providerWithStandIn("echo '" + status + "'\nexit 7\n");

        String state = provider.runtimeState(new ClusterRecord("lab2", "minikube", 1, 2, 2048, null, "labctl-lab2",
                "now", Map.of("profile", "lab2")));

        assertThat(state).isEqualTo("1 of 2 nodes running");
        assertThat(MinikubeProvider.describeStatus("{\"Host\":\"Running\",\"Kubelet\":\"Running\"}")).isEqualTo("running: 1 nodes");
    }

    @Test
    void serviceUrls_keepsOnlyTheUrlLines() {
        assertThat(MinikubeProvider.parseServiceUrls("* Starting tunnel\nhttp://192.168.49.2:30077\nhttp://192.168.49.2:30080\n"))
                .containsExactly("http://192.168.49.2:30077", "http://192.168.49.2:30080");
    }

    @Test
    void preflight_withoutMinikube_saysWhatToInstall() {
        MinikubeProvider provider = new MinikubeProvider(new ProviderTools(new ProcessRunner(Map.of("PATH", dir.toString())),
                new ClusterRegistry(dir), null, null, Map.of()));

        assertThat(provider.preflight(new ClusterSpec("lab2", "minikube", 1, 1, 1024, null, null, Map.of())))
                .extracting(p -> p.problem()).containsExactly("minikube is not installed (not on PATH)");
    }

    static Progress recording(List<String> updates) {
        return new Progress() {
            @Override
            public void step(String message) {
            }

            @Override
            public void update(String status) {
                updates.add(status);
            }

            @Override
            public void note(String message) {
            }
        };
    }
}
