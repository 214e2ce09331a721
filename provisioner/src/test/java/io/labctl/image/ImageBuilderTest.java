package io.labctl.image;

import io.labctl.cluster.BuildEngine;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.minikube.MinikubeProvider;
import io.labctl.core.LabctlException;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit (build plans and request validation; the real build is DockerfileImagesIT). */
class ImageBuilderTest {
    static final Path DOCKERFILES = Path.of("..", "dockerfiles").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static ImageBuildRequest request(Path spark, Path hadoop) {
        return new ImageBuildRequest(DOCKERFILES, new ImageNames("3.5.7"), null, null, null, spark, hadoop, null, null, null, null);
    }

    @Test
    void plan_docker_buildsTheBaseThenMasterAndWorkerFromIt() {
        ImageBuildRequest request = request(null, null).validate();
        try (BuildContext context = BuildContext.prepare(request)) {
            List<String> commands = new ImageBuilder(new ProcessRunner()).plan(request, new BuildEngine.Docker(), context)
                    .stream().map(Command::display).toList();

            assertThat(commands).containsExactly(
                    "docker build --tag labctl/spark-base:3.5.7 " + context.dir("base"),
                    "docker build --tag labctl/spark-master:3.5.7 --build-arg BASE_IMAGE=labctl/spark-base:3.5.7 " + context.dir("master"),
                    "docker build --tag labctl/spark-worker:3.5.7 --build-arg BASE_IMAGE=labctl/spark-base:3.5.7 " + context.dir("worker"));
            assertThat(context.dir("base").resolve("Dockerfile")).hasSameTextualContentAs(DOCKERFILES.resolve("base/Dockerfile"));
        }
    }

    @Test
    void plan_minikube_buildsInsideTheProfileWithTheSameArguments() throws IOException {
        Path spark = Files.writeString(dir.resolve("spark-3.5.7-bin-hadoop3.tgz"), "s");
        Path hadoop = Files.writeString(dir.resolve("hadoop-3.3.6.tar.gz"), "h");
        Files.writeString(dir.resolve("spark-3.5.7-bin-hadoop3.tgz.sha512"), "abc  spark-3.5.7-bin-hadoop3.tgz\n");
        ImageBuildRequest request = request(spark, hadoop).validate();
        try (BuildContext context = BuildContext.prepare(request)) {
            // the engine the minikube provider gives for its cluster lab2
            BuildEngine minikube = new MinikubeProvider(new ProviderTools(new ProcessRunner(), null, null, null, Map.of()))
                    .buildEngine(new ClusterRecord("lab2", "minikube", 1, 2, 2048, null, "labctl-lab2", "now",
                            Map.of("profile", "lab2")));
            Command base = new ImageBuilder(new ProcessRunner()).plan(request, minikube, context).get(0);

            assertThat(base.display()).isEqualTo("minikube image build -p lab2 -t labctl/spark-base:3.5.7"
                    + " --build-opt=build-arg=SOURCES=local " + context.dir("base"));
            // the local files (and the checksum beside one of them) are in the context, the checkout untouched
            assertThat(context.dir("base").resolve("dist")).isDirectoryContaining("glob:**/spark-3.5.7-bin-hadoop3.tgz")
                    .isDirectoryContaining("glob:**/hadoop-3.3.6.tar.gz").isDirectoryContaining("glob:**/*.sha512");
            assertThat(DOCKERFILES.resolve("base/dist/spark-3.5.7-bin-hadoop3.tgz")).doesNotExist();
        }
    }

    @Test
    void plan_withTheDevicePlugin_buildsItFromTheBaseToo() throws IOException {
        Path plugin = Files.createDirectories(dir.resolve("device-plugin/target"));
        Files.writeString(plugin.resolve("labctl-device-plugin.jar"), "jar");
        ImageBuildRequest request = new ImageBuildRequest(DOCKERFILES, new ImageNames("3.5.7"), null, null, null, null, null,
                null, null, null, plugin.getParent()).validate();
        try (BuildContext context = BuildContext.prepare(request)) {
            List<Command> commands = new ImageBuilder(new ProcessRunner()).plan(request, new BuildEngine.Docker(), context);

            assertThat(commands).hasSize(4);
            assertThat(commands.get(3).display()).isEqualTo("docker build --tag labctl/device-plugin:0.1.0 --build-arg"
                    + " BASE_IMAGE=labctl/spark-base:3.5.7 " + plugin.getParent());
            assertThat(ImageBuilder.built(request)).containsExactly("labctl/spark-base:3.5.7", "labctl/spark-master:3.5.7",
                    "labctl/spark-worker:3.5.7", "labctl/device-plugin:0.1.0");
        }
        Files.delete(plugin.resolve("labctl-device-plugin.jar"));
        assertThatThrownBy(request::validate).hasMessageStartingWith("the device plugin's jar is not built");
    }

    @Test
    void validate_rejectsWhatWouldBuildSomethingElse() throws IOException {
        Path spark = Files.writeString(dir.resolve("spark-3.5.7-bin-hadoop3.tgz"), "s");
        Path hadoop = Files.writeString(dir.resolve("hadoop-3.3.6.tar.gz"), "h");

        assertThatThrownBy(() -> request(spark, null).validate()).isInstanceOf(LabctlException.class)
                .hasMessage("--spark-tgz and --hadoop-tgz go together (a local build downloads nothing)");
        assertThatThrownBy(() -> new ImageBuildRequest(DOCKERFILES, new ImageNames("x"), "3.5.6", null, null, spark, hadoop,
                null, null, null, null).validate())
                .hasMessage("--spark-tgz spark-3.5.7-bin-hadoop3.tgz does not match the version (expected spark-3.5.6-bin-hadoop3.tgz)");
        assertThatThrownBy(() -> new ImageBuildRequest(DOCKERFILES, new ImageNames("x"), "4.0.0", null, null, null, null,
                null, null, null, null).validate()).hasMessage("--spark-version '4.0.0' is not supported");
        assertThatThrownBy(() -> new ImageBuildRequest(DOCKERFILES, new ImageNames("x"), null, null, "ubuntu", null, null,
                null, null, null, null).validate()).hasMessage("--base-image 'ubuntu' has no explicit tag");
        assertThatThrownBy(() -> new ImageBuildRequest(DOCKERFILES, new ImageNames("x"), null, null, null, null, null,
                "abc", null, null, null).validate()).hasMessage("--spark-sha512 is not a SHA-512 (128 hex digits)");
        assertThatThrownBy(() -> new ImageNames("latest")).hasMessage("--tag latest is refused");
    }

    @Test
    void dockerfiles_pinTheBaseAndNeverUseLatest() throws IOException {
        String base = Files.readString(DOCKERFILES.resolve("base/Dockerfile"));

        assertThat(base).contains("ARG BASE_IMAGE=ubuntu:22.04", "openjdk-11-jre-headless", "ARG SPARK_VERSION=3.5.7",
                "ARG HADOOP_VERSION=3.3.6", "USER ${SPARK_UID}", "ENTRYPOINT [\"/opt/entrypoint.sh\"]");
        for (String image : List.of("base", "master", "worker")) {
            assertThat(Files.readString(DOCKERFILES.resolve(image + "/Dockerfile"))).doesNotContainIgnoringCase(":latest");
        }
        assertThat(Files.readString(DOCKERFILES.resolve("master/Dockerfile"))).contains("FROM ${BASE_IMAGE}", "CMD [\"master\"]");
        assertThat(Files.readString(DOCKERFILES.resolve("worker/Dockerfile"))).contains("FROM ${BASE_IMAGE}", "CMD [\"worker\"]");
    }
}
