package io.labctl.grading.files;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tier (coverage-guided, Jazzer): any bytes named .yaml are decoded and read as multi-document YAML without
 * an exception (a syntax error is a result, never thrown), and every view a check takes of an object works.
 * Seeds: {@code KubeYamlFilesFuzzTestInputs/}; fuzzing: {@code provisioner/fuzz}.
 */
class KubeYamlFilesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        String text = TextDecoding.decode(input).orElse("");
        KubeYamlFiles.YamlFile file = KubeYamlFiles.read("x.yaml", text);
        assertThat(file.text()).isSameAs(text);
        for (KubeObject object : file.objects()) {
            object.identity();
            object.describe();
            object.podLabels();
            object.containers().forEach(c -> object.lineOf("image", c.path("image").asText("")));
            KubeObject.labels(object.node().path("spec").path("selector"));
        }
        if (file.error() != null) {
            assertThat(file.error().describe()).startsWith("x.yaml");
        }
        YamlCommentedCheck.commentLines(text);
    }
}
