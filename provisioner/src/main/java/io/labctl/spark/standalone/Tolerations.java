package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.labctl.core.LabctlException;

import java.util.Set;

/** Parses tolerations written like kubectl taints: {@code key[=value]:Effect}. */
public final class Tolerations {
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private Tolerations() {
    }

    public static Toleration parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || !EFFECTS.contains(text.substring(colon + 1))) {
            throw LabctlException.usage("--toleration '" + text + "' is not KEY[=VALUE]:EFFECT",
                    "e.g. --toleration kwok.x-k8s.io/node=fake:NoSchedule (effects: NoSchedule, PreferNoSchedule, NoExecute)");
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
