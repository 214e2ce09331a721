package io.labctl.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One external program invocation: arguments (never a shell string, so nothing needs quoting), extra
 * environment, working directory, a time limit, and optional consumers that see each output line as it comes.
 */
public record Command(List<String> arguments, Map<String, String> environment, Path directory, Duration timeout,
                      Consumer<String> stdoutLines, Consumer<String> stderrLines) {
    /** Long enough for a VM or a k3s cluster to boot, short enough that a hung tool is noticed. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public Command {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program name");
        }
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    public static Command of(String... arguments) {
        return new Command(List.of(arguments), Map.of(), null, DEFAULT_TIMEOUT, null, null);
    }

    public static Command of(List<String> arguments) {
        return new Command(arguments, Map.of(), null, DEFAULT_TIMEOUT, null, null);
    }

    public String program() {
        return arguments.get(0);
    }

    public Command withTimeout(Duration limit) {
        return new Command(arguments, environment, directory, limit, stdoutLines, stderrLines);
    }

    public Command withDirectory(Path dir) {
        return new Command(arguments, environment, dir, timeout, stdoutLines, stderrLines);
    }

    public Command withEnvironment(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new Command(arguments, env, directory, timeout, stdoutLines, stderrLines);
    }

    public Command withEnvironment(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(extra);
        return new Command(arguments, env, directory, timeout, stdoutLines, stderrLines);
    }

    public Command onStdoutLine(Consumer<String> consumer) {
        return new Command(arguments, environment, directory, timeout, consumer, stderrLines);
    }

    public Command onStderrLine(Consumer<String> consumer) {
        return new Command(arguments, environment, directory, timeout, stdoutLines, consumer);
    }

    public Command withArguments(String... more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(more));
        return new Command(all, environment, directory, timeout, stdoutLines, stderrLines);
    }

    /** The command as a user would type it, for messages and "what labctl runs" notes. */
    public String display() {
        StringBuilder text = new StringBuilder();
        for (String argument : arguments) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(argument.isEmpty() || argument.matches(".*[\\s'\"$`\\\\|&;<>()*?].*")
                    ? "'" + argument.replace("'", "'\\''") + "'" : argument);
        }
        return text.toString();
    }
}
