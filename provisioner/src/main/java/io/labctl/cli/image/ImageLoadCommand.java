package io.labctl.cli.image;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cli.cluster.ClusterWiring;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterService;
import io.labctl.image.ImageNames;
import io.labctl.spark.standalone.SparkImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl image load --cluster NAME}. */
@Command(name = "load",
        description = {"Put the three Spark images on every node of a lab cluster, without a registry.",
            "k3s: docker save, then ctr images import in each node container; minikube: minikube image load;",
            "Vagrant: the archive over SSH (host key checked), then k3s ctr images import on each VM."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl image load --cluster lab1", "  labctl image load --cluster lab1 --tag 3.5.7-mine"})
@UsesGlobalOptions({GlobalOptionUse.RESULT})
public final class ImageLoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "The lab cluster (see labctl cluster list).")
    String cluster;

    /** Kubelets report new images with their next status update: seconds, a minute at most. */
    static final Duration NODES_REPORT_TIMEOUT = Duration.ofMinutes(2);

    @Option(names = "--tag", paramLabel = "TAG", defaultValue = SparkImages.SPARK_VERSION,
            description = "Tag of the images to load (default: ${DEFAULT-VALUE}).")
    String tag;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        List<String> images = new java.util.ArrayList<>(new ImageNames(tag).all());
        ClusterService clusters = ClusterWiring.service(cli);
        ClusterRecord record = clusters.record(cluster);
        var loader = ClusterWiring.loader(cli);
        // labctl's device plugin goes along when it was built (labctl device-plugin install --type virtual needs it).
        if (loader.presentLocally(ImageNames.DEVICE_PLUGIN)) {
            images.add(ImageNames.DEVICE_PLUGIN);
        }
        List<String> nodes = loader.load(clusters.provider(record), record, images, cli.progress());
        cli.progress().step("Waiting until the nodes report the images (a deploy checks they are there)");
        try (KubernetesClient client = clusters.client(record)) {
            loader.awaitOnNodes(client, images, NODES_REPORT_TIMEOUT, cli.progress());
        }
        cli.print(Map.of("cluster", cluster, "images", images, "nodes", nodes),
                (r, s) -> s.green("Loaded " + String.join(", ", images)) + " on " + String.join(", ", nodes) + "\n");
        return 0;
    }
}
