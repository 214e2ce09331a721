package io.labctl.image;

import io.labctl.cluster.BuildEngine;
import io.labctl.core.ExitCode;
import io.labctl.core.Progress;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the base image, then the master and worker images FROM it, with one explicit tag. Each step prints the
 * plain command it runs, so students can repeat it without labctl.
 */
public final class ImageBuilder {
    /** Downloading Spark and Hadoop (~700 MB) on a slow classroom network takes a while. */
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

    private final ProcessRunner runner;

    public ImageBuilder(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * The build commands, in order, without running anything (for --dry-run and tests): base, master, worker, and
     * labctl's device plugin when its directory is given (its jar must be built: ./mvnw -pl device-plugin package).
     */
    public List<Command> plan(ImageBuildRequest request, BuildEngine engine, BuildContext context) {
        ImageNames names = request.names();
        List<Command> commands = new ArrayList<>();
        commands.add(engine.build(names.base(), context.dir("base"), baseArguments(request)));
        commands.add(engine.build(names.master(), context.dir("master"), Map.of("BASE_IMAGE", names.base())));
        commands.add(engine.build(names.worker(), context.dir("worker"), Map.of("BASE_IMAGE", names.base())));
        if (request.devicePlugin() != null) {
            commands.add(engine.build(ImageNames.DEVICE_PLUGIN, request.devicePlugin(), Map.of("BASE_IMAGE", names.base())));
        }
        return commands;
    }

    /** Every image a build makes. */
    public static List<String> built(ImageBuildRequest request) {
        List<String> images = new ArrayList<>(request.names().all());
        if (request.devicePlugin() != null) {
            images.add(ImageNames.DEVICE_PLUGIN);
        }
        return images;
    }

    public List<String> build(ImageBuildRequest request, BuildEngine engine, Progress progress) {
        request.validate();
        try (BuildContext context = BuildContext.prepare(request)) {
            for (Command command : plan(request, engine, context)) {
                progress.step(command.display());
                java.util.function.Consumer<String> output = line -> BuildSteps.parse(line).ifPresentOrElse(
                        step -> progress.counted(step.instruction(), step.done(), step.total()), () -> progress.update(line));
                runner.runChecked(command.withTimeout(BUILD_TIMEOUT).onStdoutLine(output).onStderrLine(output),
                        ExitCode.PRECONDITION,
                        "read the build output above; offline? build from local files with --spark-tgz/--hadoop-tgz");
            }
        }
        return built(request);
    }

    static Map<String, String> baseArguments(ImageBuildRequest request) {
        Map<String, String> args = new LinkedHashMap<>();
        putIfSet(args, "BASE_IMAGE", request.baseImage());
        putIfSet(args, "SPARK_VERSION", request.sparkVersion());
        putIfSet(args, "HADOOP_VERSION", request.hadoopVersion());
        if (request.local()) {
            args.put("SOURCES", "local");
        }
        putIfSet(args, "SPARK_SHA512", request.sparkSha512());
        putIfSet(args, "HADOOP_SHA512", request.hadoopSha512());
        putIfSet(args, "OS_PACKAGES", request.osPackages());
        return args;
    }

    private static void putIfSet(Map<String, String> args, String name, String value) {
        if (value != null) {
            args.put(name, value);
        }
    }
}
