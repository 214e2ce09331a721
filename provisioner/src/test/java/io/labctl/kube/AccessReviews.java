package io.labctl.kube;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.labctl.kube.AccessCheck.Permission;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The API server's authorizer, for the mock API server: answers every SelfSubjectAccessReview (what
 * {@link AccessCheck} and {@code kubectl auth can-i} ask) with allowed, except the permissions a test denied.
 * In CRUD mode alone the mock would store the review and answer it without a status, which reads as denied.
 */
public final class AccessReviews {
    static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final Set<Permission> denied = ConcurrentHashMap.newKeySet();
    private final List<Permission> asked = new CopyOnWriteArrayList<>();

    private AccessReviews() {
    }

    /** Answers the server's access reviews from now on (an expectation, ahead of the CRUD store). */
    public static AccessReviews answering(KubernetesMockServer server) {
        AccessReviews reviews = new AccessReviews();
        server.expect().post().withPath(PATH).andReply(201, request -> reviews.answer(request.getUtf8Body())).always();
        return reviews;
    }

    /** Denies this permission from now on (tests on one server deny in namespaces of their own). */
    public AccessReviews deny(Permission permission) {
        denied.add(permission);
        return this;
    }

    /** Every permission asked about, in order. */
    public List<Permission> asked() {
        return List.copyOf(asked);
    }

    private SelfSubjectAccessReview answer(String body) {
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
}
