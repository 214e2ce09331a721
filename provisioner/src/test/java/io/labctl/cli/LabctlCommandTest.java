package io.labctl.cli;

import io.labctl.kube.Namespaces;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.SparkImages;
import io.labctl.spark.standalone.StandaloneManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (in-process CLI; the unreachable-cluster case uses a closed loopback port). */
class LabctlCommandTest {
    @TempDir
    Path home;

    @Test
    void version_namesLabctlAndTheSparkItDeploys() {
        CliRun r = CliRun.run(home, "--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("labctl ").contains("Spark " + SparkImages.SPARK_VERSION);
    }

    @Test
    void help_listsCommandsExamplesAndExitCodes() {
        CliRun r = CliRun.run(home, "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("spark", "completion", "Examples:", "labctl spark deploy spark-a",
                "Exit codes:", "4 cluster unreachable");
    }

    @Test
    void sparkDeployHelp_hasExamples() {
        assertThat(CliRun.run(home, "spark", "deploy", "--help").out())
                .contains("--workers", "--dry-run", "labctl spark deploy spark-a --dry-run -o yaml");
    }

    @Test
    void invalidName_isOneLineWithTheFix_exit2_beforeAnyConnection() {
        CliRun r = CliRun.run(home, "spark", "deploy", "Bad_Name");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("""
                error: cluster name 'Bad_Name' is not valid
                hint: use 1-40 lowercase letters, digits or '-', starting with a letter (e.g. spark-a)
                """);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void hugeNumbers_areOneLineUsageErrors_exit2_neverWrappedOrAStackTrace() {
        CliRun memory = CliRun.run(home, "spark", "deploy", "a", "--worker-memory", "18014398509481985g");
        assertThat(memory.status()).isEqualTo(2);
        assertThat(memory.err()).isEqualTo("""
                error: --worker-memory 18014398509481985g is out of range
                hint: use between 512Mi and 256Gi (Spark needs at least 450Mi per executor)
                """);
        CliRun cpu = CliRun.run(home, "spark", "deploy", "a", "--worker-cpu-request", "99999999999999999999m");
        assertThat(cpu.status()).as(cpu.err()).isEqualTo(2);
        assertThat(cpu.err()).startsWith("error: ").contains("hint: ").doesNotContain("Exception");
        CliRun timeout = CliRun.run(home, "spark", "deploy", "a", "--timeout", "99999999999999999999h");
        assertThat(timeout.status()).isEqualTo(2);
        assertThat(timeout.err()).contains("is longer than any duration labctl can wait").doesNotContain("Exception");
    }

    @Test
    void unknownOption_isAUsageError_withKubectlsDidYouMean() {
        CliRun r = CliRun.run(home, "spark", "deploy", "a", "--wrokers", "3");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown option '--wrokers' for `labctl spark deploy`\n"
                + "hint: did you mean `labctl spark deploy --workers`?\n");
    }

    @Test
    void mistypedCommand_suggestsTheCommand_andNothingUnlikeIt() {
        CliRun typo = CliRun.run(home, "sprak", "list");
        CliRun nonsense = CliRun.run(home, "spark", "frobnicate");

        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).isEqualTo("error: unknown command 'sprak' for `labctl`\nhint: did you mean `labctl spark`?\n");
        assertThat(nonsense.err()).endsWith("hint: see `labctl spark --help`\n");
    }

    @Test
    void helpAndVersion_asCommands_likeKubectl() throws Exception {
        CliRun help = CliRun.run(home, "help", "spark", "deploy");
        CliRun version = CliRun.run(home, "version", "-o", "json");

        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: labctl spark deploy");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(version.out()).path("spark").asText())
                .isEqualTo("3.5.7");
    }

