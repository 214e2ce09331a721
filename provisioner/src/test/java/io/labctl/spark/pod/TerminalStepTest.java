package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class TerminalStepTest {

    @Test
    void shell_getsStdinAndATty_andWaitsForTheAttachBeforeItStarts() {
        JobPodConfig config = JobPodConfigs.shell("pyspark");
        Pod shell = new ShellArgsStep().apply(new BaseJobPodStep().apply(new Pod(), config), config);
        List<String> args = new ArrayList<>(List.of("bash", "-c", TerminalStep.WAIT_FOR_ATTACH, "labctl-wait-for-attach"));
        args.addAll(shell.getSpec().getContainers().get(0).getArgs());

        Pod pod = new TerminalStep().apply(shell, config);

        assertThat(pod).isEqualTo(new PodBuilder(shell).editSpec().editFirstContainer()
                .withStdin(true).withStdinOnce(true).withTty(true).withArgs(args)
                .endContainer().endSpec().build());
    }

    @Test
    void theWait_endsThePodWhenNobodyAttaches_andHasNoKubernetesReference() {
        // `read` fails on EOF (stdinOnce closed stdin): the pod ends instead of starting a shell for nobody.
        assertThat(TerminalStep.WAIT_FOR_ATTACH).contains("read -r _ || exit 0").endsWith("exec \"$@\"");
        // Kubernetes expands $(NAME) in args; the script must not contain one by accident.
        assertThat(TerminalStep.WAIT_FOR_ATTACH).doesNotContain("$(");
    }
}
