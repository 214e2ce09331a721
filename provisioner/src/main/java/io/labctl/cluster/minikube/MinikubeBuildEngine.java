package io.labctl.cluster.minikube;

import io.labctl.cluster.BuildEngine;
import io.labctl.exec.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code minikube image build}: the images are built where the cluster's runtime sees them; no load needed. */
record MinikubeBuildEngine(String profile) implements BuildEngine {
    @Override
    public Command build(String image, Path dir, Map<String, String> buildArgs) {
        List<String> args = new ArrayList<>(List.of("minikube", "image", "build", "-p", profile, "-t", image));
        buildArgs.forEach((name, value) -> args.add("--build-opt=build-arg=" + name + "=" + value));
        args.add(dir.toString());
        return Command.of(args);
    }

    @Override
    public boolean buildsInTheCluster() {
        return true;
    }
}
