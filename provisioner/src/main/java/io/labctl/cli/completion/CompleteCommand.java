package io.labctl.cli.completion;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code labctl __complete -- WORD...}: what the completion scripts run on every TAB (cobra's name, as in kubectl).
 * Hidden: people never type it. It always exits 0 and prints no error: a shell shows whatever comes back in the
 * middle of the line being typed.
 */
@Command(name = "__complete", hidden = true,
        description = "For the completion scripts: print the candidates for the last word, one per line (value, tab, "
                + "description), then :files or :dirs when the shell should add file names.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl __complete -- spark sc           # scale", "  labctl __complete -- -o ''              # text json yaml wide name"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE}) // the cluster that names are read from
public final class CompleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WORD",
            description = "The words after 'labctl' up to the cursor, after '--'; the last one is completed (empty after a blank).")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        CommandSpec root = spec.root();
        try {
            TypedLine line = TypedLine.read(root, words);
            Lookup lookup = Lookup.of(cli.context(), cli.target(), line, root);
            new Completer(ValueSources.standard(ClusterRead.standard())).complete(lookup).print(cli.out());
        } catch (RuntimeException e) {
            // A bug must not end up on the user's command line: no candidates is the worst a TAB does.
        }
        return 0;
    }
}
