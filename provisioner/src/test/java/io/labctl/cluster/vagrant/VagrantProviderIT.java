package io.labctl.cluster.vagrant;

import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.cluster.ClusterSpec;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.ProcessRunner;
import io.labctl.testbed.RequiredTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: real program. Debian's vagrant runs here, VirtualBox does not: labctl's driver runs the real
 * `vagrant up --machine-readable` / `vagrant status` in a per-cluster project and must turn Vagrant's own
 * error-exit into a one-line message. (A VM boot is not possible on this machine.)
 */
@Tag("integration")
class VagrantProviderIT {
    @TempDir
    Path dir;
    private VagrantProvider provider;
    private ClusterRegistry registry;

    @BeforeEach
    void setUp() throws IOException {
        RequiredTools.require("vagrant", "Debian package vagrant");
        Path home = Files.createDirectories(dir.resolve("checkout"));
        Files.writeString(home.resolve("Vagrantfile"), "Vagrant.configure(\"2\") do |c|\n  c.vm.box = \"bento/ubuntu-22.04\"\n"
                + "  c.vm.define \"master\"\nend\n");
        Files.writeString(home.resolve("settings.yaml"), "workers: 0\n");
        Files.createDirectories(home.resolve("playbooks"));
        Files.writeString(home.resolve("playbooks/site.yml"), "---\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("VAGRANT_HOME", dir.resolve("vagrant.d").toString()); // no state outside the temp dir
        registry = new ClusterRegistry(dir.resolve("state"));
        provider = new VagrantProvider(new ProviderTools(new ProcessRunner(env), registry, null, home, env));
    }

    @Test
    void up_withoutVirtualBox_failsWithVagrantsReasonInOneLine() {
        ClusterSpec spec = new ClusterSpec("lab3", "vagrant", 0, 1, 1024, null, null, Map.of());

        assertThatThrownBy(() -> provider.up(spec, Progress.SILENT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("vagrant up of 'lab3' failed: NoDefaultProvider: No usable"
                            + " default provider could be found for your system.");
                });
        assertThat(registry.workDir("lab3").resolve("Vagrantfile")).exists();
        assertThat(registry.workDir("lab3").resolve("playbooks/site.yml")).exists();
    }

    @Test
    void preflight_withoutVirtualBox_namesWhatToInstall() {
        ClusterSpec spec = new ClusterSpec("lab3", "vagrant", 0, 1, 1024, null, null, Map.of());

        assertThat(provider.preflight(spec)).extracting(p -> p.problem())
                .contains("VBoxManage is not installed (not on PATH)");
    }

    @Test
    void runtimeStateAndDown_ofAProjectWithoutVms_reportThenRemoveIt() throws IOException {
        Path project = Files.createDirectories(registry.workDir("lab3"));
        Files.copy(dir.resolve("checkout/Vagrantfile"), project.resolve("Vagrantfile"));
        ClusterRecord record = new ClusterRecord("lab3", "vagrant", 0, 1, 1024, null, "labctl-lab3", "now",
                Map.of("project", project.toString(), "network_prefix", "192.168.56"));

        assertThat(provider.runtimeState(record)).isEqualTo("unknown: No usable default provider could be found for your system.");
        assertThatThrownBy(() -> provider.down(record, Progress.SILENT)).isInstanceOf(LabctlException.class)
                .hasMessageContaining("vagrant destroy -f --machine-readable");
        assertThat(project).exists(); // a failed destroy keeps the project so the VMs can still be found
    }
}
