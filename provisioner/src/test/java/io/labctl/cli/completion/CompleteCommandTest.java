package io.labctl.cli.completion;

import io.labctl.cli.CliRun;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit (in-process CLI, no cluster): {@code labctl __complete} as the scripts run it, with the offline sources
 * (lab clusters, contexts, exercises, labs). The cluster sources are in SparkClusterNamesTest and ClusterReadTest.
 */
class CompleteCommandTest {
    @TempDir
    Path home;

    private CliRun complete(Map<String, String> env, String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "__complete";
        args[1] = "--";
        System.arraycopy(words, 0, args, 2, words.length);
        return CliRun.run(env, home, false, args);
    }

    private Map<String, String> env() {
        return Map.of("HOME", home.toString());
    }

    @Test
    void subcommand_oneLinePerCandidate_valueTabDescription_exit0_nothingOnStderr() {
        CliRun run = complete(env(), "spark", "sc");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("scale\tChange the number of workers (up or down) and wait until...\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void outputFormats_haveNoDescription() {
        // Before a command every format may follow; a command that prints no list takes no wide|name
        assertThat(complete(env(), "-o", "").out()).isEqualTo("text\njson\nyaml\nwide\nname\n");
        assertThat(complete(env(), "spark", "status", "-o", "").out()).isEqualTo("text\njson\nyaml\n");
    }

    @Test
    void labShow_offersTheExerciseIds_withTheirTitles() {
        assertThat(complete(env(), "lab", "show", "").out()).isEqualTo("""
                ex1\tA Kubernetes cluster with a master and two workers
                ex2\tSpark images built from an Ubuntu 22.04 base
                ex3\tSpark master and workers as Deployments, with a Service...
                ex4\tScale up and down, the dashboard, destroy the cluster...
                """);
        assertThat(complete(env(), "grade", "--exercise", "ex1,ex")).extracting(CliRun::out).asString()
                .startsWith("ex1,ex2\t").doesNotContain("ex1,ex1");
    }

    @Test
    void exercisesOfALabFile_whenTheLineNamesOne() throws IOException {
        Path lab = Files.writeString(home.resolve("mylab.yaml"), """
                apiVersion: labctl.io/v1
                kind: Lab
                name: mylab
                title: My lab
                vars: {namespace: spark, cluster: spark}
                exercises:
                  - id: warmup
                    title: First steps
                    steps:
                      - explain: Deploy
                        labctl: spark deploy ${cluster} -n ${namespace} --workers 2
                        kubectl: kubectl apply -f x.yaml
                    checks:
                      - id: master
                        type: deployment-ready
                        title: Master
                        points: 2
                        hint: deploy it
                        params: {namespace: "${namespace}", cluster: "${cluster}", role: master}
                """);

        CliRun run = complete(env(), "lab", "show", "--lab", lab.toString(), "");

        assertThat(run.out()).isEqualTo("warmup\tFirst steps\n");
    }

    @Test
    void labClusters_comeFromLabctlsRegistry_withProviderAndContext() {
        ClusterRegistry registry = ClusterRegistry.fromEnvironment(env());
        registry.save(new ClusterRecord("lab1", "k3s", 2, 2, 2048, null, "labctl-lab1", "now", Map.of()));
        registry.save(new ClusterRecord("lab2", "kind", 1, 2, 2048, null, "labctl-lab2", "now", Map.of()));

        assertThat(complete(env(), "cluster", "down", "").out())
                .isEqualTo("lab1\tk3s cluster, context labctl-lab1\nlab2\tkind cluster, context labctl-lab2\n");
        assertThat(complete(env(), "image", "load", "--cluster", "lab2").out()).startsWith("lab2\t");
        assertThat(complete(Map.of(ClusterRegistry.STATE_VARIABLE, home.resolve("empty").toString()), "cluster", "down", "")
                .out()).isEmpty();
    }

    @Test
    void contexts_comeFromTheKubeconfigOnTheLine_elseKUBECONFIG() throws IOException {
        Path file = Files.writeString(home.resolve("two.kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c1, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {token: t}}]
                contexts:
                - {name: alice, context: {cluster: c1, user: u, namespace: alice}}
                - {name: bob, context: {cluster: c1, user: u}}
                current-context: alice
                """);

        assertThat(complete(env(), "--kubeconfig", file.toString(), "--context", "").out())
                .isEqualTo("alice\tcluster c1, namespace alice\nbob\tcluster c1\n");
        assertThat(complete(Map.of("KUBECONFIG", file.toString()), "spark", "list", "--context=b").out())
                .isEqualTo("--context=bob\tcluster c1\n");
    }

    @Test
    void lab_offersTheBuiltInLabs_andFileNames() {
        assertThat(complete(env(), "lab", "check", "--lab", "").out()).isEqualTo("spark-k8s\n:files\n");
    }

    @Test
    void noKubeconfig_namespacesAndSparkClusters_areNothing_quietly() {
        CliRun namespaces = complete(env(), "-n", "");
        CliRun spark = complete(env(), "--kubeconfig", home.resolve("missing").toString(), "spark", "scale", "");

        assertThat(namespaces.status()).isZero();
        assertThat(namespaces.out() + namespaces.err()).isEmpty();
        assertThat(spark.status()).isZero();
        assertThat(spark.out() + spark.err()).isEmpty();
    }

    @Test
    void help_followsTheCommandPath() {
        assertThat(complete(env(), "help", "spark", "s").out()).startsWith("scale\t").contains("\nshell\t", "\nstatus\t",
                "\nsubmit\t");
        assertThat(complete(env(), "help", "nosuch", "").out()).isEmpty();
    }

    @Test
    void wordsLikeOptions_areWordsToComplete_afterDoubleDash() {
        CliRun run = complete(env(), "--output=y");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("--output=yaml\n");
    }

    @Test
    void withoutDoubleDash_plainWordsWorkToo() {
        CliRun run = CliRun.run(env(), home, false, "__complete", "lab", "sh");

        assertThat(run.out()).startsWith("show\t");
    }

    @Test
    void isHidden_fromHelp_andFromSuggestions() {
        assertThat(CliRun.run(home, "--help").out()).contains("completion").doesNotContain("__complete",
                "generate-completion");
        CliRun typo = CliRun.run(home, "complete");
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).doesNotContain("__complete");
    }
}
