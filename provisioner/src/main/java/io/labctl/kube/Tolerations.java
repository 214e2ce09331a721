package io.labctl.kube;

import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.labctl.core.LabctlException;

import java.util.Set;

/**
 * Tolerations written the way {@code kubectl taint} writes taints, {@code KEY[=VALUE]:EFFECT}, the one syntax of
 * every labctl option that takes one ({@code --toleration}, {@code --executor-toleration}).
 */
public final class Tolerations {
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private Tolerations() {
    }

    /** Parses one toleration; a usage error naming {@code option} and showing the syntax otherwise. */
    public static Toleration parse(String option, String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || !EFFECTS.contains(text.substring(colon + 1))) {
            throw LabctlException.usage(option + " '" + text + "' is not KEY[=VALUE]:EFFECT",
                    "e.g. " + option + " nvidia.com/gpu:NoSchedule or kwok.x-k8s.io/node=fake:NoSchedule (effects: "
                            + "NoSchedule, PreferNoSchedule, NoExecute)");
        }
        String keyValue = text.substring(0, colon);
        String effect = text.substring(colon + 1);
        int eq = keyValue.indexOf('=');
        TolerationBuilder builder = new TolerationBuilder().withEffect(effect);
        if (eq < 0) {
            return builder.withKey(keyValue).withOperator("Exists").build();
        }
        return builder.withKey(keyValue.substring(0, eq)).withOperator("Equal")
                .withValue(keyValue.substring(eq + 1)).build();
    }
}
