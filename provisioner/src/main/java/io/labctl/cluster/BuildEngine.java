package io.labctl.cluster;

import io.labctl.exec.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who runs the Dockerfiles: the local Docker engine, or an engine a provider has of its own (minikube's, in its node). */
public interface BuildEngine {
    /** The command that builds {@code dir} into {@code image} with these build arguments. */
    Command build(String image, Path dir, Map<String, String> buildArgs);

    /** True when the built images are already where the cluster's nodes run them (no `image load` needed). */
    default boolean buildsInTheCluster() {
        return false;
    }

    /** {@code docker build}: the images land in the local engine (k3s and Vagrant clusters then load them). */
    record Docker() implements BuildEngine {
        @Override
        public Command build(String image, Path dir, Map<String, String> buildArgs) {
            List<String> args = new ArrayList<>(List.of("docker", "build", "--tag", image));
            buildArgs.forEach((name, value) -> {
                args.add("--build-arg");
                args.add(name + "=" + value);
            });
            args.add(dir.toString());
            return Command.of(args);
        }
    }
}
