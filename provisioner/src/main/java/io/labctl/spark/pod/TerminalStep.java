package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * A terminal for the container's command, as {@code kubectl run -it} gives one: stdin and a TTY, and stdin closed when
 * the attached client goes away ({@code stdinOnce}), so a shell whose user vanished ends instead of waiting forever.
 *
 * <p>The command waits for one line on stdin before it starts: an attach only sees output written after it connected,
 * and a shell's banner and first prompt come within milliseconds of its start. labctl sends that line once attached.
 */
public final class TerminalStep implements JobPodStep {
    /** Echo off while waiting, so the line labctl sends does not show; EOF (nobody attached) ends the pod. */
    static final String WAIT_FOR_ATTACH = "stty -echo 2>/dev/null; read -r _ || exit 0; stty echo 2>/dev/null; exec \"$@\"";

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        List<String> args = new ArrayList<>(List.of("bash", "-c", WAIT_FOR_ATTACH, "labctl-wait-for-attach"));
        args.addAll(previous.getSpec().getContainers().get(0).getArgs());
        return new PodBuilder(previous)
                .editSpec().editFirstContainer()
                .withStdin(true).withStdinOnce(true).withTty(true)
                .withArgs(args)
                .endContainer().endSpec()
                .build();
    }
}
