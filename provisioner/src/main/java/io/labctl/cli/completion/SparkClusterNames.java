package io.labctl.cli.completion;

import io.labctl.spark.standalone.StandaloneClusters;

/**
 * {@code labctl spark scale <TAB>}: the Spark clusters in the namespace of the line ({@code -n}, else the context's),
 * found as {@code labctl spark list} finds them, half-created ones included (teardown must reach those too).
 */
final class SparkClusterNames implements ValueSource {
    private final ClusterRead clusterRead;

    SparkClusterNames(ClusterRead clusterRead) {
        this.clusterRead = clusterRead;
    }

    @Override
    public Completions values(Lookup lookup) {
        return Completions.of(clusterRead.read(lookup, (client, namespace) -> new StandaloneClusters(client).list(namespace)
                .stream().map(cluster -> new Candidate(cluster.name(), "Spark cluster in " + cluster.namespace()))
                .toList()));
    }
}
