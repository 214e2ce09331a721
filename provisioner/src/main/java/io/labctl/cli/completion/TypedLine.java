package io.labctl.cli.completion;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words typed so far, read the way picocli will parse them once the line is complete: the command they reach,
 * the options given (with their values), that command's positional arguments, and the word under the cursor.
 * Unknown options and surplus words are passed over, never an error: a line being typed is rarely valid yet.
 */
final class TypedLine {
    private final CommandSpec command;
    private final List<String> positionals;
    private final Map<String, String> values;
    private final Set<String> given;
    private final OptionSpec awaitingValue;
    private final boolean endOfOptions;
    private final String current;

    private TypedLine(Reader reader, String current) {
        this.command = reader.command;
        this.positionals = List.copyOf(reader.positionals);
        this.values = Map.copyOf(reader.values);
        this.given = Set.copyOf(reader.given);
        this.awaitingValue = reader.awaiting;
        this.endOfOptions = reader.endOfOptions;
        this.current = current;
    }

    /**
     * Reads {@code words}: everything typed after {@code labctl} up to the cursor, the last word being the one to
     * complete (empty right after a blank). No words at all is the same as one empty word.
     */
    static TypedLine read(CommandSpec root, List<String> words) {
        Reader reader = new Reader(root);
        int last = words.size() - 1;
        for (int i = 0; i < last; i++) {
            reader.accept(words.get(i));
        }
        return new TypedLine(reader, last < 0 ? "" : words.get(last));
    }

    /** The deepest command the words name. */
    CommandSpec command() {
        return command;
    }

    /** The positional arguments of {@link #command()} typed before the current word. */
    List<String> positionals() {
        return positionals;
    }

    /** The value last typed for the option with this name (any of its names), on any command of the line. */
    Optional<String> value(String optionName) {
        OptionSpec option = command.findOption(optionName);
        return Optional.ofNullable(values.get(option == null ? optionName : option.longestName()));
    }

    /** Whether the option was already given on the line. */
    boolean given(OptionSpec option) {
        return given.contains(option.longestName());
    }

    /** The option whose value is the current word ({@code -o <TAB>}), if any. */
    Optional<OptionSpec> awaitingValue() {
        return Optional.ofNullable(awaitingValue);
    }

    /** After {@code --}: every word is a positional argument. */
    boolean endOfOptions() {
        return endOfOptions;
    }

    /** The word being completed, as typed up to the cursor. */
    String current() {
        return current;
    }

    /** Whether a word names an option of {@code command} (not a negative number, not a lone dash). */
    static boolean looksLikeOption(String word) {
        return word.length() > 1 && word.startsWith("-") && !Character.isDigit(word.charAt(1));
    }

    /** Whether the option needs a value (picocli's arity): {@code --workers 3}, not {@code --dry-run}. */
    static boolean takesValue(OptionSpec option) {
        return option.arity().min() > 0;
    }

    /** Walks the words through the command tree, as picocli's parser does. */
    private static final class Reader {
        CommandSpec command;
        final List<String> positionals = new ArrayList<>();
        final Map<String, String> values = new HashMap<>();
        final Set<String> given = new HashSet<>();
        OptionSpec awaiting;
        boolean endOfOptions;

        Reader(CommandSpec root) {
            this.command = root;
        }

        void accept(String word) {
            if (awaiting != null) {
                values.put(awaiting.longestName(), word);
                awaiting = null;
            } else if (!endOfOptions && word.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && looksLikeOption(word)) {
                option(word);
            } else if (!endOfOptions && positionals.isEmpty() && command.subcommands().containsKey(word)) {
                CommandLine sub = command.subcommands().get(word);
                command = sub.getCommandSpec();
            } else {
                positionals.add(word);
            }
        }

        /** {@code --name}, {@code --name=value}, {@code -n}, {@code -nlab}, {@code -n=lab} and clusters like {@code -vq}. */
        private void option(String word) {
            int equals = word.indexOf('=');
            OptionSpec whole = command.findOption(equals < 0 ? word : word.substring(0, equals));
            if (whole != null) {
                given.add(whole.longestName());
                if (equals >= 0) {
                    values.put(whole.longestName(), word.substring(equals + 1));
                } else if (takesValue(whole)) {
                    awaiting = whole;
                }
                return;
            }
            if (word.startsWith("--")) {
                return; // unknown: picocli will say so when the line runs
            }
            for (int i = 1; i < word.length(); i++) {
                OptionSpec shortOption = command.findOption(word.charAt(i));
                if (shortOption == null) {
                    return;
                }
                given.add(shortOption.longestName());
                if (takesValue(shortOption)) {
                    String attached = word.substring(i + 1).replaceFirst("^=", "");
                    if (attached.isEmpty()) {
                        awaiting = shortOption;
                    } else {
                        values.put(shortOption.longestName(), attached);
                    }
                    return;
                }
            }
        }
    }
}
