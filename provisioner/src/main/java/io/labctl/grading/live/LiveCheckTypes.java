package io.labctl.grading.live;

import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.checks.CheckType;

import java.util.List;

/** The checks of live clusters. Each one reads only: get, list, and GET through the pod proxy. */
public final class LiveCheckTypes {
    private LiveCheckTypes() {
    }

    public static List<CheckType> all() {
        return List.of(
                // Exercise 1: the cluster itself.
                new CheckType("nodes-ready", CheckTarget.CLUSTER,
                        "a control-plane node and at least minWorkers worker nodes, all Ready", NodesReadyCheck::new),
                // Exercise 2: locally built images are never pulled, so they must be on every node.
                new CheckType("image-on-nodes", CheckTarget.CLUSTER,
                        "the Spark images are on every node the Spark pods may run on", ImageOnNodesCheck::new),
                // Exercise 3: the standalone cluster.
                new CheckType("deployment-ready", CheckTarget.CLUSTER,
                        "Deployment CLUSTER-ROLE asks for and has `replicas` Ready pods", DeploymentReadyCheck::new),
                new CheckType("pods-ready", CheckTarget.CLUSTER,
                        "every master and worker pod is Ready", PodsReadyCheck::new),
                new CheckType("master-service", CheckTarget.CLUSTER,
                        "a Service exposes 7077 inside the cluster and outside it (NodePort/LoadBalancer)",
                        MasterServiceCheck::new),
                new CheckType("service-selects-master", CheckTarget.CLUSTER,
                        "the master Service selects exactly the master pod (no dangling or shared selector)",
                        ServiceSelectsMasterCheck::new),
                new CheckType("service-links", CheckTarget.CLUSTER,
                        "no Service name injects a variable Spark reads as a port (SPARK_MASTER_PORT=tcp://...)",
                        ServiceLinksCheck::new),
                new CheckType("alive-workers", CheckTarget.CLUSTER,
                        "the Spark master reports exactly `count` ALIVE workers (from its /json/)",
                        AliveWorkersCheck::new),
                new CheckType("app-finished", CheckTarget.CLUSTER,
                        "the master lists a FINISHED application", AppFinishedCheck::new),
                // Exercise 3: the cluster runs the submitted YAML (not only what labctl lab run deployed).
                new CheckType("live-matches-yaml", CheckTarget.CLUSTER_AND_FILES,
                        "the objects in the namespace carry every field the submitted YAML sets (replicas aside)",
                        LiveMatchesYamlCheck::new),
                // Exercise 4: scale, tear down, two clusters side by side.
                new CheckType("torn-down", CheckTarget.CLUSTER,
                        "nothing of a torn-down cluster remains", TornDownCheck::new),
                new CheckType("clusters-isolated", CheckTarget.CLUSTER,
                        "two clusters coexist, each master with only its own workers", ClustersIsolatedCheck::new));
    }
}
