package io.labctl;

import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimList;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.labctl.cli.CliContext;
import io.labctl.cli.LabctlCommand;
import io.labctl.kube.KubeConnector;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run behind labctl's class-data sharing archive: the launcher runs it once per build with
 * {@code -XX:DumpLoadedClassList}, dumps a static archive of those classes ({@code -Xshare:dump}), and every later
 * start maps them instead of loading and verifying them again. It runs, in one JVM, the commands people start most (help, version, the lab guide, a dry
 * run), with output discarded and no cluster contacted.
 */
public final class CdsTraining {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("spark", "deploy", "--help"),
            List.of("lab", "show", "ex3"),
            List.of("lab", "list"),
            List.of("spark", "deploy", "training", "-n", "default", "--dry-run", "-o", "yaml"),
            // What every TAB runs once completion is on: the line read through the command tree, exercise ids.
            List.of("__complete", "--", "spark", "sc"),
            List.of("__complete", "--", "lab", "show", ""));

    private CdsTraining() {
    }

    /** The kinds labctl reads on nearly every command, as lists the API server returns them. */
    private static final List<Class<? extends KubernetesResource>> LISTS = List.of(DeploymentList.class, PodList.class,
            ServiceList.class, NodeList.class, NamespaceList.class, ConfigMapList.class, PersistentVolumeClaimList.class);

    public static void main(String[] args) throws IOException {
        trainModel();
        // No kubeconfig anywhere: the dry run's namespace check fails fast and offline, as it should.
        Map<String, String> env = Map.of("KUBECONFIG", "/nonexistent/labctl-cds-training");
        for (List<String> command : COMMANDS) {
            run(command, env);
        }
        // A cluster command as people run it: a kubeconfig read and merged by fabric8 (its model and YAML classes,
        // a fifth of a cluster command's start), a client built, a request refused on loopback, the error mapped.
        Path kubeconfig = Files.createTempFile("labctl-cds-training", ".kubeconfig");
        try {
            Files.writeString(kubeconfig, REFUSING_KUBECONFIG);
            run(List.of("--kubeconfig", kubeconfig.toString(), "spark", "list"), env);
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
    }

    private static void run(List<String> command, Map<String, String> env) {
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(sink);
        CliContext context = new CliContext(out, out, env, false, new KubeConnector(env, Path.of("/nonexistent")));
        LabctlCommand.commandLine(context).execute(command.toArray(String[]::new));
    }

    /** A kubeconfig whose server refuses at once: nothing listens on port 1 of loopback. */
    private static final String REFUSING_KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: training
              cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}
            users:
            - name: training
              user: {token: not-a-token}
            contexts:
            - name: training
              context: {cluster: training, user: training, namespace: default}
            current-context: training
            """;

    /**
     * The list kinds read back from JSON, as the API server returns them: the model's classes then load from the
     * archive. (The HTTP client's come from the refused {@code spark list} run by {@link #main}.)
     */
    private static void trainModel() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (Class<? extends KubernetesResource> list : LISTS) {
            String json = "{\"apiVersion\":\"v1\",\"kind\":\"" + list.getSimpleName() + "\",\"items\":[]}";
            serialization.unmarshal(json, list);
        }
        serialization.unmarshal(TRAINING_DEPLOYMENT, Deployment.class);
    }

    /** A Deployment with the fields labctl's own carry, so the nested model classes load too. */
    private static final String TRAINING_DEPLOYMENT = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":"
            + "{\"name\":\"t\",\"labels\":{\"a\":\"b\"},\"annotations\":{\"c\":\"d\"}},\"spec\":{\"replicas\":1,"
            + "\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},"
            + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i:1\",\"env\":[{\"name\":\"E\",\"valueFrom\":"
            + "{\"fieldRef\":{\"fieldPath\":\"status.podIP\"}}}],\"ports\":[{\"name\":\"p\",\"containerPort\":1}],"
            + "\"resources\":{\"limits\":{\"cpu\":\"1\"}},\"readinessProbe\":{\"tcpSocket\":{\"port\":\"p\"}}}]}}},"
            + "\"status\":{\"readyReplicas\":1,\"conditions\":[{\"type\":\"Available\",\"status\":\"True\"}]}}";
}
