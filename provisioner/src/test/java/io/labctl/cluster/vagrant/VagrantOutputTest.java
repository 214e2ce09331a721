package io.labctl.cluster.vagrant;

import io.labctl.exec.ProcessResult;
import io.labctl.ssh.SshTarget;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, on Vagrant's output formats. status-no-provider.recorded.txt was recorded on this machine from
 * Debian's vagrant 2.3.4 (`vagrant status --machine-readable` without VirtualBox); the other lines follow the
 * machine-readable format of `vagrant up` (timestamp,target,type,data with %!(VAGRANT_COMMA) for commas).
 */
class VagrantOutputTest {
    @Test
    void parse_restoresCommasAndNewlines() {
        MachineReadableLine line = MachineReadableLine.parse(
                "1700000000,master,ui,info,==> master: Setting hostname...%!(VAGRANT_COMMA) then\\nnetwork").orElseThrow();

        assertThat(line.target()).isEqualTo("master");
        assertThat(line.type()).isEqualTo("ui");
        assertThat(line.data()).containsExactly("info", "==> master: Setting hostname..., then\nnetwork");
        assertThat(MachineReadableLine.parse("Bringing machine 'master' up")).isEmpty();
    }

    @Test
    void describeStatus_recordedNoProviderOutput_reportsVagrantsOwnFirstLine() throws IOException {
        String recorded = resource("/vagrant/status-no-provider.recorded.txt");

        assertThat(VagrantProvider.describeStatus(recorded)).isEqualTo("unknown: No usable default provider could be found for your system.");
    }

    @Test
    void describeStatus_countsRunningMachinesAndNamesTheOthers() {
        String status = String.join("\n",
                "1700000000,master,metadata,provider,virtualbox",
                "1700000000,master,provider-name,virtualbox",
                "1700000000,master,state,running",
                "1700000000,worker-1,state,running",
                "1700000000,worker-2,state,poweroff",
                "1700000000,,ui,info,Current machine states:");

        assertThat(VagrantProvider.describeStatus(status)).isEqualTo("2 of 3 VMs running (worker-2 poweroff)");
        assertThat(VagrantProvider.describeStatus("1700000000,master,state,running\n1700000000,worker-1,state,running"))
                .isEqualTo("running: 2 VMs");
    }

    @Test
    void upFailure_recordedErrorExit_namesTheErrorAndHowToContinue() throws IOException {
        String recorded = resource("/vagrant/status-no-provider.recorded.txt");
        MachineReadableLine errorExit = recorded.lines().map(MachineReadableLine::parse).flatMap(java.util.Optional::stream)
                .filter(l -> l.type().equals("error-exit")).findFirst().orElseThrow();

        var failure = VagrantProvider.upFailure("lab3", new ProcessResult(null, 1, recorded, ""), errorExit);

        assertThat(failure.getMessage()).isEqualTo("vagrant up of 'lab3' failed: NoDefaultProvider: No usable default"
                + " provider could be found for your system.");
        assertThat(failure.hint()).contains("labctl cluster up lab3 --provider vagrant", "labctl cluster down lab3");
    }

    @Test
    void sshConfig_givesAddressUserAndKeyPerMachine_butNoHostKey() {
        String output = String.join("\n",
                "Host master",
                "  HostName 127.0.0.1",
                "  User vagrant",
                "  Port 2222",
                "  UserKnownHostsFile /dev/null",
                "  StrictHostKeyChecking no",
                "  PasswordAuthentication no",
                "  IdentityFile /home/s/.labctl/clusters/lab3/.vagrant/machines/master/virtualbox/private_key",
                "  IdentitiesOnly yes",
                "  LogLevel FATAL",
                "",
                "Host worker-1",
                "  HostName 127.0.0.1",
                "  User vagrant",
                "  Port 2200",
                "  IdentityFile \"/home/s/my keys/private_key\"",
                "");

        Map<String, SshTarget> targets = SshConfigParser.parse(output);

        assertThat(targets).containsOnlyKeys("master", "worker-1");
        assertThat(targets.get("master")).isEqualTo(new SshTarget("127.0.0.1", 2222, "vagrant",
                Path.of("/home/s/.labctl/clusters/lab3/.vagrant/machines/master/virtualbox/private_key"), null));
        assertThat(targets.get("worker-1").identityFile()).isEqualTo(Path.of("/home/s/my keys/private_key"));
        assertThat(targets.get("worker-1").address()).isEqualTo("[127.0.0.1]:2200");
    }

    @Test
    void rewriteServer_pointsTheK3sKubeconfigAtTheMastersPrivateAddress() {
        String k3s = "clusters:\n- cluster:\n    certificate-authority-data: AAA\n    server: https://127.0.0.1:6443\n  name: default\n";

        assertThat(VagrantProvider.rewriteServer(k3s, "192.168.57.10"))
                .isEqualTo(k3s.replace("https://127.0.0.1:6443", "https://192.168.57.10:6443"));
    }

    @Test
    void networkPrefixes_stayInsideVirtualBoxsHostOnlyRange() {
        assertThat(VagrantProvider.NETWORK_PREFIXES).hasSize(8).allMatch(p -> p.matches("192\\.168\\.(5[6-9]|6[0-3])"));
        assertThat(List.copyOf(VagrantProvider.NETWORK_PREFIXES)).doesNotHaveDuplicates();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = VagrantOutputTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
