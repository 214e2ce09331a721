package io.labctl.spark.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The user's own driver command with the settings a host driver needs. */
public final class DriverCommand {
    /** Programs that take spark-submit's options: the settings go in as arguments, right after the program. */
    private static final Set<String> SUBMIT_TOOLS = Set.of("spark-submit", "pyspark", "spark-shell", "spark-sql");

    private DriverCommand() {
    }

    /** A Python driver: pyspark, a python interpreter, or a .py application. */
    public static boolean isPython(List<String> command) {
        String program = Path.of(command.get(0)).getFileName().toString();
        return program.startsWith("pyspark") || program.startsWith("python")
                || command.stream().anyMatch(w -> w.endsWith(".py"));
    }

    /** The command with the settings as arguments for spark-submit and friends; other commands are left as they are. */
    public static List<String> withSettings(List<String> command, DriverSettings settings) {
        List<String> full = new ArrayList<>(command.subList(0, 1));
        if (SUBMIT_TOOLS.contains(Path.of(command.get(0)).getFileName().toString())) {
            full.addAll(settings.submitArgs());
        }
        full.addAll(command.subList(1, command.size()));
        return full;
    }

    /**
     * The environment that gives the same settings to a script that builds its own SparkSession (pyspark reads
     * PYSPARK_SUBMIT_ARGS when it starts its JVM), with {@code python} as the driver's interpreter.
     */
    public static Map<String, String> environment(DriverSettings settings, String python) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYSPARK_SUBMIT_ARGS", settings.pysparkSubmitArgs());
        env.put("SPARK_MASTER_URL", settings.masterUrl());
        env.put("PYSPARK_DRIVER_PYTHON", python);
        return env;
    }
}
