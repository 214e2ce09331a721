package io.labctl.spark.standalone;

import java.util.List;

/**
 * Everything {@code labctl spark status} shows about one cluster: Kubernetes' view (Deployments,
 * pods, Service, endpoints) next to Spark's view (the master's JSON summary), and the URLs.
 *
 * @param spark null when the master does not answer
 */
public record ClusterStatus(String name, String namespace, Replicas master, Replicas workers, List<PodLine> pods,
                            ServiceLine service, SparkSummary spark, ClusterEndpoints endpoints,
                            List<String> kubectlEquivalent) {

    public record Replicas(int desired, int ready) {
    }

    /** One pod: its component, state in plain words, node and IP. */
    public record PodLine(String name, String component, String phase, boolean ready, String state, String node,
                          String ip) {
    }

    /** The master Service and the ready endpoints behind it (0 means the selector matches no ready pod). */
    public record ServiceLine(String name, String type, String clusterIp, List<String> ports, int readyEndpoints) {
    }

    /** The master's JSON in short. */
    public record SparkSummary(String status, String url, int aliveWorkers, int deadWorkers, int cores, int coresUsed,
                               long memoryMb, long memoryUsedMb, List<MasterStatus.App> activeApps,
                               List<MasterStatus.App> completedApps) {
        static SparkSummary of(MasterStatus s) {
            int alive = s.aliveWorkerCount();
            return new SparkSummary(s.status(), s.url(), alive, s.workers().size() - alive,
                    nz(s.cores()), nz(s.coresused()), nz(s.memory()), nz(s.memoryused()), s.activeapps(),
                    s.completedapps());
        }

        private static int nz(Integer v) {
            return v == null ? 0 : v;
        }

        private static long nz(Long v) {
            return v == null ? 0 : v;
        }
    }

    /** One row of {@code labctl spark list}. */
    /** One row of {@code spark list}; image and created are the worker Deployment's (null when it is gone). */
    public record Summary(String namespace, String name, int workersDesired, int workersReady, Integer aliveWorkers,
                          String masterUrl, String image, String created) {
    }
}
