package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit: how a spark:// URL is read (the resolution itself is tested through YamlReferencesCheckTest). */
class ManifestReferencesTest {
    @Test
    void urls_hostAndPort_7077WhenNoPort_everyOneInTheText() {
        assertThat(ManifestReferences.urls("--master spark://a-svc:7078 and spark://b.lab3.svc"))
                .containsExactly(new ManifestReferences.SparkUrl("spark://a-svc:7078", "a-svc", 7078),
                        new ManifestReferences.SparkUrl("spark://b.lab3.svc", "b.lab3.svc", 7077));
    }

    @Test
    void namespaceOf_everyServiceDnsForm() {
        assertThat(ManifestReferences.namespaceOf("spark-master-svc")).isEmpty();
        assertThat(ManifestReferences.namespaceOf("spark-master-svc.lab3")).contains("lab3");
        assertThat(ManifestReferences.namespaceOf("spark-master-svc.lab3.svc")).contains("lab3");
        assertThat(ManifestReferences.namespaceOf("spark-master-svc.lab3.svc.cluster.local")).contains("lab3");
        assertThat(ManifestReferences.namespaceOf("spark.example.com")).contains("example.com");
    }
}
