package io.labctl.cli.completion;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labctl help spark <TAB>}: the subcommands below the path typed after {@code help}. */
final class CommandPath implements ValueSource {

    @Override
    public Completions values(Lookup lookup) {
        CommandSpec at = lookup.root();
        for (String name : lookup.line().positionals()) {
            CommandLine next = at.subcommands().get(name);
            if (next == null) {
                return Completions.NONE;
            }
            at = next.getCommandSpec();
        }
        return Completions.of(Completer.subcommands(at));
    }
}
