package io.labctl.cluster.k3s;

import java.util.Map;
import io.labctl.cluster.ClusterSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit (a container definition only; nothing is started). The server's definition needs a Docker engine to be
 * built (Testcontainers asks it for the host name), so it is checked in K3sProviderIT.
 */
class K3sNodesTest {
    static final ClusterSpec SPEC = new ClusterSpec("lab1", "k3s", 2, 2, 2048, null, null, Map.of());

    @Test
    void agent_joinsTheServerByItsContainerName() {
        var agent = K3sNodes.agent(SPEC, K3sNodes.IMAGE, "t0ken", 2);

        assertThat(agent.getEnvMap()).containsEntry("K3S_URL", "https://labctl-lab1-server:6443")
                .containsEntry("K3S_TOKEN", "t0ken");
        assertThat(agent.getCommandParts()).containsExactly("agent", "--node-name=lab1-worker-2");
        assertThat(agent.getLabels()).containsEntry("io.labctl.role", "agent");
        assertThat(agent.isPrivilegedMode()).isTrue();
        assertThat(agent.isShouldBeReused()).isTrue();
    }
}
