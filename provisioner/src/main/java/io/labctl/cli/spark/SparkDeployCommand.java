package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.DryRun;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.kube.KubeSession;
import io.labctl.spark.standalone.DeployResult;
import io.labctl.spark.standalone.Expose;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.SparkImages;
import io.labctl.spark.standalone.StandaloneDeployer;
import io.labctl.spark.standalone.VolumeSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl spark deploy NAME}: a master Deployment, a worker Deployment and the master Service. */
@Command(name = "deploy", sortOptions = false,
        description = {"Deploy a Spark standalone cluster (or re-apply it: running deploy twice changes nothing).",
            "Waits until the master reports every worker ALIVE, then prints how to reach it."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark deploy spark-a",
            "  labctl spark deploy spark-b -n lab --workers 3 --worker-cores 2 --worker-memory 2g",
            "  labctl spark deploy spark-a --volume data=pvc:1Gi               # shared storage at /data/data",
            "  labctl spark deploy spark-a --dry-run -o yaml > spark-a.yaml   # exactly what would be applied"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class SparkDeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name (lowercase letters, digits, '-').")
    String name;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Number of workers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--worker-cores", paramLabel = "N", defaultValue = "1",
            description = "Cores each worker offers to Spark; also its CPU limit (default: ${DEFAULT-VALUE}).")
    int workerCores;

    @Option(names = "--worker-memory", paramLabel = "SIZE", defaultValue = "1g",
            description = "Memory each worker offers to executors: 1Gi or 768Mi as Kubernetes writes it, or Spark's 1g,"
                    + " 768m (default: ${DEFAULT-VALUE}).")
    String workerMemory;

    @Option(names = "--worker-cpu-request", paramLabel = "CPU", defaultValue = SparkClusterSpec.DEFAULT_CPU_REQUEST,
            description = "CPU reserved per worker pod (default: ${DEFAULT-VALUE}, so 3 workers fit on 2 CPUs).")
    String workerCpuRequest;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Image for both master and worker.")
    String image;

    @Option(names = "--master-image", paramLabel = "IMAGE", description = "Master image (default: " + SparkImages.MASTER + ").")
    String masterImage;

    @Option(names = "--worker-image", paramLabel = "IMAGE", description = "Worker image (default: " + SparkImages.WORKER + ").")
    String workerImage;

    @Option(names = "--expose", paramLabel = "MODE", defaultValue = "nodeport",
            description = "Master port 7077 from outside the cluster: nodeport or none (default: ${DEFAULT-VALUE}).")
    Expose expose;

    @Option(names = "--node-port", paramLabel = "PORT", description = "Fixed NodePort for 7077 (30000-32767).")
    Integer nodePort;

    @Option(names = "--node-selector", paramLabel = "KEY=VALUE", description = "Only schedule on nodes with this label.")
    Map<String, String> nodeSelector = new LinkedHashMap<>();

    @Option(names = "--toleration", paramLabel = "KEY[=VALUE]:EFFECT", description = "Tolerate a node taint.")
    List<String> tolerations = new ArrayList<>();

    @Option(names = VolumeSpec.OPTION, paramLabel = "NAME=TYPE:SOURCE[:MOUNT]",
            description = "Storage on master and workers, repeatable: NAME=pvc:SIZE (a PersistentVolumeClaim of the"
                    + " default StorageClass), NAME=hostPath:PATH or NAME=configMap:NAME; mounted at /data/NAME or MOUNT.")
    List<String> volumes = new ArrayList<>();

    @Mixin
    WaitOptions waitOptions;

    @Option(names = "--dry-run", arity = DryRun.ARITY, preprocessor = DryRun.AttachedValueOnly.class, paramLabel = "client",
            description = "Print the objects that would be applied (YAML, or JSON with -o json); change nothing.")
    DryRun dryRun = DryRun.none;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (image != null) {
            SparkImages.requirePinned("--image", image);
        }
        if (dryRun.on()) {
            SparkClusterSpec clusterSpec = toSpec(cli.offlineNamespace()).validate();
            SparkDryRun.printDeploy(cli, clusterSpec);
            return 0;
        }
        toSpec("default").validate(); // bad input fails before any connection
        try (KubeSession session = cli.connect()) {
            DeployResult result = new StandaloneDeployer(session.client(), cli.progress())
                    .deploy(toSpec(session.namespace()), waitOptions.toDeployOptions());
            cli.print(result, SparkTextViews::deployed);
        }
        return 0;
    }

    SparkClusterSpec toSpec(String namespace) {
        return SparkClusterSpec.builder(name, namespace)
                .workers(workers).workerCores(workerCores).workerMemory(workerMemory).workerCpuRequest(workerCpuRequest)
                .masterImage(masterImage != null ? masterImage : image != null ? image : SparkImages.MASTER)
                .workerImage(workerImage != null ? workerImage : image != null ? image : SparkImages.WORKER)
                .expose(expose).nodePort(nodePort).nodeSelector(nodeSelector).tolerations(tolerations)
                .volumes(volumes)
                .build();
    }
}
