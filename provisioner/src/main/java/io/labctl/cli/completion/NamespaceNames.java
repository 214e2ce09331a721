package io.labctl.cli.completion;

import io.fabric8.kubernetes.api.model.Namespace;

/** {@code -n <TAB>}: the namespaces of the cluster the line points at, as kubectl completes them. */
final class NamespaceNames implements ValueSource {
    private final ClusterRead clusterRead;

    NamespaceNames(ClusterRead clusterRead) {
        this.clusterRead = clusterRead;
    }

    @Override
    public Completions values(Lookup lookup) {
        return Completions.of(clusterRead.read(lookup, (client, namespace) -> client.namespaces().list().getItems().stream()
                .map(Namespace::getMetadata).map(meta -> Candidate.of(meta.getName())).toList()));
    }
}
