package io.labctl.spark.connect;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.ProcessRunner;
import io.labctl.kube.ApiServerProxy;
import io.labctl.spark.standalone.ClusterEndpoints;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.SparkMasterClient;
import io.labctl.spark.standalone.StandaloneClusters;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Prepares a driver on this machine for a labctl Spark cluster (exercise 3's "PySpark from the host"): checks what
 * breaks such jobs before they start, in the order that fails fastest — ports free here, Spark and Python versions
 * matching the cluster, the worker pods able to reach this machine — then opens the way to the master.
 */
public final class SparkConnector {
    static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);

    private final KubernetesClient client;
    private final ProcessRunner runner;
    private final Progress progress;

    public SparkConnector(KubernetesClient client, ProcessRunner runner, Progress progress) {
        this.client = client;
        this.runner = runner;
        this.progress = progress;
    }

    /**
     * @param driverHost the address workers reach this machine at, when the user knows it; probed either way
     * @param python     the interpreter the driver runs ({@code python3}); its pyspark must match the cluster
     * @param pythonJob  whether the job runs Python code (then the workers' Python must match too)
     */
    public record Request(String namespace, String cluster, Optional<String> driverHost, DriverPorts ports, String python,
                          boolean pythonJob) {
    }

    /** Settings for the driver, and the way to the master to keep open while it runs. */
    public record Connection(DriverSettings settings, String clusterSpark, boolean forwarded, MasterFromHost master)
            implements AutoCloseable {
        @Override
        public void close() {
            master.close();
        }
    }

    public Connection connect(Request r) {
        r.ports().requireFree();
        StandaloneClusters clusters = new StandaloneClusters(client);
        SparkClusterSpec spec = clusters.recordedSpec(clusters.requireMaster(r.namespace(), r.cluster()));
        Pod masterPod = new SparkMasterClient(client).currentMasterPod(r.namespace(), r.cluster())
                .orElseThrow(() -> LabctlException.precondition("the master of " + r.cluster() + " is not running",
                        "see `labctl spark status " + r.cluster() + " -n " + r.namespace() + "`"));
        String clusterSpark = SparkVersions.cluster(new ApiServerProxy(client), r.namespace(),
                masterPod.getMetadata().getName()).orElseThrow(() -> LabctlException.precondition(
                "the master of " + r.cluster() + " does not say its Spark version (its web UI did not answer)",
                "wait until `labctl spark status " + r.cluster() + "` shows it ALIVE, then try again"));
        SparkVersions.Local local = SparkVersions.local(runner, r.python());
        SparkVersions.requireMatching(local, clusterSpark, null, r.python(), r.pythonJob(), r.cluster());

        List<String> candidates = r.driverHost().map(List::of).orElseGet(HostAddresses::candidates);
        ReachbackProbe.Result probe = new ReachbackProbe(client, progress).run(spec, candidates, r.ports().driver(),
                PROBE_TIMEOUT);
        String driverHost = probe.first().orElseThrow(() -> LabctlException.precondition("the worker pods of "
                        + r.cluster() + " cannot reach this machine at " + String.join(", ", candidates) + " (port "
                        + r.ports().driver() + "), so executors could not connect back to a driver here",
                "run the job inside the cluster instead: labctl spark run " + r.cluster() + " --py FILE (the driver"
                        + " then runs in a pod); or let ports " + r.ports().driver() + " and " + r.ports().blockManager()
                        + " in through this machine's firewall"));
        progress.note("the worker pods reach this machine at " + driverHost + (probe.reachable().size() > 1
                ? " (also at " + String.join(", ", probe.reachable().subList(1, probe.reachable().size())) + ")" : ""));
        if (r.pythonJob()) {
            SparkVersions.requireMatching(local, clusterSpark, probe.workerPython(), r.python(), true, r.cluster());
        }
        MasterFromHost master = MasterFromHost.open(client, ClusterEndpoints.of(client, r.namespace(), r.cluster()),
                masterPod, progress);
        return new Connection(new DriverSettings(master.url(), driverHost, r.ports(), DriverSettings.WORKER_PYTHON),
                clusterSpark, master.forward().isPresent(), master);
    }
}
