package io.labctl.spark.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import io.labctl.kube.YamlComments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link SparkClusterSpec} into the objects labctl applies: the commented templates in
 * {@code manifests/spark-standalone/} with their placeholders filled, then the additive steps below.
 * This is the only place cluster objects are built, so {@code --dry-run} prints exactly what
 * {@code deploy} applies, and deploy, preflight, teardown and the kubectl equivalents all follow from it.
 */
public final class StandaloneManifests {
    public static final String DIRECTORY = "spark-standalone/";

    /**
     * The commented templates students read; each is one object, of the kind it declares here. Teardown and its
     * kubectl equivalent need the kinds without rendering the templates (a fifth of a second on a cold JVM), and
     * rendering checks that each template still holds the kind it declares.
     */
    private static final List<Template> TEMPLATES = List.of(
            new Template("master-service.yaml", Service.class),       // 7077 inside and (NodePort) outside
            new Template("master-deployment.yaml", Deployment.class), // the master
            new Template("worker-deployment.yaml", Deployment.class)  // the workers: replicas = --workers
    );

    private record Template(String file, Class<? extends HasMetadata> kind) {
    }

    /** The steps, in order. Each is a no-op when its options are not used. */
    private static final List<ClusterObjectsStep> STEPS = List.of(
            new ExposeStep(),         // --expose none, --node-port
            new PlacementStep(),      // --node-selector, --toleration
            new VolumesStep(),        // --volume: PVCs, hostPath and ConfigMap volumes on master and workers
            new SpecAnnotationStep()  // the spec, for `scale` to re-apply
    );

    /** What `spark run` adds to a cluster besides the templates and the steps: job pods and their ConfigMaps. */
    private static final List<Class<? extends HasMetadata>> JOB_KINDS = List.of(Pod.class, ConfigMap.class);

    // Minimal quoting, so the printed YAML reads like the commented templates students know.
    private final KubernetesSerialization serialization = new KubernetesSerialization(new ObjectMapper(), true,
            new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

    /** The cluster's objects; {@link #toYaml} prints them with the comments of the templates they came from. */
    public ClusterObjects render(SparkClusterSpec spec) {
        return renderWithSources(spec).objects();
    }

    /** Objects and the rendered template text each came from (kind/name to text), for the comments. */
    private record Rendered(ClusterObjects objects, Map<String, String> sources) {
    }

    private Rendered renderWithSources(SparkClusterSpec spec) {
        Map<String, String> values = placeholderValues(spec);
        List<HasMetadata> parsed = new ArrayList<>();
        Map<String, String> sources = new HashMap<>();
        for (Template template : TEMPLATES) {
            String yaml = ManifestTemplate.load(DIRECTORY + template.file()).render(values);
            HasMetadata object = serialization.unmarshal(yaml, HasMetadata.class);
            if (!template.kind().isInstance(object)) {
                throw new IllegalStateException(DIRECTORY + template.file() + " holds a " + object.getKind()
                        + ", not the " + template.kind().getSimpleName() + " StandaloneManifests declares for it");
            }
            parsed.add(object);
            sources.put(key(object), yaml);
        }
        ClusterObjects objects = ClusterObjects.of(parsed);
        for (ClusterObjectsStep step : STEPS) {
            objects = step.apply(objects, spec);
        }
        return new Rendered(objects, sources);
    }

    /**
     * The objects as one multi-document YAML stream, as {@code --dry-run -o yaml} prints them: each object that
     * came from a template keeps that template's comments. {@code extra} objects (the Namespace, when labctl would
     * create it) come first, without comments.
     */
    public String toYaml(SparkClusterSpec spec, List<HasMetadata> extra) {
        Rendered rendered = renderWithSources(spec);
        StringBuilder out = new StringBuilder();
        extra.forEach(o -> out.append(yamlDocument(o)));
        for (HasMetadata object : rendered.objects().inApplyOrder()) {
            String yaml = yamlDocument(object);
            String source = rendered.sources().get(key(object));
            out.append(source == null ? yaml : YamlComments.carryOver(source, yaml));
        }
        return out.toString();
    }

    public String yamlDocument(HasMetadata object) {
        String yaml = serialization.asYaml(object);
        return yaml.startsWith("---") ? yaml : "---\n" + yaml;
    }

    /**
     * Every kind of object a cluster may hold: the templates', each step's additions, and what jobs create.
     * Teardown looks for each by the cluster's labels; its kubectl equivalent names them.
     */
    public static Set<Class<? extends HasMetadata>> possibleKinds() {
        Set<Class<? extends HasMetadata>> kinds = new LinkedHashSet<>();
        TEMPLATES.forEach(template -> kinds.add(template.kind()));
        STEPS.forEach(step -> kinds.addAll(step.mayAdd()));
        kinds.addAll(JOB_KINDS);
        return kinds;
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

    private static String key(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
