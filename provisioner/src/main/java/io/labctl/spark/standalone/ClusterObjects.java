package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.kube.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The Kubernetes objects of one Spark standalone cluster: an open, ordered list that the templates start and
 * {@link ClusterObjectsStep steps} add to or change (Spark's {@code getAdditionalKubernetesResources}, JKube's
 * enrichers). Deploy, preflight, {@code --dry-run} and the kubectl equivalents all work from this list, so an object
 * a step adds is applied, checked, shown and removed with no other code knowing about it. Immutable.
 */
public final class ClusterObjects {
    /**
     * Kinds in the order they are applied (Helm's install order): what others refer to comes first, so a worker
     * finds its Service and a pod its ConfigMap or claim. Kinds not listed come last, in the order added.
     */
    private static final List<String> APPLY_ORDER = List.of("Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
            "ServiceAccount", "Secret", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
            "Role", "RoleBinding", "Service", "Pod", "Deployment", "StatefulSet", "Job", "PodDisruptionBudget");

    private final List<HasMetadata> objects;

    private ClusterObjects(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    public static ClusterObjects of(List<? extends HasMetadata> objects) {
        return new ClusterObjects(new ArrayList<>(objects));
    }

    /** Every object, in the order they are applied (by kind, see above; stable within a kind). */
    public List<HasMetadata> inApplyOrder() {
        List<HasMetadata> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparingInt(ClusterObjects::applyRank));
        return sorted;
    }

    /** The distinct kinds, as classes (for RBAC preflight and the kubectl equivalents). */
    public Set<Class<? extends HasMetadata>> kinds() {
        Set<Class<? extends HasMetadata>> kinds = new LinkedHashSet<>();
        inApplyOrder().forEach(o -> kinds.add(o.getClass()));
        return kinds;
    }

    /** A copy with {@code object} added, or replacing the object of the same kind and name. */
    public ClusterObjects with(HasMetadata object) {
        List<HasMetadata> next = new ArrayList<>(objects);
        int same = indexOf(object);
        if (same >= 0) {
            next.set(same, object);
        } else {
            next.add(object);
        }
        return new ClusterObjects(next);
    }

    /** A copy where every object of {@code type} that {@code which} accepts is replaced by {@code change} of it. */
    public <T extends HasMetadata> ClusterObjects map(Class<T> type, Predicate<T> which, UnaryOperator<T> change) {
        List<HasMetadata> next = new ArrayList<>(objects.size());
        for (HasMetadata object : objects) {
            next.add(type.isInstance(object) && which.test(type.cast(object)) ? change.apply(type.cast(object)) : object);
        }
        return new ClusterObjects(next);
    }

    /** A copy with the master and worker Deployments changed alike (placement, volumes, ...). */
    public ClusterObjects mapSparkDeployments(UnaryOperator<Deployment> change) {
        return map(Deployment.class, d -> isComponent(d, SparkLabels.MASTER) || isComponent(d, SparkLabels.WORKER), change);
    }

    /** The master's Service (the one object of kind Service with the master component label). */
    public Service masterService() {
        return only(Service.class, SparkLabels.MASTER);
    }

    public Deployment master() {
        return only(Deployment.class, SparkLabels.MASTER);
    }

    public Deployment workers() {
        return only(Deployment.class, SparkLabels.WORKER);
    }

    public ClusterObjects withMasterService(UnaryOperator<Service> change) {
        return map(Service.class, s -> isComponent(s, SparkLabels.MASTER), change);
    }

    public ClusterObjects withMaster(UnaryOperator<Deployment> change) {
        return map(Deployment.class, d -> isComponent(d, SparkLabels.MASTER), change);
    }

    public ClusterObjects withWorkers(UnaryOperator<Deployment> change) {
        return map(Deployment.class, d -> isComponent(d, SparkLabels.WORKER), change);
    }

    private <T extends HasMetadata> T only(Class<T> type, String component) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).filter(o -> isComponent(o, component))
                .toList();
        if (found.size() != 1) {
            throw new LabctlException(ExitCode.INTERNAL, "the cluster's objects hold " + found.size() + " "
                    + type.getSimpleName() + " objects of component " + component + ", expected one",
                    "this is a labctl bug; please report it");
        }
        return found.get(0);
    }

    private static boolean isComponent(HasMetadata object, String component) {
        return component.equals(Labels.label(object, Labels.COMPONENT));
    }

    private int indexOf(HasMetadata object) {
        for (int i = 0; i < objects.size(); i++) {
            HasMetadata o = objects.get(i);
            if (o.getKind().equals(object.getKind()) && o.getMetadata().getName().equals(object.getMetadata().getName())) {
                return i;
            }
        }
        return -1;
    }

    private static int applyRank(HasMetadata object) {
        int rank = APPLY_ORDER.indexOf(object.getKind());
        return rank < 0 ? APPLY_ORDER.size() : rank;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterObjects o && objects.equals(o.objects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(objects);
    }

    @Override
    public String toString() {
        return "ClusterObjects" + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    }
}
