package io.labctl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tier: which command lines start the client's warm-up thread (a guess from the words, before parsing). */
class ClientWarmupTest {

    @Test
    void clusterCommands_warmTheClient_evenAfterGlobalOptionsWithValues() {
        assertThat(ClientWarmup.mayReachACluster(List.of("spark", "list"))).isTrue();
        assertThat(ClientWarmup.mayReachACluster(List.of("-n", "lab", "spark", "deploy", "a"))).isTrue();
        assertThat(ClientWarmup.mayReachACluster(List.of("--kubeconfig", "k", "lab", "check", "ex3"))).isTrue();
        assertThat(ClientWarmup.mayReachACluster(List.of("grade", "--roster", "r.yaml"))).isTrue();
    }

    @Test
    void helpVersionCompletionAndTheLabGuide_startNoThread() {
        assertThat(ClientWarmup.mayReachACluster(List.of())).isFalse();
        assertThat(ClientWarmup.mayReachACluster(List.of("--help"))).isFalse();
        assertThat(ClientWarmup.mayReachACluster(List.of("spark", "deploy", "-h"))).isFalse();
        assertThat(ClientWarmup.mayReachACluster(List.of("--version"))).isFalse();
        assertThat(ClientWarmup.mayReachACluster(List.of("version", "-o", "json"))).isFalse();
        assertThat(ClientWarmup.mayReachACluster(List.of("completion", "bash"))).isFalse();
        assertThat(ClientWarmup.mayReachACluster(List.of("__complete", "--", "spark", ""))).isFalse();
        assertThat(ClientWarmup.mayReachACluster(List.of("lab", "show", "ex3"))).isFalse();
        assertThat(ClientWarmup.mayReachACluster(List.of("-n", "lab", "lab", "show", "ex3"))).isFalse();
    }
}
