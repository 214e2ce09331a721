package io.labctl.cli.completion;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.labctl.kube.KubeTarget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --context <TAB>}: the contexts of the kubeconfig files the line points at ({@code --kubeconfig}, else
 * {@code $KUBECONFIG}, else {@code ~/.kube/config}), read from the files alone: no cluster is contacted.
 */
final class ContextNames implements ValueSource {

    @Override
    public Completions values(Lookup lookup) {
        Map<String, Candidate> contexts = new LinkedHashMap<>(); // the first file naming a context wins, as in kubectl
        try {
            KubeTarget files = new KubeTarget(lookup.target().kubeconfig(), null, null);
            for (Path file : lookup.context().connector().resolveKubeconfigs(files)) {
                Config config = KubeConfigUtils.parseConfig(file.toFile());
                for (NamedContext context : config.getContexts() == null ? List.<NamedContext>of() : config.getContexts()) {
                    contexts.putIfAbsent(context.getName(), new Candidate(context.getName(), describe(context)));
                }
            }
        } catch (RuntimeException e) {
            // No kubeconfig, or a broken one: every command that uses it says so; a TAB offers what it read so far.
        }
        return Completions.of(new ArrayList<>(contexts.values()));
    }

    private static String describe(NamedContext named) {
        if (named.getContext() == null) {
            return "";
        }
        String namespace = named.getContext().getNamespace();
        return "cluster " + named.getContext().getCluster() + (namespace == null ? "" : ", namespace " + namespace);
    }
}
