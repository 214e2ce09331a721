package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link SparkClusterSpec} into the objects labctl applies: the commented templates in
 * {@code manifests/spark-standalone/} with their placeholders filled, then the additive steps below.
 * This is the only place cluster objects are built, so {@code --dry-run} prints exactly what
 * {@code deploy} applies.
 */
public final class StandaloneManifests {
    public static final String DIRECTORY = "spark-standalone/";

    /** The steps, in order. Each is a no-op when its options are not used. */
    private static final List<ClusterObjectsStep> STEPS = List.of(
            new ExposeStep(),         // --expose none, --node-port
            new PlacementStep(),      // --node-selector, --toleration
            new SpecAnnotationStep()  // the spec, for `scale` to re-apply
    );

    // Minimal quoting, so the printed YAML reads like the commented templates students know.
    private final KubernetesSerialization serialization = new KubernetesSerialization(new ObjectMapper(), true,
            new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

    public ClusterObjects render(SparkClusterSpec spec) {
        Map<String, String> values = placeholderValues(spec);
        ClusterObjects objects = new ClusterObjects(
                parse("master-service.yaml", values, Service.class),
                parse("master-deployment.yaml", values, Deployment.class),
                parse("worker-deployment.yaml", values, Deployment.class));
        for (ClusterObjectsStep step : STEPS) {
            objects = step.apply(objects, spec);
        }
        return objects;
    }

    /** The objects as one multi-document YAML stream, as {@code --dry-run -o yaml} prints them. */
    public String toYaml(ClusterObjects objects) {
        return objects.inApplyOrder().stream().map(this::yamlDocument).collect(Collectors.joining());
    }

    public String yamlDocument(HasMetadata object) {
        String yaml = serialization.asYaml(object);
        return yaml.startsWith("---") ? yaml : "---\n" + yaml;
    }

    static Map<String, String> placeholderValues(SparkClusterSpec spec) {
        int workerMib = SparkMemory.parseMib("--worker-memory", spec.workerMemory());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NAME", spec.name());
        values.put("NAMESPACE", spec.namespace());
        values.put("WORKERS", Integer.toString(spec.workers()));
        values.put("WORKER_CORES", Integer.toString(spec.workerCores()));
        values.put("WORKER_MEMORY", workerMib + "m");
        values.put("WORKER_CPU_REQUEST", spec.workerCpuRequest());
        values.put("WORKER_MEMORY_REQUEST", SparkMemory.workerPodRequestMib() + "Mi");
        values.put("WORKER_MEMORY_LIMIT", SparkMemory.workerPodLimitMib(workerMib) + "Mi");
        values.put("DAEMON_MEMORY", SparkMemory.DAEMON_MIB + "m");
        values.put("MASTER_IMAGE", spec.masterImage());
        values.put("WORKER_IMAGE", spec.workerImage());
        return values;
    }

    private <T> T parse(String file, Map<String, String> values, Class<T> type) {
        String yaml = ManifestTemplate.load(DIRECTORY + file).render(values);
        return serialization.unmarshal(yaml, type);
    }
}
