package io.labctl.spark.nativemode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.labctl.kube.Labels;
import io.labctl.kube.Tolerations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a namespace needs before a native application: the ServiceAccount the driver runs as, with a Role that lets
 * it create and delete its executor pods, their Services and ConfigMaps (with `default` the driver fails with
 * Forbidden); optionally a ResourceQuota; and the executor pod template when executors tolerate taints.
 */
public final class NativeNamespace {
    public static final String TEMPLATE_CONFIG_MAP_SUFFIX = "-executor-template";
    public static final String TEMPLATE_KEY = "executor-template.yaml";
    static final Map<String, String> LABELS = Map.of(Labels.MANAGED_BY, Labels.MANAGER,
            Labels.COMPONENT, "spark-native");

    private NativeNamespace() {
    }

    /** The objects to apply, in order. */
    public static List<HasMetadata> objects(NativeSubmitRequest r) {
        List<HasMetadata> objects = new ArrayList<>();
        String ns = r.namespace();
        String sa = SubmitArguments.SERVICE_ACCOUNT;
        objects.add(new ServiceAccountBuilder().withNewMetadata().withName(sa).withNamespace(ns).withLabels(LABELS).endMetadata().build());
        objects.add(new RoleBuilder().withNewMetadata().withName(sa).withNamespace(ns).withLabels(LABELS).endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("pods", "services", "configmaps",
                                "persistentvolumeclaims")
                        .withVerbs("create", "get", "list", "watch", "delete", "deletecollection", "patch", "update").build(),
                        new PolicyRuleBuilder().withApiGroups("").withResources("pods/log").withVerbs("get").build())
                .build());
        objects.add(new RoleBindingBuilder().withNewMetadata().withName(sa).withNamespace(ns).withLabels(LABELS).endMetadata()
                .addNewSubject().withKind("ServiceAccount").withName(sa).withNamespace(ns).endSubject()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(sa).endRoleRef()
                .build());
        if (!r.quota().isEmpty()) {
            Map<String, Quantity> hard = new LinkedHashMap<>();
            r.quota().forEach((resource, amount) -> hard.put("limits." + resource, new Quantity(amount)));
            objects.add(new ResourceQuotaBuilder().withNewMetadata().withName("labctl-spark-quota").withNamespace(ns)
                    .withLabels(LABELS).endMetadata().withNewSpec().withHard(hard).endSpec().build());
        }
        templateConfigMap(r).ifPresent(objects::add);
        return objects;
    }

    /** The executor pod template (only tolerations), or none when the executors tolerate nothing. */
    static java.util.Optional<ConfigMap> templateConfigMap(NativeSubmitRequest r) {
        if (r.executorTolerations().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Toleration> tolerations = r.executorTolerations().stream()
                .map(t -> Tolerations.parse(NativeSubmitRequest.EXECUTOR_TOLERATION_OPTION, t)).toList();
        String template = new KubernetesSerialization().asYaml(new PodBuilder().withNewSpec().withTolerations(tolerations)
                .endSpec().build());
        return java.util.Optional.of(new ConfigMapBuilder().withNewMetadata().withName(r.name() + TEMPLATE_CONFIG_MAP_SUFFIX)
                .withNamespace(r.namespace()).withLabels(LABELS).endMetadata().addToData(TEMPLATE_KEY, template).build());
    }
}
