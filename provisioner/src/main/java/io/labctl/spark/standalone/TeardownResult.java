package io.labctl.spark.standalone;

import java.util.List;

/**
 * What {@code teardown} removed. An empty {@code deleted} list means the cluster did not exist,
 * which is not an error: teardown is safe to run twice.
 *
 * @param kept data objects left on purpose ({@code --keep-data}), as kind/name
 */
public record TeardownResult(String name, String namespace, List<String> deleted, List<String> kept,
                             boolean namespaceDeleted, String namespaceKeptBecause, List<String> kubectlEquivalent) {
}
