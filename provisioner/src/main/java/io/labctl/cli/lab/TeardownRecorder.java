package io.labctl.cli.lab;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.Cli;
import io.labctl.grading.live.TeardownRecord;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.KubeSession;

import java.util.List;
import java.util.Optional;

/**
 * What {@code lab run} does before a {@code spark teardown NAME} step: it writes the {@link TeardownRecord} of the
 * cluster (the UIDs of every object of it), so that the {@code torn-down} check can tell a cluster that was destroyed
 * from one that never existed. Nothing is recorded when there is nothing to tear down.
 */
final class TeardownRecorder {
    private TeardownRecorder() {
    }

    /** The cluster a step tears down ({@code spark teardown NAME ...}), if it is such a step. */
    static Optional<String> tornDown(List<String> args) {
        List<String> words = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (words.size() >= 3 && words.get(0).equals("spark") && words.get(1).equals("teardown")) {
            return Optional.of(words.get(2));
        }
        return Optional.empty();
    }

    /** The namespace a step names with -n/--namespace, else null. */
    static String namespaceOf(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-n") || a.equals("--namespace")) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith("--namespace=")) {
                return a.substring("--namespace=".length());
            }
            if (a.startsWith("-n") && a.length() > 2 && !a.startsWith("--")) {
                return a.substring(2);
            }
        }
        return null;
    }

    /** Records {@code cluster} in the namespace the step names (else the session's); says what it recorded. */
    static void record(Cli cli, List<String> args, String cluster) {
        try (KubeSession session = cli.connect()) {
            KubernetesClient client = session.client();
            String namespace = Optional.ofNullable(namespaceOf(args)).orElse(session.namespace());
            List<TeardownRecord.ClusterObject> objects = KubeErrors.call(client,
                    () -> TeardownRecord.objectsOf(client, namespace, cluster), "read the objects of " + cluster);
            if (objects.isEmpty()) {
                return;
            }
            String uids = String.join(" ", objects.stream().map(TeardownRecord.ClusterObject::uid).toList());
            KubeErrors.call(client, () -> {
                ConfigMap existing = client.configMaps().inNamespace(namespace).withName(TeardownRecord.CONFIG_MAP).get();
                if (existing == null) {
                    return client.resource(new ConfigMapBuilder().withNewMetadata().withName(TeardownRecord.CONFIG_MAP)
                            .withNamespace(namespace).addToLabels("app.kubernetes.io/managed-by", "labctl").endMetadata()
                            .addToData(TeardownRecord.key(cluster), uids).build()).create();
                }
                return client.configMaps().inNamespace(namespace).withName(TeardownRecord.CONFIG_MAP)
                        .edit(c -> new ConfigMapBuilder(c).addToData(TeardownRecord.key(cluster), uids).build());
            }, "record " + cluster + " before tearing it down");
            cli.out().println("  recorded " + objects.size() + " object(s) of " + cluster + " in configmap/"
                    + TeardownRecord.CONFIG_MAP + " (" + TeardownRecord.key(cluster) + "): the torn-down check's evidence");
        }
    }
}
