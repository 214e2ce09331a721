package io.labctl.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.kube.GrantedRules.Decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the API server, before any write, whether the current identity may do everything a command needs. One
 * SelfSubjectRulesReview per namespace (what {@code kubectl auth can-i --list -n NS} asks) decides the namespaced
 * permissions in one request; a SelfSubjectAccessReview (what {@code kubectl auth can-i VERB RESOURCE} asks) is made
 * only for what the rules review cannot decide: a cluster-scoped permission, or a rules review that came back
 * incomplete. Denials are collected and reported together, so the user fixes them in one round.
 */
public final class AccessCheck {
    /** One permission: verb on group/resource (optionally a subresource) in a namespace ("" = cluster). */
    public record Permission(String verb, String group, String resource, String subresource, String namespace) {
        public static Permission of(String verb, String group, String resource, String namespace) {
            return new Permission(verb, group, resource, null, namespace);
        }

        /** {@code verb} on the resource of a kind ({@code Deployment.class}: apps/deployments). */
        public static Permission on(String verb, Class<? extends HasMetadata> kind, String namespace) {
            return new Permission(verb, HasMetadata.getGroup(kind), HasMetadata.getPlural(kind), null, namespace);
        }

        /** How kubectl would ask the same question, so users can check by hand. */
        public String canICommand() {
            String res = resource + (group.isEmpty() ? "" : "." + group) + (subresource == null ? "" : "/" + subresource);
            return "kubectl auth can-i " + verb + " " + res + (namespace.isEmpty() ? "" : " -n " + namespace);
        }
    }

    private final KubernetesClient client;
    private final String notCreatedYet;

    public AccessCheck(KubernetesClient client) {
        this(client, null);
    }

    private AccessCheck(KubernetesClient client, String notCreatedYet) {
        this.client = client;
        this.notCreatedYet = notCreatedYet;
    }

    /**
     * Lets the rules review of {@code namespace}, which does not exist yet, decide the cluster-scoped permissions too
     * (creating that namespace): no RoleBinding can live in a namespace that does not exist, so its review lists
     * exactly the rules that hold cluster-wide.
     */
    public AccessCheck namespaceNotCreatedYet(String namespace) {
        return new AccessCheck(client, namespace);
    }

    /** Returns the permissions that are denied (empty when all are allowed), in the order asked. */
    public List<Permission> denied(List<Permission> needed) {
        Map<String, GrantedRules> rulesByNamespace = new HashMap<>();
        List<Permission> denied = new ArrayList<>();
        for (Permission p : needed) {
            String reviewed = p.namespace().isEmpty() ? notCreatedYet : p.namespace();
            Decision decision = reviewed == null ? Decision.UNDECIDED
                    : rulesByNamespace.computeIfAbsent(reviewed, this::rulesIn).decide(p);
            if (decision == Decision.UNDECIDED) {
                decision = accessReview(p) ? Decision.ALLOWED : Decision.DENIED;
            }
            if (decision == Decision.DENIED) {
                denied.add(p);
            }
        }
        return denied;
    }

    private GrantedRules rulesIn(String namespace) {
        SelfSubjectRulesReview review = new SelfSubjectRulesReviewBuilder().withNewSpec().withNamespace(namespace)
                .endSpec().build();
        try {
            return GrantedRules.of(client.authorization().v1().selfSubjectRulesReview().create(review).getStatus());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 || e.getCode() == 404) { // not offered to this identity: ask one by one instead
                return GrantedRules.UNKNOWN;
            }
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "check permissions");
        } catch (RuntimeException e) {
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "check permissions");
        }
    }

    private boolean accessReview(Permission p) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withResourceAttributes(new ResourceAttributesBuilder()
                        .withVerb(p.verb()).withGroup(p.group()).withResource(p.resource())
                        .withSubresource(p.subresource())
                        .withNamespace(p.namespace().isEmpty() ? null : p.namespace())
                        .build())
                .endSpec()
                .build();
        SelfSubjectAccessReview answer;
        try {
            answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        } catch (RuntimeException e) {
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "check permissions");
        }
        return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }

    /** Throws a FORBIDDEN error naming the first denied permission (and how many more) if any is denied. */
    public void require(List<Permission> needed, String whatFor) {
        List<Permission> denied = denied(needed);
        if (!denied.isEmpty()) {
            Permission first = denied.get(0);
            String more = denied.size() > 1 ? " (and " + (denied.size() - 1) + " more)" : "";
            throw new LabctlException(ExitCode.FORBIDDEN, "not allowed to " + first.verb() + " " + first.resource()
                    + (first.subresource() == null ? "" : "/" + first.subresource())
                    + (first.namespace().isEmpty() ? "" : " in namespace " + first.namespace()) + more
                    + ", which " + whatFor + " needs; nothing was changed",
                    "ask your cluster admin for a Role that allows it (check with `" + first.canICommand() + "`)");
        }
    }
}
