package io.labctl.kube;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.labctl.kube.AccessCheck.Permission;

import java.util.List;

/**
 * What one SelfSubjectRulesReview says the current identity may do in one namespace, matched the way RBAC matches a
 * request: verbs, API groups and resources with the {@code *} wildcard, {@code resource/subresource} and
 * {@code *}{@code /subresource}. A rule limited to resource names grants nothing to a request without a name, which is
 * what labctl's permissions are (an access review without a name answers the same).
 * <p>
 * A review may be incomplete (an authorizer that cannot list its rules, a webhook for instance, or an evaluation
 * error): then a rule that allows is still conclusive, but the absence of one decides nothing.
 */
final class GrantedRules {
    /** For a permission, what the rules tell. */
    enum Decision { ALLOWED, DENIED, UNDECIDED }

    private static final String ALL = "*";

    /** Nothing known: every permission undecided (the review could not be made). */
    static final GrantedRules UNKNOWN = new GrantedRules(List.of(), true);

    private final List<ResourceRule> rules;
    private final boolean incomplete;

    private GrantedRules(List<ResourceRule> rules, boolean incomplete) {
        this.rules = rules;
        this.incomplete = incomplete;
    }

    static GrantedRules of(SubjectRulesReviewStatus status) {
        if (status == null) {
            return UNKNOWN;
        }
        List<ResourceRule> rules = status.getResourceRules() == null ? List.of() : status.getResourceRules();
        return new GrantedRules(rules, Boolean.TRUE.equals(status.getIncomplete()));
    }

    Decision decide(Permission permission) {
        if (rules.stream().anyMatch(rule -> grants(rule, permission))) {
            return Decision.ALLOWED;
        }
        return incomplete ? Decision.UNDECIDED : Decision.DENIED;
    }

    private static boolean grants(ResourceRule rule, Permission p) {
        if (rule.getResourceNames() != null && !rule.getResourceNames().isEmpty()) {
            return false;
        }
        return matches(rule.getVerbs(), p.verb()) && matches(rule.getApiGroups(), p.group())
                && resourceMatches(rule.getResources(), p.resource(), p.subresource());
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed != null && (allowed.contains(ALL) || allowed.contains(value));
    }

    /** RBAC's ResourceMatches: "*", the exact resource (with its subresource), or "*&#47;subresource". */
    private static boolean resourceMatches(List<String> allowed, String resource, String subresource) {
        if (allowed == null) {
            return false;
        }
        boolean hasSubresource = subresource != null && !subresource.isEmpty();
        String combined = hasSubresource ? resource + "/" + subresource : resource;
        return allowed.contains(ALL) || allowed.contains(combined)
                || (hasSubresource && allowed.contains(ALL + "/" + subresource));
    }
}
