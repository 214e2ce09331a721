package io.labctl.cli.completion;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The candidates for the word under the cursor, from picocli's model of the commands (subcommands, options, enum
 * values) and, for the arguments {@link ValueSources} names, from what exists right now.
 */
final class Completer {
    /** Parameter labels of plain string arguments that name a file on this machine (--py FILE, --jar JAR). */
    private static final Set<String> FILE_LABELS = Set.of("FILE", "JAR");

    private final ValueSources sources;

    Completer(ValueSources sources) {
        this.sources = sources;
    }

    Completions complete(Lookup lookup) {
        TypedLine line = lookup.line();
        String word = line.current();
        Optional<OptionSpec> awaiting = line.awaitingValue();
        if (awaiting.isPresent()) {
            return values(awaiting.get(), word, lookup);
        }
        if (!line.endOfOptions() && (word.equals("-") || TypedLine.looksLikeOption(word))) {
            return optionWord(line, word, lookup);
        }
        Completions found = Completions.NONE;
        if (!line.endOfOptions() && line.positionals().isEmpty()) {
            found = Completions.of(subcommands(line.command()));
        }
        Optional<PositionalParamSpec> positional = positionalAt(line.command(), line.positionals().size());
        if (positional.isPresent()) {
            found = found.plus(values(positional.get(), word, lookup));
        } else if (found.isEmpty() && !line.endOfOptions()) {
            // Nothing else can come here: what the command still needs, like cobra's required flags.
            found = Completions.of(optionNames(line, true));
        }
        return found.filter(c -> c.value().startsWith(word));
    }

    /** The visible subcommands of {@code command} by their names (not aliases), each with its summary. */
    static List<Candidate> subcommands(CommandSpec command) {
        List<Candidate> names = new ArrayList<>();
        for (Map.Entry<String, CommandLine> entry : command.subcommands().entrySet()) {
            CommandSpec sub = entry.getValue().getCommandSpec();
            if (entry.getKey().equals(sub.name()) && !sub.usageMessage().hidden()) {
                String[] description = sub.usageMessage().description();
                names.add(new Candidate(sub.name(), description.length == 0 ? "" : description[0]));
            }
        }
        return names;
    }

    /** {@code -}, {@code --wor}: option names; {@code --output=j}: that option's values, with the name in front. */
    private Completions optionWord(TypedLine line, String word, Lookup lookup) {
        int equals = word.indexOf('=');
        if (equals > 0) {
            OptionSpec option = line.command().findOption(word.substring(0, equals));
            if (option == null || !TypedLine.takesValue(option)) {
                return Completions.NONE;
            }
            return values(option, word.substring(equals + 1), lookup).prefixed(word.substring(0, equals + 1));
        }
        return Completions.of(optionNames(line, false)).filter(c -> c.value().startsWith(word));
    }

    /** Options still worth offering: not hidden, not given already (unless repeatable), not excluded by a group. */
    private static List<Candidate> optionNames(TypedLine line, boolean requiredOnly) {
        List<Candidate> names = new ArrayList<>();
        for (OptionSpec option : line.command().options()) {
            boolean repeatable = option.isMultiValue();
            if (option.hidden() || (line.given(option) && !repeatable) || excludedByGroup(option, line)
                    || (requiredOnly && !option.required())) {
                continue;
            }
            String description = option.description().length == 0 ? "" : option.description()[0];
            Arrays.stream(option.names()).forEach(name -> names.add(new Candidate(name, description)));
        }
        return names;
    }

    /** {@code spark logs --master|--worker N|--all}: once one of them is given, the others are not offered. */
    private static boolean excludedByGroup(OptionSpec option, TypedLine line) {
        ArgGroupSpec group = option.group();
        if (group == null || !group.exclusive()) {
            return false;
        }
        for (ArgSpec other : group.args()) {
            if (other == option) {
                continue;
            }
            boolean present = other instanceof OptionSpec o ? line.given(o)
                    : line.positionals().size() > ((PositionalParamSpec) other).index().min();
            if (present) {
                return true;
            }
        }
        return false;
    }

    private static Optional<PositionalParamSpec> positionalAt(CommandSpec command, int index) {
        return command.positionalParameters().stream().filter(p -> !p.hidden() && p.index().contains(index)).findFirst();
    }

    /**
     * The values of an option or a positional argument that start with {@code word}. A list option split at commas
     * ({@code --format text,js}) completes its last element and does not offer the ones already in the list.
     */
    private Completions values(ArgSpec arg, String word, Lookup lookup) {
        String head = "";
        String tail = word;
        if (!arg.splitRegex().isEmpty()) {
            Matcher separator = Pattern.compile(arg.splitRegex()).matcher(word);
            int end = -1;
            while (separator.find()) {
                end = separator.end();
            }
            if (end >= 0) {
                head = word.substring(0, end);
                tail = word.substring(end);
            }
        }
        List<String> listed = head.isEmpty() ? List.of() : Arrays.asList(head.split(arg.splitRegex()));
        String typed = tail;
        Completions all = sources.forArgument(arg).map(source -> source.values(lookup)).orElseGet(() -> fromModel(arg));
        return all.filter(c -> c.value().startsWith(typed) && !listed.contains(c.value())).prefixed(head);
    }

    /** What picocli knows: its candidates (enum constants, a provider list), or file names for a file argument. */
    private static Completions fromModel(ArgSpec arg) {
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates != null) {
            List<Candidate> values = new ArrayList<>();
            candidates.forEach(value -> values.add(Candidate.of(value)));
            return Completions.of(values);
        }
        // The element type of a list option, the type itself otherwise.
        boolean pathType = Arrays.stream(arg.auxiliaryTypes())
                .anyMatch(type -> Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type));
        if (pathType && arg.paramLabel().contains("DIR")) {
            return Completions.files(Completions.Files.DIRS);
        }
        if (pathType || FILE_LABELS.contains(arg.paramLabel())) {
            return Completions.files(Completions.Files.FILES);
        }
        return Completions.NONE;
    }
}
