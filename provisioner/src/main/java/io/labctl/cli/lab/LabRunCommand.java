package io.labctl.cli.lab;

import io.labctl.cli.Cli;
import io.labctl.cli.DryRun;
import io.labctl.cli.GlobalOptionScope;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cli.LabctlCommand;
import io.labctl.core.LabctlException;
import io.labctl.core.ShellQuoting;
import io.labctl.core.TerminalText;
import io.labctl.grading.Lab;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.Lab.Step;
import io.labctl.grading.LabVariables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code labctl lab run EX}: performs an exercise's scripted steps one after the other, each
 * explained and followed by its plain kubectl equivalent. The steps are ordinary labctl commands,
 * run in this process with the same --kubeconfig/--context; the first failing step stops the run
 * with its exit code and says how to resume.
 */
@Command(name = "run", description = "Perform an exercise's scripted steps (e.g. scale to 3, tear down, two clusters side "
        + "by side), explaining each and printing the kubectl equivalent.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl lab run ex3", "  labctl lab run ex4 --from-step 2", "  labctl lab run ex4 --dry-run"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE})
public final class LabRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions labOptions;

    @Parameters(index = "0", paramLabel = "EX", description = "Exercise id.")
    String exercise;

    @Option(names = "--from-step", paramLabel = "N", defaultValue = "1", description = "Start at step N (default: 1).")
    int fromStep;

    @Option(names = "--dry-run", arity = DryRun.ARITY, preprocessor = DryRun.AttachedValueOnly.class, paramLabel = "client",
            description = "Print the steps and their commands; run nothing.")
    DryRun dryRun = DryRun.none;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Lab lab = labOptions.load("spark-k8s", Path.of("").toAbsolutePath());
        Map<String, String> vars = new LinkedHashMap<>(lab.vars());
        vars.putAll(labOptions.vars(lab, cli.options().namespaceOrNull()));
        Exercise ex = lab.exercise(exercise).orElseThrow(() -> LabctlException.usage("lab " + lab.name()
                + " has no exercise '" + exercise + "'", "see the exercises with `labctl lab show`"));
        List<Step> steps = ex.steps();
        if (fromStep < 1 || fromStep > Math.max(1, steps.size())) {
            throw LabctlException.usage("--from-step " + fromStep + " is outside 1.." + steps.size(),
                    "see the steps with `labctl lab show " + ex.id() + "`");
        }
        cli.out().println(ex.id() + ": " + ex.title());
        for (int i = fromStep - 1; i < steps.size(); i++) {
            Step step = steps.get(i);
            cli.out().println();
            cli.out().println("Step " + (i + 1) + "/" + steps.size() + ": "
                    + TerminalText.visible(LabVariables.substitute(step.explain(), vars)));
            if (step.labctl() == null) {
                cli.out().println("  (this step is yours to do; nothing to run)");
            } else {
                List<String> args = step.labctl().stream().map(a -> LabVariables.substitute(a, vars)).toList();
                // Quoted as a shell reads it back: a --set value with a space or ';' must not become two words.
                cli.out().println("  $ labctl " + ShellQuoting.command(args));
                if (!dryRun.on()) {
                    // One command tree to read the step with (it is not run: each run gets a fresh one).
                    CommandLine tree = LabctlCommand.commandLine(root().context());
                    // Evidence for the torn-down check: what existed, recorded before it is deleted.
                    TeardownRecorder.teardown(tree, args).ifPresent(teardown -> TeardownRecorder.record(cli, teardown));
                    cli.out().flush();
                    int status = runStep(cli, tree, args);
                    if (status != 0) {
                        cli.err().println("error: step " + (i + 1) + " failed (exit " + status + ")");
                        cli.err().println("hint: fix what it says, then resume with `labctl lab run " + ex.id()
                                + " --from-step " + (i + 1) + "`");
                        return status;
                    }
                }
            }
            if (step.kubectl() != null) {
                cli.out().println("  by hand: " + TerminalText.visible(LabVariables.substitute(step.kubectl(), vars)));
            }
        }
        cli.out().println();
        cli.out().println((dryRun.on() ? "Dry run: nothing was run. " : "Done. ") + "Check your work: labctl lab check " + ex.id());
        cli.out().flush();
        return 0;
    }

    private LabctlCommand root() {
        return (LabctlCommand) spec.root().userObject();
    }

    /** Runs one step as its own labctl command line, passing on where the cluster is; {@code tree} to look it up. */
    private int runStep(Cli cli, CommandLine tree, List<String> args) {
        List<String> all = new ArrayList<>();
        // Only to steps that contact a cluster: `image build --kubeconfig ...` would be refused as meaningless.
        if (GlobalOptionScope.uses(tree, args, GlobalOptionUse.CLUSTER)) {
            if (cli.options().kubeconfigFile() != null) {
                all.addAll(List.of("--kubeconfig", cli.options().kubeconfigFile().toString()));
            }
            if (cli.target().context() != null) {
                all.addAll(List.of("--context", cli.target().context()));
            }
        }
        all.addAll(args);
        CommandLine step = LabctlCommand.commandLine(root().context());
        return step.execute(all.toArray(String[]::new));
    }
}
