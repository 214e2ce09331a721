package io.labctl.grading.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --validate-on CONTEXT}: the submitted objects sent to a real API server as a server-side apply with
 * {@code dryRun=All} and strict field validation, into a scratch namespace made for it and deleted afterwards, so
 * the API server's own errors (unknown fields, wrong types, invalid names, admission) are reported per file:line and
 * nothing is kept. The identity needs to create and delete namespaces and to apply the kinds submitted; the grading
 * identity, which only reads, is not enough: name a context that may (an instructor's own).
 */
public final class ServerSideValidator implements ManifestValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIELD_MANAGER = "labctl-validate";
    /** Kinds a scratch namespace cannot hold: never sent. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TYPED_PATCH_FIELD = Pattern.compile(".*?\\): \\.([\\w.\\[\\]-]+): (.+)");

    private final KubernetesClient client;
    private final String context;

    public ServerSideValidator(KubernetesClient client, String context) {
        this.client = client;
        this.context = context;
    }

    @Override
    public String describe() {
        return "the API server of context " + context + " (server-side dry-run)";
    }

    @Override
    public List<Problem> validate(List<KubeObject> objects) {
        String namespace = "labctl-validate-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36)
                .toLowerCase(Locale.ROOT);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "labctl").endMetadata().build()).create();
        try {
            List<Problem> problems = new ArrayList<>();
            for (KubeObject object : objects) {
                if (!CLUSTER_SCOPED.contains(object.kind())) {
                    apply(object, namespace, problems);
                }
            }
            return problems;
        } finally {
            client.namespaces().withName(namespace).delete();
        }
    }

    private void apply(KubeObject object, String namespace, List<Problem> problems) {
        ObjectNode node = object.node().deepCopy();
        ((ObjectNode) node.with("metadata")).remove("namespace");
        GenericKubernetesResource resource;
        try {
            resource = JSON.treeToValue(node, GenericKubernetesResource.class);
        } catch (Exception e) {
            problems.add(new Problem(object, "", "cannot be read as a Kubernetes object: " + firstLine(e.getMessage())));
            return;
        }
        try {
            client.resource(resource).inNamespace(namespace).dryRun().fieldValidation(FieldValidateable.Validation.STRICT)
                    .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            if (e.getStatus() != null && e.getStatus().getDetails() != null
                    && e.getStatus().getDetails().getCauses() != null && !e.getStatus().getDetails().getCauses().isEmpty()) {
                for (StatusCause cause : e.getStatus().getDetails().getCauses()) {
                    problems.add(new Problem(object, cause.getField() == null ? "" : cause.getField(),
                            firstLine(cause.getMessage())));
                }
            } else {
                String message = firstLine(e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage() : e.getMessage()).replace(namespace, "NAMESPACE");
                // Server-side apply names the field in the text only: "failed to create typed patch object (...):
                // .spec.replica: field not declared in schema"; the field gives the line.
                Matcher field = TYPED_PATCH_FIELD.matcher(message);
                problems.add(field.matches() ? new Problem(object, field.group(1), field.group(2))
                        : new Problem(object, "", message));
            }
        }
    }

    private static String firstLine(String text) {
        return text == null ? "refused" : text.lines().findFirst().orElse("refused");
    }
}
