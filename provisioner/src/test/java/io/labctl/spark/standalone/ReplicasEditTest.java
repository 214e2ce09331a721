package io.labctl.spark.standalone;

import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. The one-line edit of {@code replicas} that {@code spark scale --file} makes in a student's YAML. */
class ReplicasEditTest {
    private static final String YAML = """
            # the master: one replica
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: spark-master
            spec:
              replicas: 1
              template: {}
            ---
            apiVersion: apps/v1
            kind: Deployment   # the workers
            metadata:
              name: spark-worker
              labels: {name: spark-master}
            spec:
              # how many workers
              replicas: 2   # exercise 4 changes this
              template:
                spec:
                  containers: []
            ---
            kind: Service
            metadata:
              name: spark-worker
            spec:
              replicas: 7
            """;

    @Test
    void setReplicas_changesOnlyTheWorkersLine_keepingItsComment() {
        ReplicasEdit.Edited edited = ReplicasEdit.setReplicas(YAML, "spark.yaml", "spark-worker", 3);

        assertThat(edited.line()).isEqualTo(17);
        assertThat(edited.text()).isEqualTo(YAML.replace("replicas: 2   # exercise 4", "replicas: 3   # exercise 4"));
    }

    @Test
    void setReplicas_withoutAReplicasLine_addsOneUnderSpec() {
        String yaml = "kind: Deployment\nmetadata:\n    name: w\nspec:\n    template: {}\n";

        ReplicasEdit.Edited edited = ReplicasEdit.setReplicas(yaml, "w.yaml", "w", 2);

        assertThat(edited.text()).isEqualTo("kind: Deployment\nmetadata:\n    name: w\nspec:\n    replicas: 2\n    template: {}\n");
        assertThat(edited.line()).isEqualTo(5);
    }

    @Test
    void setReplicas_noSuchDeployment_isAUsageErrorNamingTheFile() {
        assertThatThrownBy(() -> ReplicasEdit.setReplicas(YAML, "spark.yaml", "spark-b-worker", 3))
                .isInstanceOf(LabctlException.class)
                .hasMessage("spark.yaml has no Deployment named spark-b-worker");
    }
}
