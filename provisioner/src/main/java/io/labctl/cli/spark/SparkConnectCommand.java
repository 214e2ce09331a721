package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.ShellQuoting;
import io.labctl.exec.ProcessRunner;
import io.labctl.kube.KubeSession;
import io.labctl.spark.connect.DriverCommand;
import io.labctl.spark.connect.DriverPorts;
import io.labctl.spark.connect.DriverSettings;
import io.labctl.spark.connect.SparkConnector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code labctl spark connect NAME [-- COMMAND...]}: a driver on this machine, executors in the worker pods. */
@Command(name = "connect",
        description = {"Run a Spark driver on this machine against a cluster (exercise 3: PySpark from the host).",
            "Checks first that this machine's pyspark and Python match the cluster, finds an address of this machine the",
            "worker pods can reach (a probe pod connects back), reaches the master (NodePort, else a port-forward kept",
            "open), then runs COMMAND with spark.driver.host, fixed driver ports and the master URL set; or prints them."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark connect spark-a -- spark-submit wordcount.py words.txt",
            "  labctl spark connect spark-a -- python3 myjob.py      # a script that builds its own SparkSession",
            "  labctl spark connect spark-a -- pyspark               # the interactive shell",
            "  eval \"$(labctl spark connect spark-a --print-env)\"    # the settings in your own shell",
            "",
            "Exit codes: 0 the job succeeded, 7 a check failed (versions, no route from the pods), 8 the job failed."})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class SparkConnectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "What to run (after --), e.g. spark-submit app.py.")
    List<String> command = new ArrayList<>();

    @Option(names = "--driver-host", paramLabel = "ADDRESS",
            description = "This machine's address as the pods reach it (default: found by a probe; checked either way).")
    String driverHost;

    @Option(names = "--driver-port", paramLabel = "PORT", defaultValue = "" + DriverPorts.DEFAULT_DRIVER,
            description = "spark.driver.port, let in by the firewall (default: ${DEFAULT-VALUE}).")
    int driverPort;

    @Option(names = "--block-manager-port", paramLabel = "PORT", defaultValue = "" + DriverPorts.DEFAULT_BLOCK_MANAGER,
            description = "spark.blockManager.port, let in by the firewall (default: ${DEFAULT-VALUE}).")
    int blockManagerPort;

    @Option(names = "--python", paramLabel = "PROGRAM", defaultValue = "python3",
            description = "The driver's Python; its pyspark must match the cluster (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--print-env", description = "Print export lines for your own shell instead of running a command.")
    boolean printEnv;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (printEnv && !command.isEmpty()) {
            throw LabctlException.usage("--print-env prints the settings; it runs no command", "drop --print-env, or the command");
        }
        DriverPorts ports = new DriverPorts(driverPort, blockManagerPort);
        ProcessRunner runner = new ProcessRunner(cli.env());
        try (KubeSession session = cli.connect();
             SparkConnector.Connection connection = new SparkConnector(session.client(), runner, cli.progress())
                     .connect(new SparkConnector.Request(session.namespace(), name, Optional.ofNullable(driverHost), ports,
                             python, command.isEmpty() || DriverCommand.isPython(command)))) {
            DriverSettings settings = connection.settings();
            if (printEnv) {
                if (connection.forwarded()) {
                    throw LabctlException.precondition("the master is reachable from here only through a port-forward,"
                            + " which ends when labctl does", "let labctl run the job: labctl spark connect " + name
                            + " -- COMMAND");
                }
                settings.exportLines().forEach(cli.out()::println);
                cli.out().flush();
                return 0;
            }
            if (command.isEmpty()) {
                cli.print(describe(connection), (r, s) -> text(name, connection));
                return 0;
            }
            int exit = run(command, settings, cli);
            Map<String, Object> result = describe(connection);
            result.put("command", command);
            result.put("exitCode", exit);
            if (exit != 0) {
                throw new LabctlException(ExitCode.JOB_FAILED, ShellQuoting.command(command) + " exited with " + exit,
                        "see its output above");
            }
            cli.print(result, (r, s) -> s.green("The job finished") + " (driver on this machine at " + settings.driverHost()
                    + ", executors in the worker pods of " + name + ")\n");
            return 0;
        }
    }

    private int run(List<String> command, DriverSettings settings, Cli cli) {
        List<String> full = DriverCommand.withSettings(command, settings);
        cli.progress().step("Running " + ShellQuoting.command(full));
        ProcessBuilder process = new ProcessBuilder(full).inheritIO();
        process.environment().putAll(DriverCommand.environment(settings, python));
        try {
            return process.start().waitFor();
        } catch (IOException e) {
            throw LabctlException.usage("cannot run " + command.get(0) + ": " + e.getMessage(),
                    "check that it is installed and on PATH (pip install pyspark brings spark-submit and pyspark)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while the job ran", null);
        }
    }

    private static Map<String, Object> describe(SparkConnector.Connection connection) {
        DriverSettings settings = connection.settings();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("spark", connection.clusterSpark());
        result.put("masterUrl", settings.masterUrl());
        result.put("portForward", connection.forwarded());
        result.put("driverHost", settings.driverHost());
        result.put("firewallPorts", List.of(settings.ports().driver(), settings.ports().blockManager()));
        result.put("conf", settings.conf());
        return result;
    }

    private static String text(String name, SparkConnector.Connection connection) {
        DriverSettings s = connection.settings();
        String submit = ShellQuoting.command(DriverCommand.withSettings(List.of("spark-submit"), s));
        return "Spark " + connection.clusterSpark() + " at " + s.masterUrl() + (connection.forwarded()
                ? " (a port-forward, open only while labctl runs: pass the job after --)" : "") + "\n"
                + "The worker pods reach this machine at " + s.driverHost() + "; a firewall here must let in ports "
                + s.ports().driver() + " and " + s.ports().blockManager() + ".\n"
                + "Run a driver here:\n"
                + "  labctl spark connect " + name + " -- spark-submit wordcount.py FILE\n"
                + "  eval \"$(labctl spark connect " + name + " --print-env)\"; python3 myjob.py\n"
                + "The same without labctl:\n"
                + "  " + submit + " wordcount.py FILE\n";
    }
}
