package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tier: unit. */
class YamlSelectorsCheckTest {
    static final String TYPE = "yaml-selectors";
    static final String SERVICE_SELECTOR = "  selector:\n    app: spark\n    component: master\n  ports:";

    @TempDir
    Path dir;

    @Test
    void reference_passes_namingWhatEachServiceSelects() {
        assertThat(SubmissionFixture.reference(dir).run(TYPE)).isEqualTo(CheckOutcome.pass(
                "Deployment spark-master selects its own pods; Deployment spark-worker selects its own pods;"
                        + " Service spark-master-svc {app=spark, component=master} selects spark-master"));
    }

    @Test
    void serviceSelectorMatchingNoPods_onlyThisCheckFails_hintNamesTheLabels() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml(SERVICE_SELECTOR,
                SERVICE_SELECTOR.replace("component: master", "component: spark-master"));

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.observed()).endsWith("Service spark-master-svc {app=spark, component=spark-master} selects nothing");
        assertThat(outcome.hint()).isEqualTo("Service spark-master-svc selects {app=spark, component=spark-master} but no"
                + " pod template has these labels (spark-master {app=spark, component=master}, spark-worker {app=spark,"
                + " component=worker}), so it has no endpoints: copy the master's pod labels into the Service's selector");
        // The workers' spark:// names that Service, which selects no master: they never register, said there too.
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE, "yaml-references");
    }

    @Test
    void masterServiceSelectingTheWorkersToo_fails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml(SERVICE_SELECTOR, "  selector:\n    app: spark\n  ports:");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.hint()).isEqualTo("Service spark-master-svc (port 7077) selects {app=spark}, which the workers"
                + " (spark-worker) have too: add a label only the master's pods carry (e.g. component: master) to its"
                + " selector");
    }

    @Test
    void deploymentSelectorNotMatchingItsTemplate_fails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml(
                "    matchLabels:\n      app: spark\n      component: worker",
                "    matchLabels:\n      app: spark\n      component: workers");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.hint()).matches("Deployment spark-worker \\(spark.yaml:\\d+\\): selector"
                + " \\{app=spark, component=workers\\} does not match its pod template labels \\{app=spark,"
                + " component=worker\\} \\(the API server rejects it\\): use the same labels in both");
    }

    @Test
    void matchExpressions_areEvaluated_andAMissingSelectorFails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml(
                "    matchLabels:\n      app: spark\n      component: worker",
                "    matchExpressions:\n      - {key: component, operator: In, values: [worker, executor]}\n"
                        + "      - {key: gpu, operator: DoesNotExist}");
        assertThat(fixture.run(TYPE).status()).isEqualTo(CheckStatus.PASSED);

        fixture.writeYaml(SubmissionFixture.YAML.replace(
                "  selector:\n    matchLabels:\n      app: spark\n      component: worker\n", ""));
        assertThat(fixture.run(TYPE).hint()).contains("Deployment spark-worker", "no spec.selector.matchLabels");
    }
}
