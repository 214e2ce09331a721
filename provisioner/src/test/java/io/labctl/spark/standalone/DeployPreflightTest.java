package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.labctl.kube.AccessCheck.Permission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The permissions deploy asks for before its first write (its checks run in StandaloneDeployerTest). */
class DeployPreflightTest {
    private static final ClusterObjects OBJECTS = new StandaloneManifests().render(SparkClusterSpec.defaults("spark-a", "lab"));

    @Test
    void neededPermissions_inANewNamespace_withoutWaiting_areTheNamespaceAndEveryKindItApplies() {
        assertThat(DeployPreflight.neededPermissions(OBJECTS, "lab", true, WaitMode.none)).containsExactly(
                new Permission("create", "", "namespaces", null, ""),
                Permission.on("get", Service.class, "lab"),
                Permission.on("create", Service.class, "lab"),
                Permission.on("patch", Service.class, "lab"),
                Permission.on("get", Deployment.class, "lab"),
                Permission.on("create", Deployment.class, "lab"),
                Permission.on("patch", Deployment.class, "lab"));
    }

    @Test
    void neededPermissions_waitingForSpark_addWatchingPodsAndTheirProxy_andAnExistingNamespaceIsNotCreated() {
        assertThat(DeployPreflight.neededPermissions(OBJECTS, "lab", false, WaitMode.spark))
                .doesNotContain(new Permission("create", "", "namespaces", null, ""))
                .endsWith(Permission.on("list", Pod.class, "lab"), Permission.on("watch", Pod.class, "lab"),
                        new Permission("get", "", "pods", "proxy", "lab"));
    }
}
