package io.labctl.grading.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.GradingContext;
import io.labctl.grading.files.ReferenceSubmission;
import io.labctl.grading.files.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, against fabric8's mock API server (CRUD): the reference submission's YAML applied into a namespace is
 * what the cluster runs; one change made live at a time must cost this check, naming the field.
 */
@EnableKubernetesMockClient(crud = true)
class LiveMatchesYamlCheckTest {
    private static final String NS = "lab3";
    KubernetesClient client;

    @TempDir
    Path dir;

    private Path applyReference() throws Exception {
        Path submission = ReferenceSubmission.write(dir.resolve("student"));
        String yaml = Files.readString(submission.resolve("spark.yaml"));
        for (HasMetadata object : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
            client.resource(object).inNamespace(NS).create();
        }
        return submission;
    }

    private CheckOutcome grade(Path submission) {
        GradingContext context = GradingContext.of(new LiveCluster(client, "test"), null, Submission.read(submission), null);
        return new LiveMatchesYamlCheck(new CheckParams("test.yaml: live-yaml", Map.of("namespace", NS)))
                .evaluate(context);
    }

    @Test
    void referenceApplied_everyObjectMatches() throws Exception {
        CheckOutcome outcome = grade(applyReference());

        assertThat(outcome.status()).as(outcome.observed()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).isEqualTo("Deployment spark-master matches spark.yaml; Deployment spark-worker"
                + " matches spark.yaml; Service spark-master-svc matches spark.yaml");
    }

    @Test
    void scaledLive_isNoDifference_theExercisesScale() throws Exception {
        Path submission = applyReference();
        client.apps().deployments().inNamespace(NS).withName("spark-worker").scale(3);

        assertThat(grade(submission).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void labctlsSpecRecordWithAnotherWorkerCount_isNoDifference_itScalesWithTheReplicas() throws Exception {
        // Given labctl's YAML of a cluster (its spec record says 2 workers), submitted and applied
        Path submission = ReferenceSubmission.withYaml(dir.resolve("student"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: spark-worker
                  annotations: {labctl.io/spec: '{"name":"spark","workers":2}', team: a}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: w}}
                  template:
                    metadata: {labels: {app: w}}
                    spec: {containers: [{name: w, image: labctl/spark-worker:3.5.7}]}
                """);
        for (HasMetadata object : client.load(Files.newInputStream(submission.resolve("spark.yaml"))).items()) {
            client.resource(object).inNamespace(NS).create();
        }
        // When spark scale re-applies it with 3 (the record and the replicas change together) and a team label changes
        client.apps().deployments().inNamespace(NS).withName("spark-worker").edit(d -> new io.fabric8.kubernetes.api.model
                .apps.DeploymentBuilder(d).editMetadata().addToAnnotations("labctl.io/spec", "{\"name\":\"spark\",\"workers\":3}")
                .addToAnnotations("team", "b").endMetadata().editSpec().withReplicas(3).endSpec().build());

        CheckOutcome outcome = grade(submission);

        // Then only the student's own annotation is a difference
        assertThat(outcome.observed()).contains("differs live in 1 field(s): metadata.annotations.team: a submitted, b live")
                .doesNotContain("labctl.io/spec");
    }

    @Test
    void otherImageLive_isAFindingNamingTheFieldAndBothValues() throws Exception {
        Path submission = applyReference();
        Deployment worker = client.apps().deployments().inNamespace(NS).withName("spark-worker").get();
        worker.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("bitnami/spark:3.5.1");
        client.resource(worker).inNamespace(NS).update();

        CheckOutcome outcome = grade(submission);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.observed()).contains("Deployment spark-worker (spark.yaml:28) differs live in 1 field(s):"
                + " spec.template.spec.containers[0].image: labctl/spark-worker:3.5.7 submitted, bitnami/spark:3.5.1 live");
        assertThat(outcome.hint()).isEqualTo("Deployment spark-worker in the cluster is not what spark.yaml says: apply"
                + " the file (kubectl apply -n lab3 -f spark.yaml) or submit the YAML you run");
    }

    @Test
    void submittedObjectNotInTheCluster_saysToApplyIt() throws Exception {
        Path submission = applyReference();
        client.services().inNamespace(NS).withName("spark-master-svc").delete();

        CheckOutcome outcome = grade(submission);

        assertThat(outcome.observed()).contains("Service spark-master-svc (spark.yaml:57): not in namespace lab3");
        assertThat(outcome.hint()).isEqualTo("apply what you submitted: kubectl apply -n lab3 -f spark.yaml");
    }

    @Test
    void clusterBuiltWithoutTheYaml_noObjectOfTheSubmission_failsWholly() throws Exception {
        Path submission = ReferenceSubmission.write(dir.resolve("student"));

        assertThat(grade(submission).status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void compare_quantitiesByAmount_numbersAndTextByText_missingLiveFieldsAreDifferences() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode submitted = json.readTree("{\"spec\":{\"resources\":{\"requests\":{\"cpu\":0.5,\"memory\":\"1Gi\"}},"
                + "\"port\":7077,\"flag\":true,\"name\":\"x\"}}");
        JsonNode live = json.readTree("{\"spec\":{\"resources\":{\"requests\":{\"cpu\":\"500m\",\"memory\":\"1024Mi\"}},"
                + "\"port\":7077,\"flag\":true,\"extra\":1}}");
        List<String> differences = new ArrayList<>();

        LiveMatchesYamlCheck.compare("", submitted, live, differences);

        assertThat(differences).containsExactly("spec.name: x submitted, not set live");
    }
}
