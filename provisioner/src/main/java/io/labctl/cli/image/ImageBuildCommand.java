package io.labctl.cli.image;

import io.labctl.cli.Cli;
import io.labctl.cli.DryRun;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cli.cluster.ClusterWiring;
import io.labctl.cluster.BuildEngine;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterService;
import io.labctl.core.LabctlException;
import io.labctl.core.LabctlHome;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessRunner;
import io.labctl.image.BuildContext;
import io.labctl.image.ImageBuildRequest;
import io.labctl.image.ImageBuilder;
import io.labctl.image.ImageNames;
import io.labctl.spark.standalone.SparkImages;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl image build}. */
@picocli.CommandLine.Command(name = "build",
        description = {"Build labctl/spark-base, labctl/spark-master and labctl/spark-worker from dockerfiles/ with one tag.",
            "By default Spark and Hadoop are downloaded from Apache and checked against SHA-512; --spark-tgz and",
            "--hadoop-tgz build from local files instead (offline classrooms, CI). Each docker command is printed."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl image build                                   # docker build, tag " + SparkImages.SPARK_VERSION,
            "  labctl image build --cluster lab2                    # a minikube cluster: minikube image build",
            "  labctl image build --spark-tgz dist/spark-3.5.7-bin-hadoop3.tgz --hadoop-tgz dist/hadoop-3.3.6.tar.gz",
            "  labctl image build --dry-run                         # print the commands only"})
@UsesGlobalOptions({GlobalOptionUse.RESULT})
public final class ImageBuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tag", paramLabel = "TAG", defaultValue = SparkImages.SPARK_VERSION,
            description = "Tag of all three images (default: ${DEFAULT-VALUE}; never latest).")
    String tag;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "Build for this lab cluster: minikube clusters build inside minikube; others use docker build.")
    String cluster;

    @Option(names = "--spark-version", paramLabel = "3.5.x",
            description = "Spark to build in (default: the Dockerfile's, the version labctl deploys).")
    String sparkVersion;
    @Option(names = "--hadoop-version", paramLabel = "3.3.x", description = "Hadoop to build in (default: the Dockerfile's).")
    String hadoopVersion;
    @Option(names = "--base-image", paramLabel = "IMAGE", description = "The OS image (default: the Dockerfile's ubuntu:22.04).")
    String baseImage;
    @Option(names = "--spark-tgz", paramLabel = "FILE", description = "Local spark-VERSION-bin-hadoop3.tgz (with --hadoop-tgz).")
    Path sparkTgz;
    @Option(names = "--hadoop-tgz", paramLabel = "FILE", description = "Local hadoop-VERSION.tar.gz (with --spark-tgz).")
    Path hadoopTgz;
    @Option(names = "--spark-sha512", paramLabel = "HEX", description = "Expected SHA-512 (default: the .sha512 file beside it).")
    String sparkSha512;
    @Option(names = "--hadoop-sha512", paramLabel = "HEX", description = "Expected SHA-512 (default: the .sha512 file beside it).")
    String hadoopSha512;
    @Option(names = "--os-packages", paramLabel = "LIST",
            description = "apt packages to install; \"\" when --base-image already has Java, python3 and tini.")
    String osPackages;
    @Option(names = "--dockerfiles", paramLabel = "DIR", description = "Dockerfiles to build (default: the checkout's dockerfiles/).")
    Path dockerfiles;
    @Option(names = "--dry-run", arity = DryRun.ARITY, preprocessor = DryRun.AttachedValueOnly.class, paramLabel = "client",
            description = "Print the build commands, build nothing.")
    DryRun dryRun = DryRun.none;
    @Option(names = "--no-device-plugin", description = "Do not build labctl/device-plugin (built FROM the base by default).")
    boolean noDevicePlugin;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Path home = dockerfiles != null && noDevicePlugin ? null : LabctlHome.resolve(cli.env());
        Path dir = dockerfiles != null ? dockerfiles : home.resolve("dockerfiles");
        ImageBuildRequest request = new ImageBuildRequest(dir, new ImageNames(tag), sparkVersion, hadoopVersion, baseImage,
                sparkTgz, hadoopTgz, sparkSha512, hadoopSha512, osPackages,
                noDevicePlugin ? null : home.resolve("device-plugin")).validate();
        BuildEngine engine = engine(cli);
        ImageBuilder builder = new ImageBuilder(new ProcessRunner(cli.env()));
        if (dryRun.on()) {
            try (BuildContext context = BuildContext.prepare(request)) {
                List<String> commands = builder.plan(request, engine, context).stream().map(Command::display).toList();
                cli.print(Map.of("images", ImageBuilder.built(request), "commands", commands),
                        (r, s) -> String.join("\n", commands) + "\n");
            }
            return 0;
        }
        builder.build(request, engine, cli.progress());
        List<String> built = ImageBuilder.built(request);
        cli.print(Map.of("images", built), (r, s) -> s.green("Built " + String.join(", ", built)) + "\n"
                + (engine.buildsInTheCluster() ? "" : "Load them into a cluster: labctl image load --cluster NAME --tag " + tag + "\n"));
        return 0;
    }

    /** Where the Dockerfiles run: the local Docker engine, or the cluster's own engine when its provider has one. */
    private BuildEngine engine(Cli cli) {
        if (cluster == null) {
            return new BuildEngine.Docker();
        }
        ClusterService clusters = ClusterWiring.service(cli);
        ClusterRecord record = clusters.record(cluster);
        return clusters.provider(record).buildEngine(record);
    }
}
