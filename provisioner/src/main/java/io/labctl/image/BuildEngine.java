package io.labctl.image;

import io.labctl.exec.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who runs the Dockerfiles: the local Docker engine, or minikube's own engine inside the cluster's node. */
public sealed interface BuildEngine {
    /** The command that builds {@code dir} into {@code image} with these build arguments. */
    Command build(String image, Path dir, Map<String, String> buildArgs);

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

    /** {@code minikube image build}: the images are built where the cluster's runtime sees them; no load needed. */
    record Minikube(String profile) implements BuildEngine {
        @Override
        public Command build(String image, Path dir, Map<String, String> buildArgs) {
            List<String> args = new ArrayList<>(List.of("minikube", "image", "build", "-p", profile, "-t", image));
            buildArgs.forEach((name, value) -> args.add("--build-opt=build-arg=" + name + "=" + value));
            args.add(dir.toString());
            return Command.of(args);
        }
    }
}
