package io.labctl.spark.standalone;

import java.util.List;

/**
 * What {@code teardown} removed. An empty {@code deleted} list means the cluster did not exist,
 * which is not an error: teardown is safe to run twice.
 */
public record TeardownResult(String name, String namespace, List<String> deleted, boolean namespaceDeleted,
                             String namespaceKeptBecause, List<String> kubectlEquivalent) {
}