    @Test
    void quiet_printsTheResultOnly() {
        CliRun quiet = CliRun.run(home, "-q", "spark", "deploy", "spark-a", "-n", "lab", "--dry-run");

        assertThat(quiet.status()).isZero();
        assertThat(quiet.out()).contains("kind: Deployment");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void latestImage_isRefusedNamingTheOption() {
        CliRun r = CliRun.run(home, "spark", "deploy", "a", "--image", "apache/spark:latest", "--dry-run");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --image 'apache/spark:latest' uses the tag 'latest'");
    }

    @Test
    void dryRunYaml_isExactlyWhatDeployRenders() {
        CliRun r = CliRun.run(home, "spark", "deploy", "spark-a", "-n", "lab", "--dry-run", "-o", "yaml");
        assertThat(r.status()).isZero();
        // No cluster here: the namespace is included, without labctl's created-by mark, and the user is told why.
        assertThat(r.out()).isEqualTo(new StandaloneManifests().toYaml(SparkClusterSpec.defaults("spark-a", "lab"),
                List.of(Namespaces.unmarked("lab"))));
        assertThat(r.err()).contains("cannot tell whether namespace lab exists");
    }

    @Test
    void globalOptions_workBeforeAndAfterTheSubcommand() {
        CliRun before = CliRun.run(home, "-n", "lab", "spark", "deploy", "spark-a", "--dry-run");
        CliRun after = CliRun.run(home, "spark", "deploy", "spark-a", "--dry-run", "-n", "lab");
        assertThat(before.out()).isEqualTo(after.out()).contains("namespace: lab");
    }

    @Test
    void dryRunJson_isAKubernetesList() {
        CliRun r = CliRun.run(home, "spark", "deploy", "spark-a", "-n", "lab", "--dry-run", "-o", "json");
        assertThat(r.out()).contains("\"kind\" : \"List\"", "\"name\" : \"spark-a-worker\"");
    }

    @Test
    void unreachableApiServer_isExit4_withTheServerNamed() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path kubeconfig = Files.writeString(home.resolve("k.yaml"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """.formatted(closedPort));
        CliRun r = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "list");
        assertThat(r.status()).isEqualTo(4);
        assertThat(r.err()).contains("Using context x (server https://127.0.0.1:" + closedPort)
                .contains("error: cannot reach the Kubernetes API server at https://127.0.0.1:" + closedPort)
                .contains("hint: is the cluster running?");
    }

    @Test
    void teardown_needsNameOrAll_andNotBoth() {
        CliRun none = CliRun.run(home, "spark", "teardown");
        CliRun both = CliRun.run(home, "spark", "teardown", "spark-a", "--all");
        CliRun allNamespacesAlone = CliRun.run(home, "spark", "teardown", "-A");

        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).startsWith("error: Missing required argument (specify one of these): (NAME | [--all [-A]])\n");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).startsWith("error: NAME and [--all [-A]] are mutually exclusive");
        assertThat(allNamespacesAlone.status()).isEqualTo(2);
        assertThat(allNamespacesAlone.err()).startsWith("error: Missing required argument(s): --all");
    }

    @Test
    void submit_gpusWithoutVendor_isRefusedBeforeConnecting() {
        CliRun r = CliRun.run(home, "spark", "submit", "--native", "--gpus", "1", "--class", "X", "local:///a.jar");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: Missing required argument(s): --gpu-vendor=DOMAIN[/NAME]\n");
    }

    @Test
    void run_withoutAJob_saysWhatToRun() {
        CliRun r = CliRun.run(home, "spark", "run", "spark-a", "-n", "lab");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("error: nothing to run").contains("`pi`, `--py FILE` or `--jar JAR --class CLASS`");
    }

    @Test
    void run_withMissingPythonFile_isAUsageError() {
        CliRun r = CliRun.run(home, "spark", "run", "spark-a", "-n", "lab", "--py", home.resolve("nope.py").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist or is not readable");
    }

    @Test
    void badTimeout_isAUsageError() {
        CliRun r = CliRun.run(home, "spark", "deploy", "a", "--timeout", "soon", "--dry-run");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("'soon' is not a duration");
    }

    @Test
    void noColorVariable_removesEscapes_evenOnATerminal() {
        CliRun colored = CliRun.run(Map.of(), home, true, "spark", "run", "a", "-n", "lab");
        CliRun plain = CliRun.run(Map.of("NO_COLOR", "1"), home, true, "spark", "run", "a", "-n", "lab");
        assertThat(plain.err()).doesNotContain("\u001b[");
        assertThat(colored.status()).isEqualTo(plain.status());
    }
}
