package io.labctl.cli.lab;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.Cli;
import io.labctl.grading.live.TeardownRecord;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.KubeSession;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

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

    /** What a step is, as labctl parses it: the cluster a teardown step removes and the -n it gives (or null). */
    record Teardown(String cluster, String namespace) {
    }

    /**
     * The teardown a step performs ({@code spark teardown NAME}, options anywhere), read by labctl's own parser so that
     * {@code -n NS NAME} and {@code NAME -n NS} agree; empty for every other step and for a line that does not parse
     * (the step itself then reports it).
     */
    static Optional<Teardown> teardown(CommandLine labctl, List<String> args) {
        ParseResult parsed;
        try {
            parsed = labctl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        String namespace = null;
        ParseResult leaf = parsed;
        while (true) {
            if (leaf.hasMatchedOption("--namespace")) {
                namespace = leaf.matchedOptionValue("--namespace", null);
            }
            if (!leaf.hasSubcommand()) {
                break;
            }
            leaf = leaf.subcommand();
        }
        String qualified = leaf.commandSpec().qualifiedName(" ");
        if (!qualified.endsWith("spark teardown") || !leaf.hasMatchedPositional(0)) {
            return Optional.empty();
        }
        return Optional.of(new Teardown(leaf.matchedPositionalValue(0, null), namespace));
    }

    /** Records the cluster in the namespace the step names (else the session's); says what it recorded. */
    static void record(Cli cli, Teardown teardown) {
        String cluster = teardown.cluster();
        try (KubeSession session = cli.connect()) {
            KubernetesClient client = session.client();
            String namespace = Optional.ofNullable(teardown.namespace()).orElse(session.namespace());
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
