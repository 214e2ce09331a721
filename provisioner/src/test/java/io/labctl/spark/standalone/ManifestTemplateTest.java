package io.labctl.spark.standalone;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class ManifestTemplateTest {

    @Test
    void render_fillsEveryPlaceholder() {
        assertThat(ManifestTemplate.of("t", "name: {{NAME}}-master # {{NAME}}").render(Map.of("NAME", "a")))
                .isEqualTo("name: a-master # a");
    }

    @Test
    void render_failsOnAPlaceholderWithoutValue() {
        assertThatThrownBy(() -> ManifestTemplate.of("t.yaml", "x: {{MISSING}}").render(Map.of()))
                .isInstanceOf(LabctlException.class)
                .hasMessage("manifest t.yaml uses {{MISSING}} but labctl has no value for it")
                .satisfies(e -> assertThat(((LabctlException) e).exitCode()).isEqualTo(ExitCode.INTERNAL));
    }

    @Test
    void packagedTemplates_areCommentedForStudents_andFullyFilled() {
        for (String file : new String[] {"master-deployment.yaml", "worker-deployment.yaml", "master-service.yaml"}) {
            ManifestTemplate template = ManifestTemplate.load(StandaloneManifests.DIRECTORY + file);
            assertThat(template.text().lines().filter(l -> l.trim().startsWith("#")).count())
                    .as(file + " comment lines").isGreaterThanOrEqualTo(3);
            String rendered = template.render(StandaloneManifests.placeholderValues(TestSpecs.defaults()));
            assertThat(rendered).doesNotContain("{{");
        }
    }
}
