package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.labctl.kube.Nodes;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.kube.NodeImages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code image-on-nodes}: the images of the master and worker Deployments are on every node their
 * pods may be scheduled on (Ready, schedulable, no NoSchedule/NoExecute taint the pods do not
 * tolerate), as the kubelets report in the Node status. Locally built images are never pulled, so a
 * node without them leaves pods in ErrImageNeverPull. One part per node.
 */
public final class ImageOnNodesCheck implements Check {
    private final String namespace;
    private final String cluster;

    public ImageOnNodesCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        LiveCluster live = LiveCluster.of(context);
        SparkClusterView view = new SparkClusterView(live, namespace, cluster);
        List<Deployment> deployments = new ArrayList<>();
        view.deployment("master").ifPresent(deployments::add);
        view.deployment("worker").ifPresent(deployments::add);
        if (deployments.isEmpty()) {
            return CheckOutcome.fail("no Deployment " + view.where(view.deploymentName("master")) + " or "
                    + view.deploymentName("worker") + ", so no Spark image to look for");
        }
        Set<String> images = new LinkedHashSet<>();
        List<Toleration> tolerations = new ArrayList<>();
        for (Deployment d : deployments) {
            PodSpec spec = d.getSpec().getTemplate().getSpec();
            spec.getContainers().stream().map(Container::getImage).forEach(images::add);
            if (spec.getTolerations() != null) {
                tolerations.addAll(spec.getTolerations());
            }
        }
        List<Node> candidates = LiveQueries.nodes(live).stream()
                .filter(Nodes::isReady)
                .filter(n -> !Boolean.TRUE.equals(n.getSpec().getUnschedulable()))
                .filter(n -> tolerated(n, tolerations)).toList();
        List<String> missing = new ArrayList<>();
        for (Node node : candidates) {
            for (String image : images) {
                if (!NodeImages.hasImage(node, image)) {
                    missing.add(image + " on " + node.getMetadata().getName());
                }
            }
        }
        String nodes = String.join(", ", candidates.stream().map(n -> n.getMetadata().getName()).toList());
        if (candidates.isEmpty()) {
            return CheckOutcome.fail("no Ready, schedulable node the Spark pods tolerate");
        }
        long okNodes = candidates.stream().filter(n -> images.stream().allMatch(i -> NodeImages.hasImage(n, i))).count();
        String observed = missing.isEmpty() ? "images " + images + " on every schedulable node (" + nodes + ")"
                : "missing: " + String.join("; ", missing);
        return CheckOutcome.parts((int) okNodes, candidates.size(), observed,
                "load the image onto every node (labctl image load --cluster NAME; with minikube: minikube image load "
                        + "IMAGE); pods scheduled on a node without it stay in ErrImageNeverPull");
    }

    private static boolean tolerated(Node node, List<Toleration> tolerations) {
        if (node.getSpec().getTaints() == null) {
            return true;
        }
        for (Taint taint : node.getSpec().getTaints()) {
            if ("PreferNoSchedule".equals(taint.getEffect())) {
                continue;
            }
            boolean ok = tolerations.stream().anyMatch(t -> tolerates(t, taint));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean tolerates(Toleration t, Taint taint) {
        boolean effect = t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals(taint.getEffect());
        if ("Exists".equals(t.getOperator())) {
            return effect && (t.getKey() == null || t.getKey().isEmpty() || t.getKey().equals(taint.getKey()));
        }
        return effect && taint.getKey().equals(t.getKey())
                && java.util.Objects.equals(t.getValue() == null ? "" : t.getValue(),
                taint.getValue() == null ? "" : taint.getValue());
    }
}
