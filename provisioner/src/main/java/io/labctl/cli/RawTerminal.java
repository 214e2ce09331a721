package io.labctl.cli;

import io.labctl.spark.access.ShellTerminal;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * This process's terminal for an interactive shell in a pod, switched with {@code stty} as kubectl does with its own
 * terminal library: raw while the shell runs (keys go through as typed, the pod's TTY echoes them), then back exactly
 * as it was ({@code stty -g} saves the settings).
 */
public final class RawTerminal implements ShellTerminal {
    private static final File TTY = new File("/dev/tty");
    private final OutputStream screen = new FileOutputStream(FileDescriptor.out); // unbuffered: echo shows at once
    private String saved;

    @Override
    public InputStream in() {
        return System.in;
    }

    @Override
    public OutputStream out() {
        return screen;
    }

    @Override
    public Optional<Size> size() {
        return stty("size").flatMap(RawTerminal::parseSize);
    }

    @Override
    public void raw() {
        saved = stty("-g").orElse(null);
        stty("raw", "-echo");
    }

    @Override
    public void restore() {
        if (saved != null) {
            stty(saved);
            saved = null;
        }
    }

    /** {@code stty size} prints "ROWS COLUMNS". */
    static Optional<Size> parseSize(String output) {
        String[] parts = output.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            int rows = Integer.parseInt(parts[0]);
            int columns = Integer.parseInt(parts[1]);
            return rows > 0 && columns > 0 ? Optional.of(new Size(columns, rows)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Runs stty on the controlling terminal; its output, or empty when it failed. */
    private static Optional<String> stty(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
