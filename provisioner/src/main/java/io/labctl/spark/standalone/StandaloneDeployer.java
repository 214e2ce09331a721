package io.labctl.spark.standalone;

import io.labctl.kube.Namespaces;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.Durations;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.ServerSideApply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deploys (or re-applies) a Spark standalone cluster: validate, preflight, apply with server-side
 * apply, wait until Spark reports the workers. Applying an unchanged spec changes nothing on the
 * server, so running deploy twice is safe.
 */
public final class StandaloneDeployer {
    private final KubernetesClient client;
    private final Progress progress;
    private final StandaloneManifests manifests = new StandaloneManifests();

    public StandaloneDeployer(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    public DeployResult deploy(SparkClusterSpec spec, DeployOptions options) {
        return deploy(spec, options, List.of());
    }

    /** @param alreadyRead objects of the cluster the caller has just read, which the preflight then need not read */
    DeployResult deploy(SparkClusterSpec spec, DeployOptions options, List<HasMetadata> alreadyRead) {
        spec.validate();
        ClusterObjects objects = manifests.render(spec);

        progress.step("Checking the cluster before any change");
        DeployPreflight.Findings found = new DeployPreflight(client, progress).run(spec, objects, options, alreadyRead);
        boolean createNamespace = found.createNamespace();

        List<AppliedObject> applied = new ArrayList<>();
        Map<String, HasMetadata> live = new HashMap<>();
        if (createNamespace) {
            progress.step("Creating namespace " + spec.namespace());
            new ServerSideApply(client).apply(Namespaces.createdByLabctl(spec.namespace())); // nothing else exists yet
        }
        progress.step("Applying " + objects.inApplyOrder().size() + " objects (server-side apply, field manager "
                + ServerSideApply.FIELD_MANAGER + ")");
        ServerSideApply apply = new ServerSideApply(client);
        for (HasMetadata object : objects.inApplyOrder()) {
            try {
                HasMetadata after = apply.apply(object);
                live.put(DeployPreflight.key(object), after);
                applied.add(outcome(object, found.before(object), after));
            } catch (LabctlException e) {
                throw new LabctlException(e.exitCode(), e.getMessage() + "; applied so far: "
                        + (applied.isEmpty() ? "nothing" : applied) + (createNamespace ? " (namespace "
                        + spec.namespace() + " created)" : ""),
                        "remove what exists with `labctl spark teardown " + spec.name() + " -n " + spec.namespace()
                                + "`", e);
            }
        }
        applied.forEach(a -> progress.note(a.toString()));

        Readiness readiness = null;
        List<Pod> pods = null;
        if (options.waitMode() != WaitMode.none) {
            progress.step("Waiting for " + describeWait(spec, options.waitMode()) + " (timeout "
                    + Durations.format(options.timeout()) + ")");
            ClusterWaiter.ReadyCluster ready = new ClusterWaiter(client, progress)
                    .await(spec.namespace(), spec.name(), spec.workers(), options.waitMode(), options.timeout());
            readiness = ready.readiness();
            pods = ready.pods();
        }
        // What deploy has already seen (the applied Service, the nodes, the watched pods) is not asked for again.
        Service service = (Service) live.get(DeployPreflight.key(objects.masterService()));
        ClusterEndpoints endpoints = ClusterEndpoints.of(client, spec.namespace(), spec.name(), service, found.nodes(), pods);
        return new DeployResult(spec.name(), spec.namespace(), spec.workers(), createNamespace, applied, readiness,
                endpoints, KubectlEquivalents.deploy(spec));
    }

    /** kubectl's words for what the apply did: a new resourceVersion means the object changed. */
    private static AppliedObject outcome(HasMetadata object, HasMetadata before, HasMetadata after) {
        String outcome = before == null ? AppliedObject.CREATED
                : before.getMetadata().getResourceVersion().equals(after.getMetadata().getResourceVersion())
                ? AppliedObject.UNCHANGED : AppliedObject.CONFIGURED;
        return new AppliedObject(object.getKind(), object.getMetadata().getName(), outcome);
    }

    private static String describeWait(SparkClusterSpec spec, WaitMode mode) {
        return mode == WaitMode.spark
                ? "the pods to be Ready and the master to report " + spec.workers() + " ALIVE workers"
                : "the pods to be Ready";
    }
}
