package io.labctl.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.kube.AccessCheck.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.labctl.kube.AccessReviews.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, mock API server (fabric8's, one per class, the authorizer played by {@link AccessReviews}); a namespace
 * per test. The requests counted are the point: one rules review per namespace, access reviews only for what the rules
 * cannot decide.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class AccessCheckTest {
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    static KubernetesMockServer server;
    static KubeSession session;
    static AccessReviews reviews;

    private String ns;
    private int rulesBefore;
    private int accessBefore;

    @BeforeAll
    static void connect() {
        reviews = AccessReviews.answering(server);
        session = MockKubeconfig.connect(server);
    }

    @AfterAll
    static void closeClientFirst() {
        session.close();
    }

    @BeforeEach
    void aNamespaceOfItsOwn() {
        ns = "access-" + NAMESPACES.incrementAndGet();
        rulesBefore = reviews.rulesReviewed().size();
        accessBefore = reviews.asked().size();
    }

    private AccessCheck check() {
        return new AccessCheck(session.client());
    }

    private List<String> rulesReviewed() {
        List<String> all = reviews.rulesReviewed();
        return all.subList(rulesBefore, all.size());
    }

    private List<Permission> accessReviewed() {
        List<Permission> all = reviews.asked();
        return all.subList(accessBefore, all.size());
    }

    private List<Permission> deployKinds(String namespace) {
        return List.of(Permission.on("get", Deployment.class, namespace), Permission.on("create", Deployment.class, namespace),
                Permission.on("patch", Deployment.class, namespace), Permission.on("patch", Service.class, namespace),
                Permission.on("watch", Pod.class, namespace));
    }

    @Test
    void denied_everythingAllowedByTheRules_asksOneRulesReviewPerNamespace_andNoAccessReview() {
        String other = ns + "-b";
        List<Permission> needed = new ArrayList<>(deployKinds(ns));
        needed.addAll(deployKinds(other));

        List<Permission> denied = check().denied(needed);

        assertThat(denied).isEmpty();
        assertThat(rulesReviewed()).containsExactly(ns, other);
        assertThat(accessReviewed()).isEmpty();
    }

    @Test
    void require_aVerbTheRoleLacks_failsNamingItAndTheFix_decidedByTheRulesAlone() {
        reviews.role(ns, rule(List.of("get", "list", "watch", "patch"), "apps", "deployments"),
                rule(List.of("*"), "", "services", "pods"));

        assertThatThrownBy(() -> check().require(deployKinds(ns), "deploying a Spark cluster"))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("not allowed to create deployments in namespace " + ns
                            + ", which deploying a Spark cluster needs; nothing was changed");
                    assertThat(e.hint()).isEqualTo("ask your cluster admin for a Role that allows it (check with "
                            + "`kubectl auth can-i create deployments.apps -n " + ns + "`)");
                });
        assertThat(rulesReviewed()).containsExactly(ns);
        assertThat(accessReviewed()).isEmpty();
    }

    @Test
    void denied_aRuleOnPods_doesNotGrantTheirProxySubresource() {
        reviews.role(ns, rule(List.of("get", "list", "watch"), "", "pods"));
        Permission proxy = new Permission("get", "", "pods", "proxy", ns);

        assertThat(check().denied(List.of(Permission.on("get", Pod.class, ns), proxy))).containsExactly(proxy);
    }

    @Test
    void denied_anIncompleteRulesReview_asksAccessReviewsOnlyForWhatItCouldNotDecide() {
        Permission deleteServices = Permission.on("delete", Service.class, ns);
        reviews.deny(deleteServices); // the namespace's rules review now comes back incomplete and empty
        List<Permission> needed = List.of(Permission.on("delete", Deployment.class, ns), deleteServices);

        List<Permission> denied = check().denied(needed);

        assertThat(denied).containsExactly(deleteServices);
        assertThat(rulesReviewed()).containsExactly(ns);
        assertThat(accessReviewed()).containsExactlyElementsOf(needed);
    }

    @Test
    void denied_clusterScopedPermission_isAskedInAnAccessReview() {
        Permission createNamespaces = Permission.on("create", Namespace.class, "");

        assertThat(check().denied(List.of(createNamespaces, Permission.on("create", Service.class, ns)))).isEmpty();

        assertThat(rulesReviewed()).containsExactly(ns);
        assertThat(accessReviewed()).containsExactly(createNamespaces);
    }

    @Test
    void denied_clusterScopedPermission_forANamespaceNotCreatedYet_isDecidedByThatNamespacesRules() {
        reviews.role(ns, rule(List.of("*"), "apps", "deployments")); // a ClusterRole's rules, no namespaces among them

        List<Permission> denied = check().namespaceNotCreatedYet(ns).denied(List.of(
                Permission.on("create", Namespace.class, ""), Permission.on("create", Deployment.class, ns)));

        assertThat(denied).containsExactly(Permission.on("create", Namespace.class, ""));
        assertThat(rulesReviewed()).containsExactly(ns);
        assertThat(accessReviewed()).isEmpty();
    }

    @Test
    void denied_rulesReviewsForbiddenToThisIdentity_fallsBackToAccessReviews() {
        reviews.forbidRulesReviews(ns);
        Permission createServices = Permission.on("create", Service.class, ns);

        assertThat(check().denied(List.of(createServices))).isEmpty();

        assertThat(accessReviewed()).containsExactly(createServices);
    }
}
