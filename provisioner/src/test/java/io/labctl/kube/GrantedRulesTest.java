package io.labctl.kube;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatusBuilder;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.GrantedRules.Decision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.labctl.kube.AccessReviews.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. RBAC's matching of a request against the rules a SelfSubjectRulesReview lists. */
class GrantedRulesTest {
    private static final Permission GET_PODS = Permission.of("get", "", "pods", "lab");
    private static final Permission PROXY_PODS = new Permission("get", "", "pods", "proxy", "lab");
    private static final Permission PATCH_DEPLOYMENTS = Permission.of("patch", "apps", "deployments", "lab");

    private static GrantedRules complete(ResourceRule... rules) {
        return GrantedRules.of(new SubjectRulesReviewStatusBuilder().withResourceRules(rules).withIncomplete(false).build());
    }

    @Test
    void decide_wildcardsEverywhere_allowEverything() {
        GrantedRules admin = complete(rule(List.of("*"), "*", "*"));

        assertThat(List.of(GET_PODS, PROXY_PODS, PATCH_DEPLOYMENTS)).allSatisfy(p ->
                assertThat(admin.decide(p)).isEqualTo(Decision.ALLOWED));
    }

    @Test
    void decide_exactVerbGroupAndResource_allowsOnlyThat() {
        GrantedRules role = complete(rule(List.of("get", "list"), "", "pods"));

        assertThat(role.decide(GET_PODS)).isEqualTo(Decision.ALLOWED);
        assertThat(role.decide(Permission.of("delete", "", "pods", "lab"))).isEqualTo(Decision.DENIED);
        assertThat(role.decide(Permission.of("get", "apps", "pods", "lab"))).as("another group").isEqualTo(Decision.DENIED);
    }

    @Test
    void decide_subresource_needsItsOwnRuleOrAWildcardResourceOrStarSlashSubresource() {
        assertThat(complete(rule(List.of("get"), "", "pods")).decide(PROXY_PODS)).isEqualTo(Decision.DENIED);
        assertThat(complete(rule(List.of("get"), "", "pods/proxy")).decide(PROXY_PODS)).isEqualTo(Decision.ALLOWED);
        assertThat(complete(rule(List.of("get"), "", "*/proxy")).decide(PROXY_PODS)).isEqualTo(Decision.ALLOWED);
        assertThat(complete(rule(List.of("get"), "", "*/proxy")).decide(GET_PODS)).isEqualTo(Decision.DENIED);
    }

    @Test
    void decide_aRuleLimitedToResourceNames_grantsNothingToARequestWithoutAName() {
        ResourceRule named = new ResourceRuleBuilder().withVerbs("patch").withApiGroups("apps").withResources("deployments")
                .withResourceNames("spark-a-worker").build();

        assertThat(complete(named).decide(PATCH_DEPLOYMENTS)).isEqualTo(Decision.DENIED);
    }

    @Test
    void decide_incompleteReview_allowsWhatARuleGrants_andLeavesTheRestUndecided() {
        GrantedRules partial = GrantedRules.of(new SubjectRulesReviewStatusBuilder()
                .withResourceRules(rule(List.of("get"), "", "pods")).withIncomplete(true)
                .withEvaluationError("webhook authorizer does not support user rule resolution").build());

        assertThat(partial.decide(GET_PODS)).isEqualTo(Decision.ALLOWED);
        assertThat(partial.decide(PATCH_DEPLOYMENTS)).isEqualTo(Decision.UNDECIDED);
    }

    @Test
    void decide_noStatusAtAll_decidesNothing() {
        assertThat(GrantedRules.of((SubjectRulesReviewStatus) null).decide(GET_PODS)).isEqualTo(Decision.UNDECIDED);
    }
}
