package io.labctl.grading.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.grading.checks.GradedCluster;
import io.labctl.grading.checks.GradingContext;

import java.util.List;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A student's cluster as the live checks see it: a client (used for get, list and pod-proxy GETs
 * only) and a per-grading memo, so that the checks of one student read each object once and all
 * judge the same snapshot (e.g. the master's JSON is fetched once, not once per check).
 */
public final class LiveCluster implements GradedCluster {
    private final KubernetesClient client;
    private final String context;
    private final Map<String, Object> memo = new ConcurrentHashMap<>();
    private final Map<String, String> masterJson = new TreeMap<>();

    public LiveCluster(KubernetesClient client, String context) {
        this.client = client;
        this.context = context;
    }

    /** The cluster a live check grades. */
    public static LiveCluster of(GradingContext context) {
        return context.requireCluster(LiveCluster.class);
    }

    public KubernetesClient client() {
        return client;
    }

    @Override
    public String context() {
        return context;
    }

    @Override
    public String server() {
        return client.getMasterUrl().toString();
    }

    /** Computes a value once per grading run; {@code key} must name everything the value depends on. */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        Object known = memo.get(key);
        if (known == null) {
            known = compute.get();
            memo.put(key, known);
        }
        return (T) known;
    }

    /** Records a raw master JSON document for the report's fingerprint. */
    public synchronized void recordMasterJson(String namespaceAndCluster, String json) {
        masterJson.put(namespaceAndCluster, json);
    }

    @Override
    public List<String> nodeNames() {
        try {
            return LiveQueries.nodes(this).stream().map(n -> n.getMetadata().getName()).toList();
        } catch (RuntimeException e) {
            return List.of(); // a namespace-scoped identity cannot list nodes; the fingerprint then has none
        }
    }

    @Override
    public synchronized Map<String, String> masterJson() {
        return Map.copyOf(masterJson);
    }
}
