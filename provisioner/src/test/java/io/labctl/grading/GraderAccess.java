package io.labctl.grading;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.testbed.Testbed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The identity tests grade with: ServiceAccount {@code grader} in a test namespace, bound to the
 * read-only ClusterRole of manifests/grading/grader-rbac.yaml (applied from the very file instructors
 * use), with a kubeconfig holding its token. The audit log then shows what grading did as
 * {@code system:serviceaccount:NS:grader}.
 */
final class GraderAccess {
    private GraderAccess() {
    }

    static String user(String namespace) {
        return "system:serviceaccount:" + namespace + ":grader";
    }

    static Path kubeconfig(Testbed testbed, String namespace, Path dir) throws IOException {
        KubernetesClient client = testbed.client();
        try (InputStream rbac = Files.newInputStream(repoRoot().resolve("manifests/grading/grader-rbac.yaml"))) {
            for (HasMetadata o : client.load(rbac).items()) {
                client.resource(o).forceConflicts().serverSideApply();
            }
        }
        client.resource(new ServiceAccountBuilder().withNewMetadata().withName("grader").withNamespace(namespace)
                .endMetadata().build()).create();
        client.resource(new ClusterRoleBindingBuilder().withNewMetadata().withName("labctl-grader-" + namespace)
                .addToLabels("labctl.io/test-namespace", namespace).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName("labctl-grader").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("grader").withNamespace(namespace).endSubject()
                .build()).create();
        return testbed.serviceAccountKubeconfig(namespace, "grader", dir.resolve("grader-" + namespace + ".kubeconfig"));
    }

    /** Removes the cluster-scoped binding (the namespace and its ServiceAccount go with the test namespace). */
    static void remove(KubernetesClient client, String namespace) {
        client.rbac().clusterRoleBindings().withName("labctl-grader-" + namespace).delete();
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("manifests"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no manifests/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
