package io.labctl.kube;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.utils.ResponseProvider;
import io.labctl.kube.AccessCheck.Permission;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The API server's authorizer, for the mock API server: answers SelfSubjectRulesReviews and SelfSubjectAccessReviews
 * (what {@link AccessCheck} and {@code kubectl auth can-i} ask). In CRUD mode alone the mock would store a review and
 * answer it without a status, which reads as denied. Namespaces are of four kinds:
 * <ul>
 *   <li>by default everything is allowed: the rules review lists {@code *} on {@code *} (cluster-admin's rules);</li>
 *   <li>{@link #role}: the rules review lists exactly the given rules, complete (a student's Role);</li>
 *   <li>{@link #deny}: access reviews deny that permission, and the rules review of its namespace comes back
 *       incomplete and empty, as from an authorizer that cannot list rules (a webhook), so labctl must ask;</li>
 *   <li>{@link #forbidRulesReviews}: the rules review is refused (403).</li>
 * </ul>
 */
public final class AccessReviews {
    private static final String ACCESS_PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    private static final String RULES_PATH = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final ResourceRule EVERYTHING = rule(List.of("*"), "*", "*");

    private final Set<Permission> denied = ConcurrentHashMap.newKeySet();
    private final Map<String, List<ResourceRule>> roles = new ConcurrentHashMap<>();
    private final List<Permission> asked = new CopyOnWriteArrayList<>();
    private final List<String> rulesReviewed = new CopyOnWriteArrayList<>();
    private final Set<String> rulesForbidden = ConcurrentHashMap.newKeySet();

    private AccessReviews() {
    }

    /** Answers the server's reviews from now on (expectations, ahead of the CRUD store). */
    public static AccessReviews answering(KubernetesMockServer server) {
        AccessReviews reviews = new AccessReviews();
        server.expect().post().withPath(ACCESS_PATH).andReply(201, request -> reviews.answerAccess(request.getUtf8Body()))
                .always();
        server.expect().post().withPath(RULES_PATH).andReply(reviews.new RulesReviewReplies()).always();
        return reviews;
    }

    /** Denies this permission from now on (tests on one server deny in namespaces of their own). */
    public AccessReviews deny(Permission permission) {
        denied.add(permission);
        return this;
    }

    /** Rules reviews in {@code namespace} are forbidden to the identity (403), as an authorizer may decide. */
    public AccessReviews forbidRulesReviews(String namespace) {
        rulesForbidden.add(namespace);
        return this;
    }

    /** The identity's rules in {@code namespace} are exactly these (its rules review is complete). */
    public AccessReviews role(String namespace, ResourceRule... rules) {
        roles.put(namespace, List.of(rules));
        return this;
    }

    /** A rule as a Role writes it: {@code verbs} on {@code resources} of {@code group}. */
    public static ResourceRule rule(List<String> verbs, String group, String... resources) {
        return new ResourceRuleBuilder().withVerbs(verbs).withApiGroups(group).withResources(resources).build();
    }

    /** Every permission asked about in an access review, in order. */
    public List<Permission> asked() {
        return List.copyOf(asked);
    }

    /** The namespace of every rules review, in order. */
    public List<String> rulesReviewed() {
        return List.copyOf(rulesReviewed);
    }

    private SelfSubjectAccessReview answerAccess(String body) {
        SelfSubjectAccessReview review = JSON.unmarshal(body, SelfSubjectAccessReview.class);
        ResourceAttributes a = review.getSpec().getResourceAttributes();
        // Empty values do not travel (fabric8 leaves them out of the JSON): the core group is "", no subresource null.
        Permission permission = new Permission(a.getVerb(), a.getGroup() == null ? "" : a.getGroup(), a.getResource(),
                a.getSubresource() == null || a.getSubresource().isEmpty() ? null : a.getSubresource(),
                a.getNamespace() == null ? "" : a.getNamespace());
        asked.add(permission);
        boolean allowed = !denied.contains(permission);
        return new SelfSubjectAccessReviewBuilder(review).withNewStatus().withAllowed(allowed)
                .withReason(allowed ? "allowed by the test" : null).endStatus().build();
    }

    /** The rules review's answer, or 403 where the test forbade them. */
    private final class RulesReviewReplies implements ResponseProvider<Object> {
        private Headers headers = Headers.builder().build();
        /** The body can be read once, and the status code is asked before the body. */
        private final Map<RecordedRequest, SelfSubjectRulesReview> parsed = Collections.synchronizedMap(new WeakHashMap<>());

        @Override
        public int getStatusCode(RecordedRequest request) {
            return rulesForbidden.contains(namespaceOf(request)) ? 403 : 201;
        }

        @Override
        public Object getBody(RecordedRequest request) {
            SelfSubjectRulesReview review = review(request);
            parsed.remove(request);
            String namespace = review.getSpec().getNamespace();
            rulesReviewed.add(namespace);
            if (rulesForbidden.contains(namespace)) {
                return new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                        .withMessage("selfsubjectrulesreviews.authorization.k8s.io is forbidden").build();
            }
            return answerRules(review);
        }

        @Override
        public Headers getHeaders() {
            return headers;
        }

        @Override
        public void setHeaders(Headers headers) {
            this.headers = headers;
        }

        private String namespaceOf(RecordedRequest request) {
            return review(request).getSpec().getNamespace();
        }

        private SelfSubjectRulesReview review(RecordedRequest request) {
            return parsed.computeIfAbsent(request, r -> JSON.unmarshal(r.getUtf8Body(), SelfSubjectRulesReview.class));
        }
    }

    private SelfSubjectRulesReview answerRules(SelfSubjectRulesReview review) {
        String namespace = review.getSpec().getNamespace();
        if (roles.containsKey(namespace)) {
            return new SelfSubjectRulesReviewBuilder(review).withNewStatus().withResourceRules(roles.get(namespace))
                    .withIncomplete(false).endStatus().build();
        }
        // A cluster-wide denial holds in every namespace too, so it makes every rules review incomplete.
        boolean deniesHere = denied.stream().anyMatch(p -> p.namespace().equals(namespace) || p.namespace().isEmpty());
        return new SelfSubjectRulesReviewBuilder(review).withNewStatus()
                .withResourceRules(deniesHere ? List.of() : List.of(EVERYTHING)).withIncomplete(deniesHere)
                .withEvaluationError(deniesHere ? "webhook authorizer does not support user rule resolution" : null)
                .endStatus().build();
    }
}
