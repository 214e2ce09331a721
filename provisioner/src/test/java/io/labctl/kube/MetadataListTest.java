package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, mock API server (fabric8's, expectation mode: it answers what each test sets and records what it was
 * asked). The metadata-only list asks for {@code PartialObjectMetadataList}, reads it, reads a full list the same way
 * (a server that cannot convert sends one), and fails with the API server's code.
 */
@MockApiTest
@EnableKubernetesMockClient(https = false)
class MetadataListTest {
    static KubernetesMockServer server;
    static KubernetesClient client;

    @Test
    void asksForMetadataOnly_andReadsTheNamesLabelsAndOwners() throws InterruptedException {
        drainRecordedRequests();
        server.expect().get().withPath("/api/v1/namespaces/meta-a/pods").andReturn(200, """
                {"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"7"},
                 "items":[{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                   "metadata":{"name":"w-1","namespace":"meta-a","labels":{"app.kubernetes.io/instance":"w"},
                     "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"w-rs","uid":"u1"}]}},
                  {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                   "metadata":{"name":"driver","namespace":"meta-a","deletionTimestamp":"2026-11-29T00:00:00Z"}}]}
                """).once();

        List<ObjectMeta> pods = MetadataList.of(client, Pod.class, "meta-a");

        assertThat(pods).extracting(ObjectMeta::getName).containsExactly("w-1", "driver");
        assertThat(pods.get(0).getLabels()).containsEntry("app.kubernetes.io/instance", "w");
        assertThat(pods.get(0).getOwnerReferences()).extracting("kind").containsExactly("ReplicaSet");
        assertThat(pods.get(1).getDeletionTimestamp()).isEqualTo("2026-11-29T00:00:00Z");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getPath()).isEqualTo("/api/v1/namespaces/meta-a/pods");
        assertThat(request.getHeader("Accept")).isEqualTo(MetadataList.ACCEPT);
    }

    @Test
    void aFullList_fromAServerThatCannotConvert_readsTheSame() {
        server.expect().get().withPath("/api/v1/namespaces/meta-b/pods").andReturn(200, new PodListBuilder()
                .addToItems(new PodBuilder().withNewMetadata().withName("p").withNamespace("meta-b").endMetadata()
                        .withNewSpec().addNewContainer().withName("c").withImage("i:1").endContainer().endSpec()
                        .build()).build()).once();

        assertThat(MetadataList.of(client, Pod.class, "meta-b")).extracting(ObjectMeta::getName).containsExactly("p");
    }

    @Test
    void aRefusal_isTheClientsException_withTheApiServersCode() {
        server.expect().get().withPath("/apis/apps/v1/namespaces/meta-c/deployments").andReturn(403,
                new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                        .withMessage("deployments.apps is forbidden: User \"student\" cannot list").build()).once();

        assertThatThrownBy(() -> MetadataList.of(client, Deployment.class, "meta-c"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getStatus().getMessage()).contains("cannot list");
                });
    }

    @Test
    void path_followsTheKindsApiGroup() {
        assertThat(MetadataList.path(Pod.class, "lab")).isEqualTo("/api/v1/namespaces/lab/pods");
        assertThat(MetadataList.path(Deployment.class, "lab")).isEqualTo("/apis/apps/v1/namespaces/lab/deployments");
    }

    private static void drainRecordedRequests() throws InterruptedException {
        while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
            // requests of earlier tests in this class
        }
    }
}
