package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cli.RawTerminal;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeSession;
import io.labctl.spark.access.SparkShell;
import io.labctl.spark.standalone.SparkClusterSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code labctl spark shell NAME [--pyspark | --sql]}. */
@Command(name = "shell", sortOptions = false,
        description = {"An interactive spark-shell, pyspark or spark-sql in a pod, attached to this terminal.",
            "It runs in the cluster's namespace in client mode (the driver in that pod, the executors in the workers)",
            "and the pod is removed when the shell exits. spark-shell (Scala) is the default."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark shell spark-a --pyspark     # >>> spark.range(10).count()   then exit()",
            "  labctl spark shell spark-a              # scala> spark.range(10).count()   then :quit",
            "  labctl spark shell spark-a --sql        # spark-sql> SELECT 1;              then exit;",
            "",
            "Exit codes: 0 the shell exited normally, 8 it exited with an error, 2 not a terminal, 3 no such cluster,",
            "7 the pod cannot start."})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE})
public final class SparkShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--pyspark", description = "pyspark (Python) instead of spark-shell (Scala).")
        boolean pyspark;

        @Option(names = "--sql", description = "spark-sql instead of spark-shell.")
        boolean sql;
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        SparkClusterSpec.requireClusterName(name);
        SparkShell.Program program = which.pyspark ? SparkShell.Program.PYSPARK
                : which.sql ? SparkShell.Program.SQL : SparkShell.Program.SPARK_SHELL;
        try (KubeSession session = cli.connect()) {
            SparkShell shell = new SparkShell(session.client(), cli.progress());
            SparkShell.Plan plan = shell.plan(session.namespace(), name, program);
            if (!cli.context().terminal()) {
                throw LabctlException.usage("labctl spark shell needs a terminal (its input or output is redirected)",
                        "run it in a terminal; for a script use `labctl spark run " + name + " --py FILE`");
            }
            cli.err().println(cli.style().dim("The same with kubectl: " + plan.kubectl()));
            cli.err().flush();
            int exit = shell.run(plan, new RawTerminal());
            if (exit != 0) {
                throw new LabctlException(ExitCode.JOB_FAILED, program.command() + " exited with " + exit,
                        "see its output above");
            }
            cli.progress().note("pod " + plan.podName() + " removed");
        }
        return 0;
    }
}
