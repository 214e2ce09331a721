package io.labctl.exec;

import io.labctl.core.Durations;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs external programs (docker, minikube, vagrant, ssh-keygen) with Commons Exec: a watchdog enforces the
 * command's time limit, output is streamed line by line to the command's consumers and also kept for the result.
 * A non-zero exit is a result, not an exception: each driver maps its tool's codes to plain messages.
 */
public final class ProcessRunner {
    private final Map<String, String> baseEnvironment;

    public ProcessRunner() {
        this(System.getenv());
    }

    /** A runner whose programs see {@code environment} (plus each command's own variables) and search its PATH. */
    public ProcessRunner(Map<String, String> environment) {
        this.baseEnvironment = Map.copyOf(environment);
    }

    /**
     * Runs the command to completion.
     *
     * @throws LabctlException PRECONDITION when the program is not installed, TIMEOUT when it ran out of time
     *                         (it is killed), INTERRUPTED when this thread is interrupted
     */
    public ProcessResult run(Command command) {
        Path program = find(command.program()).orElseThrow(() -> LabctlException.precondition(
                "'" + command.program() + "' is not installed (not found on PATH)",
                "install it, or choose another provider: labctl cluster up --help"));
        CommandLine line = new CommandLine(program.toString());
        command.arguments().stream().skip(1).forEach(argument -> line.addArgument(argument, false));

        LineCollector stdout = new LineCollector(command.stdoutLines());
        LineCollector stderr = new LineCollector(command.stderrLines());
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(command.timeout()).get();
        DefaultExecutor executor = DefaultExecutor.builder()
                .setWorkingDirectory(command.directory() == null ? new File(".") : command.directory().toFile())
                .get();
        executor.setStreamHandler(new PumpStreamHandler(stdout, stderr));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null); // every exit status is a result for the caller to interpret

        Map<String, String> environment = new HashMap<>(baseEnvironment);
        environment.putAll(command.environment());
        int exit;
        try {
            exit = executor.execute(line, environment);
        } catch (ExecuteException e) {
            exit = e.getExitValue();
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot run " + command.display() + ": " + e.getMessage(),
                    "check that the program is installed and executable", e);
        } finally {
            stdout.flushQuietly();
            stderr.flushQuietly();
        }
        if (watchdog.killedProcess()) {
            throw new LabctlException(ExitCode.TIMEOUT, "'" + command.display() + "' did not finish within "
                    + Durations.format(command.timeout()) + " and was stopped",
                    "check the tool's own output above; raise the limit with --timeout if the machine is just slow");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while running " + command.display(), null);
        }
        return new ProcessResult(command, exit, stdout.text(), stderr.text());
    }

    /** Runs the command and fails with its last error line unless it exits 0. */
    public ProcessResult runChecked(Command command, ExitCode onFailure, String hint) {
        ProcessResult result = run(command);
        if (!result.succeeded()) {
            throw new LabctlException(onFailure, "'" + command.display() + "' failed (exit " + result.exitCode() + "): "
                    + result.lastErrorLine(), hint);
        }
        return result;
    }

    /** The program's path: as given when it contains a slash, else the first match on this runner's PATH. */
    public Optional<Path> find(String program) {
        if (program.contains(File.separator)) {
            Path path = Path.of(program);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = baseEnvironment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Keeps every line and hands each one to the consumer as soon as it is complete. */
    private static final class LineCollector extends LogOutputStream {
        private final StringBuilder text = new StringBuilder();
        private final Consumer<String> consumer;

        LineCollector(Consumer<String> consumer) {
            super(0, StandardCharsets.UTF_8);
            this.consumer = consumer;
        }

        @Override
        protected synchronized void processLine(String line, int level) {
            text.append(line).append('\n');
            if (consumer != null) {
                consumer.accept(line);
            }
        }

        synchronized String text() {
            return text.toString();
        }

        void flushQuietly() {
            try {
                flush();
                close();
            } catch (IOException ignored) {
                // the process is gone; nothing more will arrive
            }
        }
    }
}
